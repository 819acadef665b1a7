package io.leverwatch.kit.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters an operator watches: accepted, rejected, duplicates and dead-lettered events, by transport. */
public class IngestMetrics {

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String transport, int count) {
        counter("leverwatch.ingest.accepted", transport).increment(count);
    }

    public void duplicates(String transport, int count) {
        counter("leverwatch.ingest.duplicates", transport).increment(count);
    }

    public void rejected(String transport, String reason) {
        Counter.builder("leverwatch.ingest.rejected")
                .tag("transport", transport)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    public void deadLettered(String reason) {
        Counter.builder("leverwatch.ingest.dead.lettered")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    private Counter counter(String name, String transport) {
        return Counter.builder(name).tag("transport", transport).register(registry);
    }
}
