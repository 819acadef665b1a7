package io.leverwatch.kit.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class ProcessorMetricsTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

    @Test
    void theCapacityIsTheShareOfTheLastMinuteSpentHandlingAndForgetsWhatIsOlder() {
        MessageMonitor<? super EventMessage<?>> monitor = new ProcessorMetrics(registry).registerEventProcessor("saga");
        handleFor(monitor, Duration.ofSeconds(30));
        Gauge capacity = registry.get("saga.capacity").gauge();

        assertThat(capacity.value()).isCloseTo(0.5, within(0.01));
        clock.add(61, TimeUnit.SECONDS);
        assertThat(capacity.value()).as("a minute later nothing is kept").isZero();
    }

    @Test
    void theCapacityForgetsEachHandlingAsItLeavesTheMinute() {
        MessageMonitor<? super EventMessage<?>> monitor = new ProcessorMetrics(registry).registerEventProcessor("saga");
        for (int message = 0; message < 3; message++) {
            handleFor(monitor, Duration.ofSeconds(20));
        }
        Gauge capacity = registry.get("saga.capacity").gauge();

        assertThat(capacity.value()).as("busy all the minute").isCloseTo(1.0, within(0.01));
        clock.add(21, TimeUnit.SECONDS);
        assertThat(capacity.value()).as("the first left the minute").isCloseTo(40.0 / 60, within(0.01));
        clock.add(20, TimeUnit.SECONDS);
        assertThat(capacity.value()).as("the second too").isCloseTo(20.0 / 60, within(0.01));
    }

    @Test
    void theProcessorHasTheMetersAxonWouldGiveIt() {
        SimpleMeterRegistry axons = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
        handleFor(new GlobalMetricRegistry(axons).registerEventProcessor("alert-view"), Duration.ofMillis(20));
        handleFor(new ProcessorMetrics(registry).registerEventProcessor("alert-view"), Duration.ofMillis(20));

        assertThat(meters(registry)).isNotEmpty().isEqualTo(meters(axons));
        assertThat(registry.get("alert-view.capacity").gauge().value()).isPositive();
    }

    @Test
    void theCountsTimesAndLatencyAreAxons() {
        SimpleMeterRegistry axons = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
        MessageMonitor<? super EventMessage<?>> axon = new GlobalMetricRegistry(axons).registerEventProcessor("saga");
        MessageMonitor<? super EventMessage<?>> ours = new ProcessorMetrics(registry).registerEventProcessor("saga");
        for (MessageMonitor<? super EventMessage<?>> monitor :
                List.<MessageMonitor<? super EventMessage<?>>>of(axon, ours)) {
            handleFor(monitor, Duration.ofMillis(20));
            handleFor(monitor, Duration.ofMillis(20));
            monitor.onMessageIngested(GenericEventMessage.asEventMessage("a bad fact"))
                    .reportFailure(new IllegalStateException("refused"));
            monitor.onMessageIngested(GenericEventMessage.asEventMessage("another's fact"))
                    .reportIgnored();
        }

        for (String counter : List.of("ingested", "success", "failure", "processed", "ignored")) {
            assertThat(registry.get("saga." + counter + "Counter").counter().count())
                    .as(counter)
                    .isEqualTo(
                            axons.get("saga." + counter + "Counter").counter().count())
                    .isPositive();
        }
        for (String timer : List.of("all", "success", "failure", "ignored")) {
            assertThat(registry.get("saga." + timer + "Timer").timer().count())
                    .as(timer)
                    .isEqualTo(axons.get("saga." + timer + "Timer").timer().count())
                    .isPositive();
        }
        assertThat(registry.get("saga.successTimer").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(40.0);
        // The last event ingested, stamped now by the registry's clock: no age.
        assertThat(registry.get("saga.latency").gauge().value()).isLessThan(1_000);
        assertThat(meters(registry)).isEqualTo(meters(axons));
    }

    @Test
    void theLatencyIsTheLastEventsAgeWhenItWasIngestedWheneverItIsRead() {
        MessageMonitor<? super EventMessage<?>> monitor = new ProcessorMetrics(registry).registerEventProcessor("saga");
        clock.add(Duration.ofMinutes(5));
        EventMessage<String> stamped =
                new GenericEventMessage<>("id-1", "a fact", Map.of(), Instant.ofEpochMilli(clock.wallTime() - 2_500));
        monitor.onMessageIngested(stamped).reportSuccess();
        clock.add(Duration.ofSeconds(30));

        assertThat(registry.get("saga.latency").gauge().value()).isEqualTo(2_500.0);
    }

    @Test
    void theLatencyReadsNoEventsTimestampButTheLastOnesWhenTheGaugeIsRead() {
        MessageMonitor<? super EventMessage<?>> monitor = new ProcessorMetrics(registry).registerEventProcessor("saga");
        AtomicInteger timestampsRead = new AtomicInteger();
        for (int event = 0; event < 100; event++) {
            EventMessage<String> stamped =
                    new GenericEventMessage<>(GenericEventMessage.asEventMessage("a fact"), () -> {
                        timestampsRead.incrementAndGet();
                        return Instant.ofEpochMilli(clock.wallTime());
                    });
            monitor.onMessageIngested(stamped).reportSuccess();
        }
        assertThat(timestampsRead).as("none while handling").hasValue(0);

        registry.get("saga.latency").gauge().value();
        assertThat(timestampsRead).as("the last event's, when read").hasValue(1);
    }

    @Test
    void theCountersAreLookedUpOnceNotForEveryEvent() {
        LookUpCounting axons = new LookUpCounting();
        LookUpCounting ours = new LookUpCounting();
        MessageMonitor<? super EventMessage<?>> axon = new GlobalMetricRegistry(axons).registerEventProcessor("saga");
        MessageMonitor<? super EventMessage<?>> monitor = new ProcessorMetrics(ours).registerEventProcessor("saga");
        for (int event = 0; event < 50; event++) {
            handleFor(axon, Duration.ofMillis(1));
            handleFor(monitor, Duration.ofMillis(1));
        }

        assertThat(ours.get("saga.ingestedCounter").counter().count()).isEqualTo(50);
        assertThat(ours.counterLookUps).as("five counters, once each").isEqualTo(5);
        assertThat(axons.counterLookUps)
                .as("Axon's monitor: five for every event")
                .isEqualTo(250);
    }

    @Test
    void theBusesHaveTheMetersAxonWouldGiveThemWithTheSameCountsAndTimes() {
        SimpleMeterRegistry axons = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
        for (GlobalMetricRegistry metrics : List.of(new GlobalMetricRegistry(axons), new ProcessorMetrics(registry))) {
            @SuppressWarnings("unchecked")
            var commands = (MessageMonitor<Message<?>>) metrics.registerComponent(CommandBus.class, "commandBus");
            @SuppressWarnings("unchecked")
            var events = (MessageMonitor<Message<?>>) metrics.registerComponent(EventBus.class, "eventStore");
            for (MessageMonitor<Message<?>> monitor : List.of(commands, events)) {
                handleFor(monitor, Duration.ofMillis(20));
                handleFor(monitor, Duration.ofMillis(20));
                monitor.onMessageIngested(new GenericMessage<>("refused"))
                        .reportFailure(new IllegalStateException("refused"));
                monitor.onMessageIngested(new GenericMessage<>("unheard")).reportIgnored();
            }
        }

        assertThat(meters(registry)).contains("commandBus.capacity GAUGE", "eventStore.allTimer TIMER");
        assertThat(meters(registry)).isEqualTo(meters(axons));
        for (String bus : List.of("commandBus", "eventStore")) {
            for (String counter : List.of("ingested", "success", "failure", "processed", "ignored")) {
                String name = bus + "." + counter + "Counter";
                assertThat(registry.get(name).counter().count())
                        .as(name)
                        .isEqualTo(axons.get(name).counter().count())
                        .isPositive();
            }
            for (String timer : List.of("all", "success", "failure", "ignored")) {
                String name = bus + "." + timer + "Timer";
                assertThat(registry.get(name).timer().count())
                        .as(name)
                        .isEqualTo(axons.get(name).timer().count())
                        .isPositive();
            }
            assertThat(registry.get(bus + ".successTimer").timer().totalTime(TimeUnit.MILLISECONDS))
                    .isEqualTo(40.0);
        }
        assertThat(registry.get("commandBus.capacity").gauge().value()).isPositive();
        clock.add(61, TimeUnit.SECONDS);
        assertThat(registry.get("commandBus.capacity").gauge().value())
                .as("the command bus's capacity over the last minute, not Axon's ten")
                .isZero();
    }

    @Test
    void theBusesMetersAreLookedUpOnceNotForEveryMessage() {
        for (Class<?> bus : List.of(EventBus.class, CommandBus.class)) {
            LookUpCounting axons = new LookUpCounting();
            LookUpCounting ours = new LookUpCounting();
            // As Axon's configurer asks for a component's monitor.
            @SuppressWarnings("unchecked")
            var axon = (MessageMonitor<Message<?>>) new GlobalMetricRegistry(axons).registerComponent(bus, "bus");
            @SuppressWarnings("unchecked")
            var monitor = (MessageMonitor<Message<?>>) new ProcessorMetrics(ours).registerComponent(bus, "bus");
            for (int message = 0; message < 50; message++) {
                handleFor(axon, Duration.ofMillis(1));
                handleFor(monitor, Duration.ofMillis(1));
            }

            assertThat(ours.get("bus.ingestedCounter").counter().count())
                    .as(bus.getSimpleName())
                    .isEqualTo(50);
            assertThat(ours.counterLookUps)
                    .as(bus.getSimpleName() + ": five counters, once each")
                    .isEqualTo(5);
            assertThat(axons.counterLookUps)
                    .as(bus.getSimpleName() + ": Axon's monitor, five for every message")
                    .isEqualTo(250);
        }
    }

    /** Counts the registry's counter look-ups by name, as both counting monitors make them. */
    private static final class LookUpCounting extends SimpleMeterRegistry {

        int counterLookUps;

        LookUpCounting() {
            super(SimpleConfig.DEFAULT, new MockClock());
        }

        @Override
        public Counter counter(String name, Iterable<Tag> tags) {
            counterLookUps++;
            return super.counter(name, tags);
        }
    }

    private static Set<String> meters(MeterRegistry registry) {
        return registry.getMeters().stream()
                .map(meter -> meter.getId().getName() + " " + meter.getId().getType())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void handleFor(MessageMonitor<? super EventMessage<?>> monitor, Duration handling) {
        var callback = monitor.onMessageIngested(GenericEventMessage.asEventMessage("a fact"));
        clock.add(handling);
        callback.reportSuccess();
    }
}
