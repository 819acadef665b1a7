package io.leverwatch.kit.ops;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The gauge of Axon's {@code CapacityMonitor}, {@code <name>.capacity}: the share of the last window its processor's
 * threads spent handling messages (1 is a thread busy all the time), by the same name and tags, without its cost.
 * Axon's keeps every message's handling time in a skip list for the window, its key a string built from the tags for
 * each message (a twentieth of the saga processor's time, BENCHMARKS.md); this one adds it to the second it ended in,
 * one of a window's worth of seconds, reused once the window has passed it. What ended in the current second counts
 * whole until it leaves the window: the gauge reads at most a second more than Axon's would.
 */
final class ProcessorCapacity implements MessageMonitor<EventMessage<?>> {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final String name;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Function<Message<?>, Iterable<Tag>> tags;
    private final int seconds;
    private final Map<Tags, Window> windows = new ConcurrentHashMap<>();

    ProcessorCapacity(String name, MeterRegistry registry, Duration window, Function<Message<?>, Iterable<Tag>> tags) {
        this.name = name;
        this.registry = registry;
        this.clock = registry.config().clock();
        this.tags = tags;
        this.seconds = Math.toIntExact(window.toSeconds());
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        Window window = windows.computeIfAbsent(Tags.of(tags.apply(message)), this::window);
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                window.handled(start, clock.monotonicTime());
            }

            @Override
            public void reportFailure(Throwable cause) {
                window.handled(start, clock.monotonicTime());
            }

            @Override
            public void reportIgnored() {
                window.handled(start, clock.monotonicTime());
            }
        };
    }

    private Window window(Tags tags) {
        Window window = new Window(seconds);
        Gauge.builder(name + ".capacity", () -> window.capacity(clock.monotonicTime()))
                .tags(tags)
                .register(registry);
        return window;
    }

    /** The handling time that ended in each second of the window, the seconds used round. */
    private static final class Window {

        private final long[] second;
        private final long[] handling;

        Window(int seconds) {
            second = new long[seconds];
            handling = new long[seconds];
        }

        synchronized void handled(long start, long end) {
            long now = end / SECOND;
            int slot = (int) Math.floorMod(now, (long) second.length);
            if (second[slot] != now) {
                second[slot] = now;
                handling[slot] = 0;
            }
            handling[slot] += end - start;
        }

        synchronized double capacity(long at) {
            long now = at / SECOND;
            long total = 0;
            for (int slot = 0; slot < second.length; slot++) {
                if (now - second[slot] < second.length) {
                    total += handling[slot];
                }
            }
            return (double) total / (second.length * SECOND);
        }
    }
}
