package io.leverwatch.compliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.compliance.testing.LegalCase;
import io.leverwatch.compliance.testing.ServicePublishers.Published;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hash chain kept over the inbox as events are appended: the stored history verifies against it, and a row
 * altered or deleted with SQL is named as the first broken link. Every change is undone before the test ends.
 */
class InboxIntegrityIT extends ComplianceIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theStoredInboxVerifiesAndAnAlteredOrRemovedRowIsNamed() throws Exception {
        LegalCase legalCase = new LegalCase("c-" + UUID.randomUUID());
        Published registration = services.publish(legalCase.contractEvents().get(0), LegalCase.AGENCY);
        Published account = services.publish(legalCase.contractEvents().get(1), LegalCase.AGENCY);
        awaitStored(registration.eventId());
        awaitStored(account.eventId());

        JsonNode intact = integrity();
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("firstBrokenLink").isNull()).isTrue();
        assertThat(intact.get("linksChecked").asLong())
                .isEqualTo(intact.at("/head/position").asLong());
        assertThat(chainPosition(account.eventId())).isGreaterThan(chainPosition(registration.eventId()));

        Map<String, Object> row =
                jdbc.queryForMap("select * from domainevententry where eventidentifier = ?", registration.eventId());
        byte[] payload = (byte[]) row.get("payload");
        try {
            String forged = new String(payload, StandardCharsets.UTF_8).replace("Agence Pixel", "Agence Pixie");
            jdbc.update(
                    "update domainevententry set payload = ? where eventidentifier = ?",
                    forged.getBytes(StandardCharsets.UTF_8),
                    registration.eventId());

            JsonNode altered = integrity();
            assertThat(altered.get("intact").asBoolean()).isFalse();
            assertThat(altered.at("/firstBrokenLink/kind").asText()).isEqualTo("EVENT_ALTERED");
            assertThat(altered.at("/firstBrokenLink/eventId").asText()).isEqualTo(registration.eventId());
            assertThat(altered.get("problems")).hasSize(1);
        } finally {
            jdbc.update(
                    "update domainevententry set payload = ? where eventidentifier = ?",
                    payload,
                    registration.eventId());
        }
        assertThat(integrity().get("intact").asBoolean()).isTrue();

        // A link renamed after another chained event: no key refuses the copy of the event id (V500), the check does.
        long registrationLink = chainPosition(registration.eventId());
        jdbc.update("update inbox_chain set event_id = ? where position = ?", account.eventId(), registrationLink);
        try {
            JsonNode renamed = integrity();
            assertThat(renamed.get("intact").asBoolean()).isFalse();
            assertThat(renamed.at("/firstBrokenLink/kind").asText()).isEqualTo("EVENT_ALTERED");
            assertThat(renamed.at("/firstBrokenLink/position").asLong()).isEqualTo(registrationLink);
            assertThat(renamed.get("problems")).hasSize(1);
        } finally {
            jdbc.update(
                    "update inbox_chain set event_id = ? where position = ?", registration.eventId(), registrationLink);
        }
        assertThat(integrity().get("intact").asBoolean()).isTrue();

        Map<String, Object> removedRow =
                jdbc.queryForMap("select * from domainevententry where eventidentifier = ?", account.eventId());
        jdbc.update("delete from domainevententry where eventidentifier = ?", account.eventId());
        try {
            JsonNode removed = integrity();
            assertThat(removed.get("intact").asBoolean()).isFalse();
            assertThat(removed.at("/firstBrokenLink/kind").asText()).isEqualTo("EVENT_REMOVED");
            assertThat(removed.at("/firstBrokenLink/eventId").asText()).isEqualTo(account.eventId());
        } finally {
            jdbc.update(
                    "insert into domainevententry (globalindex, aggregateidentifier, sequencenumber, type,"
                            + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    removedRow.get("globalindex"),
                    removedRow.get("aggregateidentifier"),
                    removedRow.get("sequencenumber"),
                    removedRow.get("type"),
                    removedRow.get("eventidentifier"),
                    removedRow.get("metadata"),
                    removedRow.get("payload"),
                    removedRow.get("payloadrevision"),
                    removedRow.get("payloadtype"),
                    removedRow.get("timestamp"));
        }
        assertThat(integrity().get("intact").asBoolean()).isTrue();
    }

    @Test
    void onlyAnOperatorChecksIntegrity() throws Exception {
        assertThat(get(AUDITOR, "/api/admin/integrity").statusCode()).isEqualTo(403);
        assertThat(get(OFFICER, "/api/admin/integrity").statusCode()).isEqualTo(403);
    }

    private JsonNode integrity() throws Exception {
        HttpResponse<String> response = get(OPERATOR, "/api/admin/integrity");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private long chainPosition(String eventId) {
        return jdbc.queryForObject("select position from inbox_chain where event_id = ?", Long.class, eventId);
    }

    private void awaitStored(String eventId) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Long count =
                    jdbc.queryForObject("select count(*) from inbox_chain where event_id = ?", Long.class, eventId);
            if (count != null && count == 1) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("event " + eventId + " was not chained");
    }
}
