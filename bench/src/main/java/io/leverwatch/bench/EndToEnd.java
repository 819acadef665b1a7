package io.leverwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.platform.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The whole compliance path on the platform: stories published on the outbound topics → inbox → saga → Alert
 * aggregate → alert view → API. Measures the throughput (first publish until every expected alert is on the API, no
 * unexpected one, and the saga has handled every event) and the publish-to-alert latency at a steady offered load.
 */
final class EndToEnd {

    private static final Duration PATIENCE = Duration.ofMinutes(30);

    private final Platform platform;
    private final Database db;
    private final AlertWatcher alerts;

    EndToEnd(Platform platform, Database db, AlertWatcher alerts) {
        this.platform = platform;
        this.db = db;
        this.alerts = alerts;
    }

    record Throughput(int contracts, long events, int expectedAlerts, double seconds, double publishSeconds) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    record Latency(
            double offeredEventsPerSecond,
            double seconds,
            long events,
            List<Long> millis,
            List<Long> toInbox,
            List<Long> toDecision,
            List<Long> toApi) {
        long percentile(double p) {
            return percentile(millis, p);
        }

        static long percentile(List<Long> sorted, double p) {
            return sorted.isEmpty()
                    ? -1
                    : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    Throughput throughput(HistoryGenerator generator, String prefix, int contracts) throws Exception {
        int expected = HistoryGenerator.expectedAlerts(contracts);
        long inboxBefore = db.inboxEvents();
        long start = System.nanoTime();
        long events;
        try (Load load = new Load(platform)) {
            load.publish(generator, 0, contracts, 0, (story, i) -> true);
            events = load.events();
        }
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        long lastPrint = System.nanoTime();
        while (db.inboxEvents() - inboxBefore < events
                || alerts.contractsSeen(prefix) < expected
                || !db.sagaCaughtUp()) {
            if (System.nanoTime() - start > PATIENCE.toNanos()) {
                throw new IllegalStateException("not done after " + PATIENCE + ": " + alerts.contractsSeen(prefix)
                        + " of " + expected + " alerts");
            }
            if (System.nanoTime() - lastPrint > 10e9) {
                lastPrint = System.nanoTime();
                System.out.printf(
                        Locale.ROOT,
                        "    %.0f s: %d of %d events in the inbox, the saga %d behind it, %d of %d alerts%n",
                        (lastPrint - start) / 1e9,
                        db.inboxEvents() - inboxBefore,
                        events,
                        db.sagaBehind(),
                        alerts.contractsSeen(prefix),
                        expected);
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        verify(generator, prefix, contracts);
        return new Throughput(contracts, events, expected, seconds, publishSeconds);
    }

    /**
     * New stories at a steady rate for the given time; for each that must end in an alert, the time from its deciding
     * event handed to the producer to its alert on the live stream.
     */
    // System.nanoTime to epoch milliseconds, against one reading of both clocks.
    private final long wallAtNano0 = System.currentTimeMillis() - System.nanoTime() / 1_000_000;

    private long wallMillis(long nanoTime) {
        return wallAtNano0 + nanoTime / 1_000_000;
    }

    Latency latency(HistoryGenerator generator, String prefix, double eventsPerSecond, Duration duration)
            throws Exception {
        List<long[]> deciding = new ArrayList<>(); // {story index, nanoTime of the deciding event}
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long events;
        int stories;
        try (Load load = new Load(platform)) {
            stories = load.publish(generator, 0, Integer.MAX_VALUE, eventsPerSecond, (story, i) -> {
                if (story.alertExpected()) {
                    deciding.add(new long[] {i, System.nanoTime()});
                }
                return System.nanoTime() < end;
            });
            events = load.events();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long waitUntil = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        List<Long> millis = new ArrayList<>();
        List<Long> toInbox = new ArrayList<>();
        List<Long> toDecision = new ArrayList<>();
        List<Long> toApi = new ArrayList<>();
        for (long[] d : deciding) {
            String contractId = generator.story((int) d[0]).contractId();
            Long seen;
            while ((seen = alerts.firstSeen(contractId)) == null) {
                if (System.nanoTime() > waitUntil) {
                    throw new IllegalStateException("no alert for " + contractId);
                }
                Thread.sleep(10);
            }
            millis.add(Math.max(0, (seen - d[1]) / 1_000_000));
            // Where the time went: wall-clock times the platform wrote (the inbox's receipt of the contract's last
            // event, read from Kafka, the AlertRaised the saga's command stored), against the publish and the stream's
            // times.
            long published = wallMillis(d[1]);
            Instant received = db.lastReceived(contractId);
            Instant raised = db.firstRaised(contractId);
            if (received != null && raised != null) {
                toInbox.add(received.toEpochMilli() - published);
                toDecision.add(raised.toEpochMilli() - received.toEpochMilli());
                toApi.add(wallMillis(seen) - raised.toEpochMilli());
            }
        }
        millis.sort(null);
        toInbox.sort(null);
        toDecision.sort(null);
        toApi.sort(null);
        while (!db.sagaCaughtUp()) {
            Thread.sleep(50);
        }
        verify(generator, prefix, stories);
        return new Latency(eventsPerSecond, seconds, events, millis, toInbox, toDecision, toApi);
    }

    /** Every expected alert and no other is on the API: the contracts with an alert are exactly those expected. */
    private void verify(HistoryGenerator generator, String prefix, int contracts) throws Exception {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < contracts; i++) {
            if (HistoryGenerator.kindOf(i) == HistoryGenerator.Kind.LEVERAGE
                    || HistoryGenerator.kindOf(i) == HistoryGenerator.Kind.WITHHELD_AFTER_TERMINATION) {
                expected.add(prefix + i);
            }
        }
        Set<String> found = new HashSet<>();
        int count = 0;
        for (String agency : HistoryGenerator.AGENCIES) {
            JsonNode list = Bench.alerts(platform, "?agencyId=" + agency + "&limit=10000");
            if (list.size() >= 10_000) {
                // One page of the API holds 10,000 alerts at most: past that, the read model the API lists from.
                System.out.printf(
                        Locale.ROOT,
                        "  (more than 10,000 alerts of %s: checked in the alert view the API reads, not through"
                                + " the API)%n",
                        agency);
                found.clear();
                count = db.alertsByContract(prefix, found);
                break;
            }
            for (JsonNode alert : list) {
                String contractId = alert.get("contractId").asText();
                if (contractId.startsWith(prefix)
                        && !"RETRACTED".equals(alert.get("status").asText())) {
                    found.add(contractId);
                    count++;
                }
            }
        }
        if (!found.equals(expected) || count != expected.size()) {
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(found);
            Set<String> unexpected = new HashSet<>(found);
            unexpected.removeAll(expected);
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "alerts on the API do not match: %d expected, %d found (%d contracts); missing %s; unexpected %s",
                    expected.size(),
                    count,
                    found.size(),
                    sample(missing),
                    sample(unexpected)));
        }
    }

    private static List<String> sample(Set<String> ids) {
        return ids.stream().sorted().limit(5).toList();
    }
}
