package io.leverwatch.compliance.inbox;

import io.leverwatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends a record the inbox cannot read to {@value #TOPIC}: the same key, value and headers, plus the reason and
 * where it came from (the header names of {@link Topics}), so that an operator can inspect and replay it.
 */
public class InboxDeadLetters {

    /** compliance's own dead-letter topic: what the services published but compliance could not read. */
    public static final String TOPIC = "leverwatch.compliance.dlq";

    private static final Logger log = LoggerFactory.getLogger(InboxDeadLetters.class);

    private final KafkaTemplate<byte[], byte[]> template;

    public InboxDeadLetters(KafkaTemplate<byte[], byte[]> template) {
        this.template = template;
    }

    /** Sends and waits for the broker; throws if it does not answer, so the record is retried, never lost. */
    public void send(ConsumerRecord<byte[], byte[]> record, String reason) {
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(TOPIC, record.key(), record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        dead.headers().add(Topics.DLQ_REASON_HEADER, bytes(reason));
        dead.headers().add(Topics.DLQ_ORIGIN_TOPIC_HEADER, bytes(record.topic()));
        dead.headers().add(Topics.DLQ_ORIGIN_PARTITION_HEADER, bytes(Integer.toString(record.partition())));
        dead.headers().add(Topics.DLQ_ORIGIN_OFFSET_HEADER, bytes(Long.toString(record.offset())));
        try {
            template.send(dead).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + record.topic() + "@" + record.offset(), e);
        }
        log.warn("dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
