package io.leverwatch.billing.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.billing.BillingServiceApplication;
import io.leverwatch.events.Topics;
import io.leverwatch.kit.test.AgencySystem;
import io.leverwatch.kit.test.ContractEventsFeed;
import io.leverwatch.kit.test.RealInfrastructure;
import io.leverwatch.kit.test.Rows;
import io.leverwatch.kit.test.ServiceEndToEnd;
import io.leverwatch.kit.test.TopicReader;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deadline that marks an invoice overdue is stored in PostgreSQL: scheduled by one run of billing-service,
 * it fires in the next one. The second run's clock stands past the due date, as the wall clock will.
 */
class OverdueDeadlineRestartIT {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void aDeadlineScheduledBeforeARestartFiresAfterIt() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        String invoiceId = "INV-" + UUID.randomUUID();
        LocalDate dueOn = TODAY.plusDays(10);
        ContractEventsFeed.registerContract(contractId, "agency-a");

        try (TopicReader billingEvents = new TopicReader(Topics.BILLING_EVENTS)) {
            try (ConfigurableApplicationContext first = start(Duration.ZERO)) {
                Rows.awaitCount(
                        first.getBean(JdbcTemplate.class),
                        "select count(*) from known_contract where contract_id = ?",
                        contractId,
                        1);
                HttpResponse<String> issued = post(
                        first, BillingServiceIT.issue(invoiceId, contractId, "1200.00", TODAY.minusDays(1), dueOn));
                assertThat(issued.statusCode()).isEqualTo(202);
                assertThat(published(billingEvents, invoiceId, 1))
                        .extracting(e -> e.get("type").asText())
                        .containsExactly("leverwatch.invoice.issued");
                assertThat(deadlinesAt(first, dueOn)).isPositive();
            }
            assertThat(billingEvents.drain(Duration.ofSeconds(1)).stream()
                            .map(TopicReader::json)
                            .filter(e ->
                                    invoiceId.equals(e.at("/data/invoiceId").asText())))
                    .as("not overdue before the restart")
                    .hasSize(1);

            try (ConfigurableApplicationContext second = start(Duration.ofDays(11))) {
                List<JsonNode> events = published(billingEvents, invoiceId, 2);
                assertThat(events)
                        .extracting(e -> e.get("type").asText())
                        .containsExactly("leverwatch.invoice.issued", "leverwatch.invoice.overdue");
                JsonNode overdue = events.get(1);
                assertThat(overdue.get("time").asText()).isEqualTo(dueOn.plusDays(1) + "T00:00:00Z");
                assertThat(overdue.at("/data/cause").asText()).isEqualTo("DUE_DATE_PASSED");
                assertThat(overdue.get("agencyid").asText()).isEqualTo("agency-a");
                assertThat(overdue.get("contractid").asText()).isEqualTo(contractId);
            }
        }
    }

    /** billing-service as it is started in production, with its clock moved forward by {@code shift}. */
    private static ConfigurableApplicationContext start(Duration shift) {
        Map<String, Object> properties = new HashMap<>();
        RealInfrastructure.register((name, value) -> properties.put(name, value.get()));
        properties.put("server.port", 0);
        properties.put("leverwatch.embedded", true);
        properties.put("leverwatch.demo-keys[0]", "agency-a=" + ServiceEndToEnd.KEY_A);
        properties.put("leverwatch.deadlines.polling-interval", "1s");
        properties.put("test.clock-shift", shift.toString());
        // As arguments, so they win over the kit's defaults as the environment does in production.
        String[] args = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return BillingServiceApplication.builder().sources(ShiftedClock.class).run(args);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ShiftedClock {
        @Bean
        Clock clock(Environment environment) {
            return Clock.offset(Clock.systemUTC(), Duration.parse(environment.getProperty("test.clock-shift")));
        }
    }

    /** Deadlines stored to fire when an invoice due on {@code dueOn} becomes overdue. */
    private static int deadlinesAt(ConfigurableApplicationContext context, LocalDate dueOn) {
        return context.getBean(JdbcTemplate.class)
                .queryForObject(
                        "select count(*) from scheduled_tasks where execution_time = ?",
                        Integer.class,
                        Timestamp.from(
                                dueOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    private static List<JsonNode> published(TopicReader reader, String invoiceId, int count) {
        return reader
                .awaitMatching(
                        r -> invoiceId.equals(
                                TopicReader.json(r).at("/data/invoiceId").asText()),
                        count,
                        Duration.ofSeconds(45))
                .stream()
                .map(TopicReader::json)
                .toList();
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext context, Map<String, Object> event)
            throws Exception {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        return AgencySystem.post(port, ServiceEndToEnd.KEY_A, event);
    }
}
