package io.leverwatch.contract.it;

import static io.leverwatch.contract.it.Registrations.registration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.contract.ContractServiceApplication;
import io.leverwatch.kit.test.MovableClock;
import io.leverwatch.kit.test.ServiceEndToEnd;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The ingestion rate limit on the real service, set low (1 request per second, bursts of 3) and on a clock the test
 * moves: an agency past its burst gets 429 with Retry-After and a problem, nothing of the refused event is kept,
 * another agency is not slowed, and the agency is served again once a token is back. The keys never reach the log.
 */
@SpringBootTest(
        classes = ContractServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=contract-service",
            "leverwatch.rate-limit.requests-per-second=1",
            "leverwatch.rate-limit.burst=3"
        })
@Import(RateLimitIT.StillClock.class)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class RateLimitIT extends ServiceEndToEnd {

    @TestConfiguration
    static class StillClock {
        @Bean
        MovableClock clock() {
            return new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
        }
    }

    @Autowired
    Clock clock;

    @Test
    void anAgencyPastItsBurstIsToldToRetryLaterAndOthersAreNotSlowed(CapturedOutput output) throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post(KEY_A, newRegistration("agency-a")).statusCode()).isEqualTo(202);
        }

        String refusedContract = "c-" + UUID.randomUUID();
        HttpResponse<String> flooded = post(KEY_A, registration(refusedContract, "agency-a"));

        assertThat(flooded.statusCode()).isEqualTo(429);
        assertThat(flooded.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(flooded.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = MAPPER.readTree(flooded.body());
        assertThat(problem.get("type").asText()).isEqualTo("https://leverwatch.io/problems/rate-limited");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(jdbc.queryForObject(
                        "select count(*) from contract_view where contract_id = ?", Integer.class, refusedContract))
                .isZero();

        assertThat(post(KEY_B, newRegistration("agency-b")).statusCode())
                .as("another agency keeps its own burst")
                .isEqualTo(202);

        ((MovableClock) clock).advance(Duration.ofSeconds(1));
        assertThat(post(KEY_A, registration(refusedContract, "agency-a")).statusCode())
                .isEqualTo(202);
        assertThat(post(KEY_A, newRegistration("agency-a")).statusCode()).isEqualTo(429);

        assertThat(output.getAll()).doesNotContain(KEY_A).doesNotContain(KEY_B);
    }

    @Test
    void callersWithoutAValidKeyAreRefusedAsUnauthenticatedNotCounted() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(post("lw_not_a_key_" + i, newRegistration("agency-a")).statusCode())
                    .isEqualTo(401);
        }
    }

    private static Map<String, Object> newRegistration(String agencyId) {
        return registration("c-" + UUID.randomUUID(), agencyId);
    }
}
