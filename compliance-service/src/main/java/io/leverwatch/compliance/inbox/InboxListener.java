package io.leverwatch.compliance.inbox;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Consumes what one poll of the outbound topics delivered: reads every record, appends the readable ones to the inbox
 * together, in their order, then dead-letters the unreadable ones, and returns, after which the container commits the
 * offsets. A failure of our own (the database is down) is thrown, so the whole delivery is retried, never skipped;
 * what a retry appends again is dropped as a duplicate.
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

    public void onRecords(List<ConsumerRecord<byte[], byte[]>> records) {
        List<ConsumerRecord<byte[], byte[]>> readable = new ArrayList<>(records.size());
        List<InboxEvent> events = new ArrayList<>(records.size());
        List<Unreadable> unreadable = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                events.add(reader.read(record));
                readable.add(record);
            } catch (UnreadableRecordException e) {
                unreadable.add(new Unreadable(record, e));
            }
        }
        List<Inbox.Outcome> outcomes = inbox.appendAll(events);
        for (int i = 0; i < events.size(); i++) {
            counted(readable.get(i).topic(), events.get(i), outcomes.get(i));
        }
        for (Unreadable dead : unreadable) {
            deadLetters.send(dead.record(), dead.reason().getMessage());
            metrics.deadLettered(dead.record().topic(), dead.reason().reason());
        }
    }

    private void counted(String topic, InboxEvent event, Inbox.Outcome outcome) {
        if (outcome == Inbox.Outcome.APPENDED) {
            metrics.appended(topic);
            return;
        }
        metrics.duplicate(topic);
        MDC.put("ceId", event.eventId());
        MDC.put("contractId", event.contractId());
        try {
            log.debug(
                    "dropped {} {}: already in the inbox",
                    event.payload().getClass().getSimpleName(),
                    event.eventId());
        } finally {
            MDC.remove("ceId");
            MDC.remove("contractId");
        }
    }

    private record Unreadable(ConsumerRecord<byte[], byte[]> record, UnreadableRecordException reason) {}
}
