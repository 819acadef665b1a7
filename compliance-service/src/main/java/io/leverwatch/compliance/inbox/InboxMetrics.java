package io.leverwatch.compliance.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * What an operator watches on the inbox, per topic: {@code leverwatch.inbox.appended}, {@code .duplicates},
 * {@code .dead.lettered} (with its reason) and {@code leverwatch.inbox.lag}, the records not yet consumed.
 */
public class InboxMetrics {

    private final MeterRegistry registry;

    public InboxMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void appended(String topic) {
        Counter.builder("leverwatch.inbox.appended")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }

    public void duplicate(String topic) {
        Counter.builder("leverwatch.inbox.duplicates")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }

    public void deadLettered(String topic, String reason) {
        Counter.builder("leverwatch.inbox.dead.lettered")
                .tag("topic", topic)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /**
     * One lag gauge per topic: the sum, over the partitions this instance consumes, of the consumer's own
     * {@code records-lag} (log end offset minus position). Zero when it holds no partition of the topic.
     */
    public void watchLag(MessageListenerContainer container, Collection<String> topics) {
        for (String topic : topics) {
            Gauge.builder("leverwatch.inbox.lag", container, c -> lag(c.metrics(), topic))
                    .tag("topic", topic)
                    .description("records of the topic this instance has not consumed yet")
                    .register(registry);
        }
    }

    static double lag(Map<String, Map<MetricName, ? extends Metric>> metricsByClient, String topic) {
        // Kafka tags partition metrics with the topic name, older clients with its dots replaced.
        String legacyTag = topic.replace('.', '_');
        double lag = 0;
        for (Map<MetricName, ? extends Metric> metrics : metricsByClient.values()) {
            for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
                MetricName name = entry.getKey();
                String tag = name.tags().get("topic");
                if (name.name().equals("records-lag")
                        && name.group().equals("consumer-fetch-manager-metrics")
                        && name.tags().containsKey("partition")
                        && (topic.equals(tag) || legacyTag.equals(tag))
                        && entry.getValue().metricValue() instanceof Number value
                        && !Double.isNaN(value.doubleValue())) {
                    lag += value.doubleValue();
                }
            }
        }
        return lag;
    }
}
