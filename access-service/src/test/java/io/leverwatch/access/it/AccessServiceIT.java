package io.leverwatch.access.it;

import static io.leverwatch.kit.test.CloudEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.access.AccessServiceApplication;
import io.leverwatch.events.Topics;
import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.events.contract.HeldInNameOf;
import io.leverwatch.events.contract.Platform;
import io.leverwatch.kit.contracts.ContractEventHandler;
import io.leverwatch.kit.test.AgencySystem;
import io.leverwatch.kit.test.ContractEventsFeed;
import io.leverwatch.kit.test.ServiceEndToEnd;
import io.leverwatch.kit.test.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * access-service end to end on a real PostgreSQL and a real Kafka broker: access facts sent over HTTP or the
 * inbound topic end up on {@code leverwatch.access.events} keyed by contract, also those that arrived before
 * contract-service registered their account; another agency's are refused or quarantined.
 */
// Closed after the class: another live context of this service would claim the same processor tokens under
// the same owner (pid@host) and publish every event twice.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = AccessServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=access-service")
class AccessServiceIT extends ServiceEndToEnd {

    private static final String ATTACHED = "select count(*) from domainevententry where aggregateidentifier = ?"
            + " and payloadtype = 'io.leverwatch.access.account.AccountAttachedToContract'";

    static TopicReader accessEvents;

    @Autowired
    ContractEventHandler<AccountRegistered> registrations;

    @BeforeAll
    static void readers() {
        accessEvents = new TopicReader(Topics.ACCESS_EVENTS);
    }

    @AfterAll
    static void close() {
        accessEvents.close();
    }

    @Test
    void factsArrivingBeforeTheAccountIsRegisteredArePublishedWithItsContractOnceItIs() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        String accountId = "fb-" + UUID.randomUUID();
        Map<String, Object> change = credentialsChange(accountId);

        assertThat(post(KEY_A, change).statusCode()).isEqualTo(202);
        awaitHeld(accountId, 1);
        sendToInboundTopic(
                KEY_A,
                accountId,
                event(
                        "leverwatch.access.revoked",
                        "2026-04-02T10:05:00Z",
                        Map.of("accountId", accountId, "revokedBy", "AGENCY", "role", "OWNER")));
        awaitHeld(accountId, 2);
        assertThat(accessEvents.drain(Duration.ofSeconds(2)))
                .noneMatch(r -> accountId.equals(
                        TopicReader.json(r).at("/data/accountId").asText()));

        ContractEventsFeed.registerContract(contractId, "agency-a");
        ContractEventsFeed.registerAccount(contractId, "agency-a", accountId);

