package io.leverwatch.compliance.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Consumes one record of an outbound topic: reads it, appends it to the inbox, and returns, after which the
 * container commits its offset. A record that cannot be read is dead-lettered and the consumer goes on; a failure
 * of our own (the database is down) is thrown, so the record is retried, never skipped.
 */
public class InboxListener {

    private static final Logger log = LoggerFactory.getLogger(InboxListener.class);

    private final InboxRecordReader reader;
    private final Inbox inbox;
    private final InboxDeadLetters deadLetters;
    private final InboxMetrics metrics;

    public InboxListener(InboxRecordReader reader, Inbox inbox, InboxDeadLetters deadLetters, InboxMetrics metrics) {
        this.reader = reader;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        InboxEvent event;
        try {
            event = reader.read(record);
        } catch (UnreadableRecordException e) {
            deadLetters.send(record, e.getMessage());
            metrics.deadLettered(record.topic(), e.reason());
            return;
        }
        MDC.put("ceId", event.eventId());
        MDC.put("contractId", event.contractId());
        try {
            if (inbox.append(event) == Inbox.Outcome.APPENDED) {
                metrics.appended(record.topic());
            } else {
                metrics.duplicate(record.topic());
                log.debug(
                        "dropped {} {}: already in the inbox",
                        event.payload().getClass().getSimpleName(),
                        event.eventId());
            }
        } finally {
            MDC.remove("ceId");
            MDC.remove("contractId");
        }
    }
}
