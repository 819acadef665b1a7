package io.leverwatch.kit.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code leverwatch.publish.lag}: how many stored events the outbound publisher has not yet sent, read
 * from the event store head and the publisher's token. Zero when all is published; growing while Kafka is
 * down.
 */
public class PublishLag {

    public PublishLag(JdbcTemplate jdbc, MeterRegistry registry, String processorName) {
        Gauge.builder("leverwatch.publish.lag", () -> lag(jdbc, processorName))
                .description("stored events not yet published to Kafka")
                .register(registry);
    }

    private static double lag(JdbcTemplate jdbc, String processorName) {
        try {
            Long head = jdbc.queryForObject("select coalesce(max(globalindex), -1) from domainevententry", Long.class);
            Long position = jdbc.queryForObject(
                    "select count(*) from domainevententry where globalindex > coalesce((select min(cast("
                            + "substring(convert_from(token, 'UTF8') from '\"(?:index|globalIndex)\":([0-9]+)') as bigint))"
                            + " from tokenentry where processorname = ?), -1)",
                    Long.class,
                    processorName);
            return head == null || head < 0 ? 0 : position;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
