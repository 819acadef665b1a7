package io.leverwatch.bench;

import io.leverwatch.platform.Platform;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Publishes the generator's stories onto the three outbound topics, as fast as the producer goes or at a steady
 * offered rate, one contract after the other; what it keeps is counters, so memory stays flat.
 */
final class Load implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private long events;

    Load(Platform platform) {
        this.producer = CloudEventRecords.producer(platform.kafka().bootstrapServers());
    }

    /**
     * Publishes stories {@code from} to {@code from + count - 1}; at {@code eventsPerSecond} when positive (each event
     * at its slot of the schedule), else as fast as it can. The callback gets each story once its last (deciding)
     * event is handed to the producer, and stops the load by answering false.
     *
     * @return how many stories were published
     */
    int publish(HistoryGenerator generator, int from, int count, double eventsPerSecond, Progress progress) {
        long start = System.nanoTime();
        long sent = 0;
        for (int i = from; i < from + count; i++) {
            HistoryGenerator.Story story = generator.story(i);
            String agency = HistoryGenerator.AGENCIES[i % HistoryGenerator.AGENCIES.length];
            for (HistoryGenerator.Published event : story.events()) {
                if (eventsPerSecond > 0) {
                    long due = start + (long) (sent * 1e9 / eventsPerSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                producer.send(CloudEventRecords.of(event, agency));
                sent++;
            }
            if (!progress.next(story, i)) {
                count = i - from + 1;
                break;
            }
        }
        producer.flush();
        events += sent;
        return count;
    }

    /** Told of each story once its last event is handed to the producer. */
    interface Progress {

        /** @return whether to go on */
        boolean next(HistoryGenerator.Story story, int index);
    }

    /** Every event published so far. */
    long events() {
        return events;
    }

    @Override
    public void close() {
        producer.close();
    }
}
