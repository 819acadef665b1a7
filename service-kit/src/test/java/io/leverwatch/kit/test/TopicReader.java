package io.leverwatch.kit.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a topic from its start, for tests that check what a service really published. */
public final class TopicReader implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();

    public TopicReader(String topic) {
        this(topic, RealInfrastructure.bootstrapServers());
    }

    public TopicReader(String topic, String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
    }

    /** Polls until a record matches or the timeout passes; returns every match seen so far. */
    public List<ConsumerRecord<byte[], byte[]>> awaitMatching(
            Predicate<ConsumerRecord<byte[], byte[]>> matcher, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(250)).forEach(seen::add);
            if (seen.stream().filter(matcher).count() >= count) {
                break;
            }
        }
        return seen.stream().filter(matcher).toList();
    }

    /**
     * Polls until {@code count} events keyed by {@code key} carry {@code value} at the JSON {@code pointer} (e.g.
     * {@code /data/invoiceId}), or the timeout passes; returns those seen so far, as JSON, in topic order.
     */
    public List<JsonNode> awaitEvents(String key, String pointer, String value, int count, Duration timeout) {
        return awaitMatching(
                        r -> key.equals(key(r))
                                && value.equals(json(r).at(pointer).asText()),
                        count,
                        timeout)
                .stream()
                .map(TopicReader::json)
                .toList();
    }

    /** Everything that arrives within the window, for checks that nothing (more) was published. */
    public List<ConsumerRecord<byte[], byte[]>> drain(Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(250)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    public static JsonNode json(ConsumerRecord<byte[], byte[]> record) {
        try {
            return MAPPER.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