        List<JsonNode> published = publishedFor(contractId, accountId, 2);
        assertThat(published)
                .extracting(e -> e.get("type").asText())
                .containsExactly("leverwatch.access.credentials-changed", "leverwatch.access.revoked");
        assertThat(published).allSatisfy(e -> {
            assertThat(e.at("/data/contractId").asText()).isEqualTo(contractId);
            assertThat(e.get("contractid").asText()).isEqualTo(contractId);
            assertThat(e.get("agencyid").asText()).isEqualTo("agency-a");
        });
        assertThat(published.get(0).get("originid").asText()).isEqualTo(change.get("id"));
        assertThat(published.get(0).get("time").asText()).isEqualTo("2026-04-02T10:00:00Z");
        assertThat(published.get(0).at("/data/ownerRetainsAccess").asBoolean()).isFalse();
        awaitHeld(accountId, 0);
    }

    @Test
    void factsOnARegisteredAccountArePublishedAtOnce() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        String accountId = "fb-" + UUID.randomUUID();
        registered(contractId, "agency-a", accountId);
        String statement = "Access will be returned once invoice INV-2026-001 is paid.";

        assertThat(post(
                                KEY_A,
                                event(
                                        "leverwatch.access.request-refused",
                                        "2026-04-03T09:00:00Z",
                                        Map.of(
                                                "accountId",
                                                accountId,
                                                "contractId",
                                                contractId,
                                                "reason",
                                                "PAYMENT_PENDING",
                                                "statement",
                                                statement)))
                        .statusCode())
                .isEqualTo(202);
        assertThat(post(
                                KEY_A,
                                event(
                                        "leverwatch.access.restored",
                                        "2026-04-09T16:30:00Z",
                                        Map.of("accountId", accountId, "means", "HANDOVER")))
                        .statusCode())
                .isEqualTo(202);

        List<JsonNode> published = publishedFor(contractId, accountId, 2);
        assertThat(published)
                .extracting(e -> e.get("type").asText())
                .containsExactly("leverwatch.access.request-refused", "leverwatch.access.restored");
        assertThat(published.get(0).at("/data/statement").asText()).isEqualTo(statement);
        assertThat(published.get(0).at("/data/reason").asText()).isEqualTo("PAYMENT_PENDING");
        assertThat(published.get(1).at("/data/means").asText()).isEqualTo("HANDOVER");
    }

    /**
     * A poll's registrations are recorded together, then attached: one refused among them (an account contract-service
     * registered under a second contract) does not hold up the others, each attached once, also when it comes twice.
     */
    @Test
    void aPollOfRegistrationsAttachesEachAccountOnceWhenOneOfThemIsRefused() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        String early = "fb-" + UUID.randomUUID();
        String elsewhere = "fb-" + UUID.randomUUID();
        String plain = "fb-" + UUID.randomUUID();
        String firstContract = "c-" + UUID.randomUUID();
        registered(firstContract, "agency-a", elsewhere);
        awaitCount(ATTACHED, elsewhere, 1);
        assertThat(post(KEY_A, credentialsChange(early)).statusCode()).isEqualTo(202);
        awaitHeld(early, 1);

        registrations.onAll(List.of(
                account(contractId, early),
                account(contractId, elsewhere),
                account(contractId, plain),
                account(contractId, early)));

        for (String accountId : List.of(early, elsewhere, plain)) {
            assertThat(jdbc.queryForObject(ATTACHED, Integer.class, accountId))
                    .as("attachments of %s", accountId)
                    .isEqualTo(1);
        }
        assertThat(jdbc.queryForObject(
                        "select contract_id from known_account where account_id = ?", String.class, elsewhere))
                .isEqualTo(firstContract);
        assertThat(publishedFor(contractId, early, 1))
                .extracting(e -> e.get("type").asText())
                .containsExactly("leverwatch.access.credentials-changed");
        awaitHeld(early, 0);
    }

    @Test
    void anotherAgencysAccountIsRefusedAndAContradictingContractIsAProblem() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        String accountId = "fb-" + UUID.randomUUID();
        registered(contractId, "agency-a", accountId);

        assertThat(post(KEY_B, credentialsChange(accountId)).statusCode()).isEqualTo(403);

        HttpResponse<String> contradicting = post(
                KEY_A,
                event(
                        "leverwatch.access.requested",
                        "2026-04-03T09:00:00Z",
                        Map.of("accountId", accountId, "contractId", "c-other")));
        assertThat(contradicting.statusCode()).isEqualTo(422);
        assertThat(contradicting.body()).contains("registered under contract " + contractId);
    }

    @Test
    void aHeldFactThatTurnsOutToBeAboutAnotherAgencysAccountIsQuarantinedNotPublished() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        String accountId = "fb-" + UUID.randomUUID();
        double before = quarantined();
        assertThat(post(KEY_B, credentialsChange(accountId)).statusCode()).isEqualTo(202);
        awaitHeld(accountId, 1);

        registered(contractId, "agency-a", accountId);

        awaitCount("select count(*) from quarantined_event where gate_key = ?", "account:" + accountId, 1);
        assertThat(jdbc.queryForMap(
                        "select contract_id, sender_agency_id, owner_agency_id from quarantined_event"
                                + " where gate_key = ?",
                        "account:" + accountId))
                .containsEntry("contract_id", contractId)
                .containsEntry("sender_agency_id", "agency-b")
                .containsEntry("owner_agency_id", "agency-a");
        assertThat(quarantined()).isEqualTo(before + 1);
        assertThat(accessEvents.drain(Duration.ofSeconds(2)))
                .noneMatch(r -> accountId.equals(
                        TopicReader.json(r).at("/data/accountId").asText()));
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheField() throws Exception {
        var bad = event(
                "leverwatch.access.credentials-changed",
                "2026-04-02T10:00:00Z",
                Map.of(
                        "accountId",
                        "fb-1",
                        "changedBy",
                        "SOMEONE",
                        "ownerRetainsAccess",
                        "no",
                        "reason",
                        "ROUTINE_ROTATION"));

        HttpResponse<String> response = post(KEY_A, bad);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.body()).get("errors").findValuesAsText("field"))
                .contains("/data/changedBy", "/data/ownerRetainsAccess");
    }

    // --- helpers ---

    private void registered(String contractId, String agencyId, String accountId) throws InterruptedException {
        ContractEventsFeed.registerContract(contractId, agencyId);
        ContractEventsFeed.registerAccount(contractId, agencyId, accountId);
        awaitCount("select count(*) from known_account where account_id = ?", accountId, 1);
    }

    /** Access events wait at the publication gate under their account. */
    private void awaitHeld(String accountId, int expected) throws InterruptedException {
        awaitCount("select count(*) from held_publication where gate_key = ?", "account:" + accountId, expected);
    }

    private static AccountRegistered account(String contractId, String accountId) {
        return new AccountRegistered(
                contractId,
                "agency-a",
                accountId,
                Platform.FACEBOOK,
                "Page Facebook",
                HeldInNameOf.CLIENT,
                Instant.parse("2026-01-06T10:00:00Z"));
    }

    private static Map<String, Object> credentialsChange(String accountId) {
        return event(
                "leverwatch.access.credentials-changed",
                "2026-04-02T10:00:00Z",
                Map.of(
                        "accountId",
                        accountId,
                        "changedBy",
                        "AGENCY",
                        "ownerRetainsAccess",
                        false,
                        "reason",
                        "PAYMENT_DEFAULT"));
    }

    private static List<JsonNode> publishedFor(String contractId, String accountId, int count) {
        return accessEvents.awaitEvents(contractId, "/data/accountId", accountId, count, Duration.ofSeconds(30));
    }

    private static void sendToInboundTopic(String key, String recordKey, Map<String, Object> event) throws Exception {
        AgencySystem.send(Topics.INBOUND_ACCESS, key, recordKey, event);
    }
}
