package io.leverwatch.platform.faults;

import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/** A service of a {@link FaultStack}, running in its own Spring context until closed. */
public record RunningService(
        FaultStack.Service service,
        int port,
        Map<String, Object> settings,
        Class<?>[] extraSources,
        ConfigurableApplicationContext context)
        implements AutoCloseable {

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Stops the service as an orderly shutdown does; closing it again does nothing. */
    @Override
    public void close() {
        context.close();
    }
}
