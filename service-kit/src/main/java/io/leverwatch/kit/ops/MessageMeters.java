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
 * {@code EventProcessorLatencyMonitor} and {@code CapacityMonitor} for one component (an event processor, the command
 * bus, the event bus), by the same names and tags, but looked up once per set of tags instead of for every message,
 * and the timers and capacity fed from one measure of each message. Axon's look every meter up in the registry again
 * for each message (five counters, four timers each with its distribution's settings built anew, and a gauge): under
 * load, 14 % of the saga's processor threads' time, and 8 % of the inbox's in the event bus's monitor (BENCHMARKS.md).
 *
 * <ul>
 *   <li>{@code <name>.ingestedCounter} on ingestion; {@code .processedCounter} and {@code .successCounter} or
 *       {@code .failureCounter} when handled; {@code .ignoredCounter} when ignored;
 *   <li>{@code <name>.allTimer} for every message, and {@code .successTimer}, {@code .failureTimer} or
 *       {@code .ignoredTimer}: from ingestion to its outcome, with the percentiles Axon publishes;
 *   <li>{@code <name>.latency}, a processor's only: the last ingested event's age when it was ingested (the registry's
 *       wall clock then minus its timestamp), in ms;
 *   <li>{@code <name>.capacity}, a processor's and a handling bus's (commands): the share of the capacity window spent
 *       from ingestion to outcome ({@link CapacityWindow}).
 * </ul>
 */
final class MessageMeters implements MessageMonitor<Message<?>> {

    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
    private static final Duration PERCENTILE_WINDOW = Duration.ofMinutes(10);

    private final String name;
    private final MeterRegistry registry;
    private final Duration capacityWindow; // null: no capacity gauge
    private final Clock clock;
    private final Function<Message<?>, Iterable<Tag>> tags;
    private final Function<Message<?>, Iterable<Tag>> latencyTags; // null: no latency gauge
    private final Map<Tags, Meters> meters = new ConcurrentHashMap<>();
    private final Map<Tags, AtomicReference<Ingested>> latencies = new ConcurrentHashMap<>();

    private MessageMeters(
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

    /** An event processor's: counts, times, latency and capacity (Axon's {@code registerEventProcessor}). */
    static MessageMeters ofProcessor(
            String name,
            MeterRegistry registry,
            Duration capacityWindow,
            Function<Message<?>, Iterable<Tag>> tags,
            Function<Message<?>, Iterable<Tag>> latencyTags) {
        return new MessageMeters(name, registry, capacityWindow, tags, latencyTags);
    }

    /** A bus that has messages handled (commands): counts, times and capacity ({@code registerCommandBus}). */
    static MessageMeters ofHandlingBus(
            String name, MeterRegistry registry, Duration capacityWindow, Function<Message<?>, Iterable<Tag>> tags) {
        return new MessageMeters(name, registry, capacityWindow, tags, null);
    }

    /** The event bus (the event store's appends): counts and times ({@code registerEventBus}). */
    static MessageMeters ofEventBus(String name, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
        return new MessageMeters(name, registry, null, tags, null);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        if (latencyTags != null && message instanceof EventMessage<?> event) {
            latencies
                    .computeIfAbsent(Tags.of(latencyTags.apply(event)), this::latencyGauge)
                    .set(new Ingested(event, clock.wallTime()));
        }
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
        final CapacityWindow capacity; // null: not measured

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
            capacity = capacityWindow == null ? null : new CapacityWindow(capacityWindow);
            if (capacity != null) {
                Gauge.builder(name + ".capacity", () -> capacity.capacity(clock.monotonicTime()))
                        .tags(tags)
                        .register(registry);
            }
        }

        void timed(Timer outcome, long start) {
            long end = clock.monotonicTime();
            allTimer.record(end - start, TimeUnit.NANOSECONDS);
            outcome.record(end - start, TimeUnit.NANOSECONDS);
            if (capacity != null) {
                capacity.handled(start, end);
            }
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
