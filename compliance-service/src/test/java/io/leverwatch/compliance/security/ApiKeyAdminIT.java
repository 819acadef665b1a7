package io.leverwatch.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.kit.security.ApiKeys;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An operator administers the agencies' API keys on compliance-service, in the identity schema the agency services
 * read ({@link ApiKeys#agencyOf} is what they call on every request): a created key authenticates its agency, a
 * rotated one stays valid for its grace period beside its replacement, a revoked one at once stops. Bad input and
 * unknown keys get problems. No key nor hash is ever listed or logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyAdminIT extends SignedInApi {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ApiKeys keys;

    final String agency = "agency-" + UUID.randomUUID();
    /** Every plain key the test saw: none may appear in the log or a listing. */
    final List<String> secrets = new ArrayList<>();

    @Test
    void aCreatedKeyAuthenticatesItsAgencyAndIsListedWithoutItsSecret() throws Exception {
        JsonNode created = created(call("operator", "POST", keysOf(agency), "{\"label\":\"CRM production\"}"));

        assertThat(created.get("agencyId").asText()).isEqualTo(agency);
        assertThat(created.get("key").asText()).startsWith("lw_");
        assertThat(keys.agencyOf(created.get("key").asText())).contains(agency);

        HttpResponse<String> listing = call("operator", "GET", keysOf(agency), null);
        assertThat(listing.statusCode()).isEqualTo(200);
        JsonNode listed = JSON.readTree(listing.body()).get("keys");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("keyId").asText())
                .isEqualTo(created.get("keyId").asText());
        assertThat(listed.get(0).get("label").asText()).isEqualTo("CRM production");
        assertThat(listed.get(0).get("valid").asBoolean()).isTrue();
        assertThat(listed.get(0).get("createdAt").isNull()).isFalse();
        assertThat(listed.get(0).has("key")).isFalse();
        assertThat(listing.body())
                .doesNotContain(ApiKeys.hash(created.get("key").asText()));
    }

    @Test
    void duringARotationTheOldAndTheNewKeyAreBothValidUntilTheGracePeriodEnds() throws Exception {
        JsonNode old = created(call("operator", "POST", keysOf(agency), null));

        JsonNode rotation = created(call(
                "operator",
                "POST",
                "/api/admin/keys/" + old.get("keyId").asText() + "/rotate",
                "{\"gracePeriod\":\"PT2H\"}"));

        assertThat(rotation.get("keyId").asText()).isNotEqualTo(old.get("keyId").asText());
        assertThat(keys.agencyOf(old.get("key").asText())).contains(agency);
        assertThat(keys.agencyOf(rotation.get("key").asText())).contains(agency);
        Instant expiry = Instant.parse(rotation.at("/replaced/expiresAt").asText());
        assertThat(Duration.between(Instant.now(), expiry)).isBetween(Duration.ofMinutes(110), Duration.ofHours(2));

        JsonNode immediate = created(call(
                "operator",
                "POST",
                "/api/admin/keys/" + rotation.get("keyId").asText() + "/rotate",
                "{\"gracePeriod\":\"PT0S\"}"));
        assertThat(keys.agencyOf(rotation.get("key").asText()))
                .as("a zero grace period ends it now")
                .isEmpty();
        assertThat(keys.agencyOf(immediate.get("key").asText())).contains(agency);
        assertThat(JSON.readTree(call("operator", "GET", keysOf(agency), null).body())
                        .get("keys"))
                .extracting(key -> key.get("valid").asBoolean())
                .containsExactly(true, false, true);
    }

    @Test
    void aRevokedKeyStopsAtOnceAndCannotBeRotated() throws Exception {
        JsonNode key = created(call("operator", "POST", keysOf(agency), null));
        String keyId = key.get("keyId").asText();

        HttpResponse<String> revoked = call("operator", "DELETE", "/api/admin/keys/" + keyId, null);

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(revoked.body()).get("valid").asBoolean()).isFalse();
        assertThat(keys.agencyOf(key.get("key").asText())).isEmpty();
        assertThat(call("operator", "DELETE", "/api/admin/keys/" + keyId, null).statusCode())
                .as("revoking again changes nothing")
                .isEqualTo(200);
        assertProblem(call("operator", "POST", "/api/admin/keys/" + keyId + "/rotate", null), 409, "key-not-valid");
    }

    @Test
    void unknownKeysAndAgenciesAndBadInputGetProblems() throws Exception {
        assertProblem(call("operator", "DELETE", "/api/admin/keys/key-unknown", null), 404, "unknown-key");
        assertProblem(call("operator", "POST", "/api/admin/keys/key-unknown/rotate", null), 404, "unknown-key");
        assertProblem(call("operator", "GET", keysOf(agency), null), 404, "unknown-agency");
        assertProblem(call("operator", "POST", keysOf("bad%20agency"), null), 400, "bad-parameter");
        assertProblem(
                call("operator", "POST", keysOf(agency), "{\"label\":\"" + "x".repeat(201) + "\"}"),
                400,
                "bad-parameter");
        String keyId = created(call("operator", "POST", keysOf(agency), null))
                .get("keyId")
                .asText();
        assertProblem(
                call("operator", "POST", "/api/admin/keys/" + keyId + "/rotate", "{\"gracePeriod\":\"tomorrow\"}"),
                400,
                "bad-parameter");
        assertProblem(
                call("operator", "POST", "/api/admin/keys/" + keyId + "/rotate", "{\"gracePeriod\":\"P31D\"}"),
                400,
                "bad-parameter");
        assertThat(call("operator", "POST", keysOf(agency), "{not json").statusCode())
                .isEqualTo(400);
    }

    @AfterEach
    void noKeyNorHashIsEverLogged(CapturedOutput output) {
        assertThat(output.getAll()).contains("API key");
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret).doesNotContain(ApiKeys.hash(secret));
        }
    }

    private JsonNode created(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        secrets.add(body.get("key").asText());
        return body;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("type").asText())
                .isEqualTo("https://leverwatch.io/problems/" + type);
    }

    private static String keysOf(String agencyId) {
        return "/api/admin/agencies/" + agencyId + "/keys";
    }
}
