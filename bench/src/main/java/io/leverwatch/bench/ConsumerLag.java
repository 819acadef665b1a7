package io.leverwatch.bench;

import io.leverwatch.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records a consumer group has not committed yet: the end offsets minus the group's committed offsets
 * ({@code listConsumerGroupOffsets}), summed over every partition. Compliance's inbox group on the three outbound
 * topics; the contract learners of billing- and access-service on the contract topic.
 */
final class ConsumerLag implements AutoCloseable {

    static final String INBOX_GROUP = "compliance-service-inbox";
    static final List<String> CONTRACT_LEARNERS = List.of("billing-service-contracts", "access-service-contracts");
    private static final List<String> TOPICS =
            List.of(Topics.CONTRACT_EVENTS, Topics.BILLING_EVENTS, Topics.ACCESS_EVENTS);

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    long lag() throws Exception {
        return lag(INBOX_GROUP, TOPICS);
    }

    /**
     * The contract events that billing- and access-service have not read yet: each learns every contract (and
     * access-service every account, with a command to its aggregate) in a consumer group of its own.
     */
    long contractLearnersLag() throws Exception {
        long lag = 0;
        for (String group : CONTRACT_LEARNERS) {
            lag += lag(group, List.of(Topics.CONTRACT_EVENTS));
        }
        return lag;
    }

    private long lag(String group, List<String> topicNames) throws Exception {
        Map<String, TopicDescription> topics =
                admin.describeTopics(topicNames).allTopicNames().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = topics.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close();
    }
}
