package io.leverwatch.bench;

import io.leverwatch.events.Topics;
import io.leverwatch.platform.Platform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What Kafka and PostgreSQL themselves allow on this machine, on the same data as the end-to-end run: a plain
 * consumer draining the outbound topics, plain batched JDBC inserts of as many rows shaped like the inbox's, and a plain
 * JDBC scan of the inbox as the replay reads it.
 */
final class RawBaselines {

    private static final int BATCH = 500;

    private final Platform platform;
    private final Database db;

    RawBaselines(Platform platform, Database db) {
        this.platform = platform;
        this.db = db;
    }

    /** Records per second of a new consumer group reading the three outbound topics from the start until it has n. */
    double kafkaDrain(long records) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.CONTRACT_EVENTS, Topics.BILLING_EVENTS, Topics.ACCESS_EVENTS));
            long read = 0;
            long start = 0;
            while (read < records) {
                var polled = consumer.poll(Duration.ofMillis(500));
                if (start == 0 && !polled.isEmpty()) {
                    start = System.nanoTime(); // from the first record: the group's join is not reading
                }
                read += polled.count();
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Rows per second of n inserts into a copy of compliance's event table (same columns, keys and indexes), with
     * payloads and metadata taken from the inbox, in JDBC batches of 500 rows, one transaction a batch.
     */
    double jdbcInserts(long rows) throws Exception {
        List<Object[]> samples = new ArrayList<>();
        try (var connection = db.connect();
                var statement = connection.createStatement();
                var result = statement.executeQuery("select type, metadata, payload, payloadtype, timestamp from"
                        + " compliance.domainevententry order by globalindex limit 1000")) {
            while (result.next()) {
                samples.add(new Object[] {
                    result.getString(1),
                    result.getBytes(2),
                    result.getBytes(3),
                    result.getString(4),
                    result.getString(5)
                });
            }
        }
        db.execute("drop table if exists public.bench_raw_event");
        db.execute("drop sequence if exists public.bench_raw_event_globalindex");
        // A copy with the store's keys and indexes, but a sequence of its own: "including all" would copy the
        // default of the global index too, and draw from the store's own sequence. That left a hole of as many
        // indexes in the event store, which every tracking token then carried as gaps (up to Axon's 10,000) and
        // copied at each event: the processors crawled for as long as they kept them (the latency phase after).
        db.execute("create table public.bench_raw_event (like compliance.domainevententry including all"
                + " excluding defaults)");
        db.execute("create sequence public.bench_raw_event_globalindex owned by public.bench_raw_event.globalindex");
        db.execute("alter table public.bench_raw_event alter column globalindex"
                + " set default nextval('public.bench_raw_event_globalindex')");
        try (var connection = db.connect();
                var insert = connection.prepareStatement("insert into public.bench_raw_event (aggregateidentifier,"
                        + " sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype,"
                        + " timestamp) values (?, 0, ?, ?, ?, ?, null, ?, ?)")) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            for (long i = 0; i < rows; i++) {
                Object[] sample = samples.get((int) (i % samples.size()));
                String id = UUID.randomUUID().toString();
                insert.setString(1, id);
                insert.setString(2, (String) sample[0]);
                insert.setString(3, id);
                insert.setBytes(4, (byte[]) sample[1]);
                insert.setBytes(5, (byte[]) sample[2]);
                insert.setString(6, (String) sample[3]);
                insert.setString(7, (String) sample[4]);
                insert.addBatch();
                if ((i + 1) % BATCH == 0 || i + 1 == rows) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            double perSecond = rows / ((System.nanoTime() - start) / 1e9);
            connection.setAutoCommit(true);
            return perSecond;
        } finally {
            db.execute("drop table if exists public.bench_raw_event"); // and its sequence, which it owns
        }
    }

    /**
     * Rows per second of one plain query reading every inbox event as the replay does: the index joined to the stored
     * event, payload and metadata included, in contract then business order, 1,000 rows a fetch.
     */
    double inboxScan() throws Exception {
        try (var connection = db.connect()) {
            connection.setAutoCommit(false); // the driver streams with a fetch size only inside a transaction
            try (var statement = connection.createStatement()) {
                statement.setFetchSize(1_000);
                long start = System.nanoTime();
                long rows = 0;
                try (var result = statement.executeQuery("select i.contract_id, i.global_index, i.event_id, i.type,"
                        + " i.source, i.business_time, i.received_at, d.payloadtype, d.payload, d.metadata"
                        + " from compliance.inbox_index i join compliance.domainevententry d"
                        + " on d.globalindex = i.global_index order by i.contract_id, i.business_time, i.event_id")) {
                    while (result.next()) {
                        // Every column read out, as the replay reads them.
                        for (int column = 1; column <= 10; column++) {
                            result.getObject(column);
                        }
                        rows++;
                    }
                }
                connection.commit();
                return rows / ((System.nanoTime() - start) / 1e9);
            }
        }
    }
}
