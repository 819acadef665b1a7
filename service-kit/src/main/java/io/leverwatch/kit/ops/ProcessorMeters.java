package io.leverwatch.kit.ops;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The meters of Axon's {@code MessageCountingMonitor}, {@code MessageTimerMonitor},
 * {@code EventProcessorLatencyMonitor} and {@code CapacityMonitor} for one event processor, by the same names and
 * tags, but looked up once per set of tags instead of for every event, and the timers and capacity fed from one
 * measure of each event. Axon's look every meter up in the registry again for each event (five counters, four timers
 * and a gauge, each a name built and a registry look-up): under load, 14 % of the saga's processor threads' time
 * (BENCHMARKS.md).
 *
 * <ul>
 *   <li>{@code <name>.ingestedCounter} on ingestion; {@code .processedCounter} and {@code .successCounter} or
 *       {@code .failureCounter} when handled; {@code .ignoredCounter} when ignored;
 *   <li>{@code <name>.allTimer} for every event, and {@code .successTimer}, {@code .failureTimer} or
 *       {@code .ignoredTimer}: from ingestion to its outcome, with the percentiles Axon publishes;
 *   <li>{@code <name>.latency}: the last ingested event's age when it was ingested (the registry's wall clock then
 *       minus its timestamp), in ms;
 *   <li>{@code <name>.capacity}: the share of the capacity window spent from ingestion to outcome ({@link
 *       CapacityWindow}).
 * </ul>
 */
final class ProcessorMeters implements MessageMonitor<EventMessage<?>> {

    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
    private static final Duration PERCENTILE_WINDOW = Duration.ofMinutes(10);

    private final String name;
    private final MeterRegistry registry;
    private final Duration capacityWindow;
    private final Clock clock;
    private final Function<Message<?>, Iterable<Tag>> tags;
    private final Function<Message<?>, Iterable<Tag>> latencyTags;
    private final Map<Tags, Meters> meters = new ConcurrentHashMap<>();
    private final Map<Tags, AtomicReference<Ingested>> latencies = new ConcurrentHashMap<>();

    ProcessorMeters(
            String name,
            MeterRegistry registry,
            Duration capacityWindow,
            Function<Message<?>, Iterable<Tag>> tags,
            Function<Message<?>, Iterable<Tag>> latencyTags) {
        this.name = name;
        this.registry = registry;
        this.capacityWindow = capacityWindow;
        this.clock = registry.config().clock();
        this.tags = tags;
        this.latencyTags = latencyTags;
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        latencies
                .computeIfAbsent(Tags.of(latencyTags.apply(message)), this::latencyGauge)
                .set(new Ingested(message, clock.wallTime()));
        Meters of = meters.computeIfAbsent(Tags.of(tags.apply(message)), Meters::new);
        of.ingested.increment();
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                of.processed.increment();
                of.success.increment();
                of.timed(of.successTimer, start);
            }

            @Override
            public void reportFailure(Throwable cause) {
                of.processed.increment();
                of.failure.increment();
                of.timed(of.failureTimer, start);
            }

            @Override
            public void reportIgnored() {
                of.ignored.increment();
                of.timed(of.ignoredTimer, start);
            }
        };
    }

    private AtomicReference<Ingested> latencyGauge(Tags tags) {
        AtomicReference<Ingested> last = new AtomicReference<>();
        Gauge.builder(name + ".latency", () -> {
                    Ingested ingested = last.get();
                    return ingested == null ? 0 : ingested.age();
                })
                .tags(tags)
                .register(registry);
        return last;
    }

    /**
     * The last event ingested and when: its age is worked out when the gauge is read, not for every event, as the
     * event's timestamp is parsed from the store's text when first asked for (3 % of the saga processor's time,
     * BENCHMARKS.md).
     */
    private record Ingested(EventMessage<?> message, long wallTime) {

        long age() {
            return wallTime - message.getTimestamp().toEpochMilli();
        }
    }

    /** One set of tags' meters, each registered once. */
    private final class Meters {

        final Counter ingested;
        final Counter success;
        final Counter failure;
        final Counter processed;
        final Counter ignored;
        final Timer allTimer;
        final Timer successTimer;
        final Timer failureTimer;
        final Timer ignoredTimer;
        final CapacityWindow capacity = new CapacityWindow(capacityWindow);

        Meters(Tags tags) {
            ingested = registry.counter(name + ".ingestedCounter", tags);
            success = registry.counter(name + ".successCounter", tags);
            failure = registry.counter(name + ".failureCounter", tags);
            processed = registry.counter(name + ".processedCounter", tags);
            ignored = registry.counter(name + ".ignoredCounter", tags);
            allTimer = timer("allTimer", tags);
            successTimer = timer("successTimer", tags);
            failureTimer = timer("failureTimer", tags);
            ignoredTimer = timer("ignoredTimer", tags);
            Gauge.builder(name + ".capacity", () -> capacity.capacity(clock.monotonicTime()))
                    .tags(tags)
                    .register(registry);
        }

        void timed(Timer outcome, long start) {
            long end = clock.monotonicTime();
            allTimer.record(end - start, TimeUnit.NANOSECONDS);
            outcome.record(end - start, TimeUnit.NANOSECONDS);
            capacity.handled(start, end);
        }

        private Timer timer(String kind, Tags tags) {
            return Timer.builder(name + "." + kind)
                    .distributionStatisticExpiry(PERCENTILE_WINDOW)
                    .publishPercentiles(PERCENTILES)
                    .tags(tags)
                    .register(registry);
        }
    }
}
