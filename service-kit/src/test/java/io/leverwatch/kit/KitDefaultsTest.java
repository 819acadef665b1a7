package io.leverwatch.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KitDefaultsTest {

    @Test
    void axonTimesEachUnitOfWorkButNotEachHandlerInvocation() {
        TimeoutProperties timeouts = timeoutsOf(Map.of());

        assertThat(wrappedHandlers(timeouts)).isEmpty();
        TaskTimeoutSettings batch = timeouts.getTransaction().getEventProcessors();
        assertThat(batch.getTimeoutMs()).isEqualTo(60_000);
        assertThat(batch.getWarningThresholdMs()).isEqualTo(10_000);
        assertThat(timeouts.getTransaction().getCommandBus().getTimeoutMs()).isEqualTo(60_000);
    }

    @Test
    void aServiceCanTimeItsHandlersAgain() {
        TimeoutProperties timeouts = timeoutsOf(Map.of(
                "axon.timeout.handler.events.timeout-ms", "10000",
                "axon.timeout.handler.commands.warning-threshold-ms", "2000"));

        assertThat(wrappedHandlers(timeouts)).containsExactlyInAnyOrder("on", "handle");
    }

    // The kit's defaults under the service's own properties, as a service's environment holds them.
    private static TimeoutProperties timeoutsOf(Map<String, Object> serviceProperties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", serviceProperties));
        new KitDefaults().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment)
                .bind("axon.timeout", TimeoutProperties.class)
                .orElseGet(TimeoutProperties::new);
    }

    // The handlers of Handlers that Axon's timeout enhancer, configured so, wraps (in a time-limited task).
    private static List<String> wrappedHandlers(TimeoutProperties timeouts) {
        var enhancer = new HandlerTimeoutHandlerEnhancerDefinition(
                timeouts.getHandler().toMessageHandlerTimeoutConfiguration());
        return AnnotatedHandlerInspector.inspectType(Handlers.class).getAllHandlers().values().stream()
                .flatMap(members -> members.stream())
                .filter(member -> enhancer.wrapHandler(member) != member)
                .map(member -> member.unwrap(Method.class).orElseThrow().getName())
                .toList();
    }

    static class Handlers {

        @EventHandler
        void on(String event) {}

        @CommandHandler
        void handle(Integer command) {}
    }
}
