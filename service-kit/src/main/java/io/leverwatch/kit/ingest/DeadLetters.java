package io.leverwatch.kit.ingest;

import io.leverwatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends an inbound record that cannot be accepted to {@code leverwatch.inbound.dlq}: the same key, value
 * and headers, plus the reason, the errors as JSON and where it came from. The consumer then moves on.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<byte[], byte[]> template;
    private final IngestMetrics metrics;

    public DeadLetters(KafkaTemplate<byte[], byte[]> template, IngestMetrics metrics) {
        this.template = template;
        this.metrics = metrics;
    }

    public void send(ConsumerRecord<byte[], byte[]> record, String reason, String errorsJson) {
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(Topics.INBOUND_DLQ, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().equalsIgnoreCase("authorization")) {
                dead.headers().add(header);
            }
        }
        dead.headers().add(Topics.DLQ_REASON_HEADER, bytes(reason));
        dead.headers().add(Topics.DLQ_ERRORS_HEADER, bytes(errorsJson));
        dead.headers().add(Topics.DLQ_ORIGIN_TOPIC_HEADER, bytes(record.topic()));
        dead.headers().add(Topics.DLQ_ORIGIN_PARTITION_HEADER, bytes(Integer.toString(record.partition())));
        dead.headers().add(Topics.DLQ_ORIGIN_OFFSET_HEADER, bytes(Long.toString(record.offset())));
        try {
            template.send(dead).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (Exception e) {
            // Not acknowledged: the record is retried rather than lost.
            throw new IllegalStateException("could not dead-letter " + record.topic() + "@" + record.offset(), e);
        }
        metrics.deadLettered(reason);
        log.warn("dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
