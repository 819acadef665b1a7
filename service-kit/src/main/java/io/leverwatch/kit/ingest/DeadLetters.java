package io.leverwatch.kit.ingest;

import io.leverwatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
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

    /**
     * Dead-letters the record. A value that fills a Kafka record, with the dead letter's headers added, is too large
     * to be sent again: it is left out, and found at its origin offset, rather than the dead letter failing for ever.
     */
    public void send(ConsumerRecord<byte[], byte[]> record, String reason, String errorsJson) {
        try {
            deliver(deadLetter(record, record.value(), reason, errorsJson), record);
        } catch (RecordTooLargeException e) {
            deliver(
                    deadLetter(
                            record,
                            null,
                            reason + " (the value is too large to dead-letter: read it at its origin offset)",
                            errorsJson),
                    record);
        }
        metrics.deadLettered(reason);
        log.warn("dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
    }

    private static ProducerRecord<byte[], byte[]> deadLetter(
            ConsumerRecord<byte[], byte[]> record, byte[] value, String reason, String errorsJson) {
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(Topics.INBOUND_DLQ, record.key(), value);
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
        return dead;
    }

    private void deliver(ProducerRecord<byte[], byte[]> dead, ConsumerRecord<byte[], byte[]> record) {
        try {
            template.send(dead).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (Exception e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof RecordTooLargeException tooLarge) {
                    throw tooLarge;
                }
            }
            // Not acknowledged: the record is retried rather than lost.
            throw new IllegalStateException("could not dead-letter " + record.topic() + "@" + record.offset(), e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
