package io.leverwatch.kit.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;

/**
 * Axon's metrics for the event processors (count, timer, latency, capacity), the command bus (count, timer, capacity)
 * and the event bus (count, timer), by Axon's names and tags, with the capacity measured over {@link #CAPACITY_WINDOW}
 * instead of Axon's ten minutes and without a skip list entry for every message ({@link CapacityWindow}), all of them
 * looked up once rather than for every message and fed from one measure of each message ({@link MessageMeters}). The
 * query bus keeps Axon's monitors: no query is on a hot path.
 *
 * <p>Axon's capacity monitor keeps the handling time of every message within its window, an entry of a skip list
 * each. Over ten minutes that is memory proportional to the throughput: after the 100,000-contract benchmark
 * compliance-service held 1.8 million entries in them, 150 MiB and more than half of its live heap, and ran its
 * 512 MiB heap at the limit (BENCHMARKS.md). A gauge scraped every 15 to 60 seconds reads the same capacity from a
 * one-minute window.
 */
public class ProcessorMetrics extends GlobalMetricRegistry {

    public static final Duration CAPACITY_WINDOW = Duration.ofMinutes(1);

    private static final Function<Message<?>, Iterable<Tag>> NO_TAGS = message -> Tags.empty();

    public ProcessorMetrics(MeterRegistry registry) {
        super(registry);
    }

    /** Without tags, as Axon's own monitors are when none are asked for. */
    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String name) {
        return registerEventProcessor(name, NO_TAGS, NO_TAGS);
    }

    /** With tags ({@code axon.metrics.micrometer.dimensional=true}). */
    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String name,
            Function<Message<?>, Iterable<Tag>> tagsBuilder,
            Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        return MessageMeters.ofProcessor(name, getRegistry(), CAPACITY_WINDOW, tagsBuilder, latencyTagsBuilder);
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name) {
        return registerCommandBus(name, NO_TAGS);
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(
            String name, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return MessageMeters.ofHandlingBus(name, getRegistry(), CAPACITY_WINDOW, tagsBuilder);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventBus(String name) {
        return registerEventBus(name, NO_TAGS);
    }

    /** Axon's counts such a bus's messages without the tags and times them with; both have them here. */
    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventBus(
            String name, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return MessageMeters.ofEventBus(name, getRegistry(), tagsBuilder);
    }
}
