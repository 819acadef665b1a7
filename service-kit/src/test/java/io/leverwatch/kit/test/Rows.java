package io.leverwatch.kit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Waits for what a service does asynchronously (consuming a topic, releasing held events) to show in its tables. */
public final class Rows {

    /** Polls {@code countQuery}, which takes one id, until it counts {@code expected}; fails after 30 seconds. */
    public static void awaitCount(JdbcTemplate jdbc, String countQuery, String id, int expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject(countQuery, Integer.class, id) != expected) {
            assertThat(System.nanoTime())
                    .as("waiting for " + countQuery + " " + id + " = " + expected)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private Rows() {}
}
