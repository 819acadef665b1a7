package io.leverwatch.kit.ops;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Axon's metrics with a bounded capacity window ({@link ProcessorMetrics}), in place of Axon's own registry. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"
        },
        before = MicrometerMetricsAutoConfiguration.class)
public class ProcessorMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(GlobalMetricRegistry.class)
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry registry) {
        return new ProcessorMetrics(registry);
    }
}
