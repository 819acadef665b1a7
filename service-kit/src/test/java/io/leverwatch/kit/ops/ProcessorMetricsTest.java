package io.leverwatch.kit.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
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
    void theProcessorHasTheMetersAxonWouldGiveIt() {
        SimpleMeterRegistry axons = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
        handleFor(new GlobalMetricRegistry(axons).registerEventProcessor("alert-view"), Duration.ofMillis(20));
        handleFor(new ProcessorMetrics(registry).registerEventProcessor("alert-view"), Duration.ofMillis(20));

        assertThat(meters(registry)).isNotEmpty().isEqualTo(meters(axons));
        assertThat(registry.get("alert-view.capacity").gauge().value()).isPositive();
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
