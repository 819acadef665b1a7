package io.leverwatch.compliance.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.events.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

/** The lag of a topic is the sum of its partitions' lag, over every consumer of the container. */
class InboxMetricsTest {

    @Test
    void sumsTheLagOfEveryPartitionOfTheTopic() {
        Map<MetricName, Metric> first = new HashMap<>();
        put(first, lag(Topics.ACCESS_EVENTS, "0"), 5);
        put(first, lag(Topics.ACCESS_EVENTS, "1"), 2);
        put(first, lag(Topics.BILLING_EVENTS, "0"), 100);
        put(first, new MetricName("records-lag-max", "consumer-fetch-manager-metrics", "", Map.of()), 100);
        Map<MetricName, Metric> second = new HashMap<>();
        put(second, lag(Topics.ACCESS_EVENTS.replace('.', '_'), "2"), 3);
        put(second, lag(Topics.ACCESS_EVENTS, "3"), Double.NaN);

        double lag = InboxMetrics.lag(Map.of("consumer-1", first, "consumer-2", second), Topics.ACCESS_EVENTS);

        assertThat(lag).isEqualTo(10);
        assertThat(InboxMetrics.lag(Map.of(), Topics.CONTRACT_EVENTS)).isZero();
    }

    private static MetricName lag(String topic, String partition) {
        return new MetricName(
                "records-lag", "consumer-fetch-manager-metrics", "", Map.of("topic", topic, "partition", partition));
    }

    private static void put(Map<MetricName, Metric> metrics, MetricName name, double value) {
        metrics.put(
                name,
                new Metric() { // a client's gauge, reduced to its value
                    @Override
                    public MetricName metricName() {
                        return name;
                    }

                    @Override
                    public Object metricValue() {
                        return value;
                    }
                });
    }
}
