package io.leverwatch.compliance.alert;

import static io.leverwatch.compliance.leverage.History.day;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.leverwatch.compliance.leverage.Fact;
import io.leverwatch.compliance.leverage.History;
import io.leverwatch.events.access.RefusalReason;
import io.leverwatch.events.contract.HeldInNameOf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** The saga is stored with Axon's Jackson serializer between events: its state must survive the round trip. */
class AccessLeverageSagaSerializationTest {

    // Configured like Spring Boot's ObjectMapper, which Axon's auto-configuration hands to its JacksonSerializer.
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder()
                    .findAndAddModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build())
            .build();

    private final List<Object> sent = new ArrayList<>();

    @Test
    void aStoredSagaDecidesLikeOneThatStayedInMemory() {
        History history = new History();
        history.contractRegistered(day(0));
        history.account("facebook", HeldInNameOf.CLIENT, day(0));
        history.invoiceIssued("INV-1", "1200.00", day(1));
        history.overdue("INV-1", "1200.00", day(10));
        history.creditNote("CN-1", "100.00", day(11));
        history.lockedOut("facebook", day(12));
        Fact refusal = history.refused("facebook", RefusalReason.PAYMENT_PENDING, day(13));
        List<Fact> facts = history.facts();

        AccessLeverageSaga saga = withGateway(new AccessLeverageSaga());
        facts.subList(0, facts.size() - 1).forEach(fact -> publish(saga, fact));

        SerializedObject<String> stored = serializer.serialize(saga, String.class);
        AccessLeverageSaga reloaded = withGateway(serializer.deserialize(stored));
        sent.clear();
        publish(reloaded, refusal);

        assertThat(stored.getData()).doesNotContain("commandGateway");
        assertThat(sent).hasSize(2).first().isInstanceOf(EscalateAlert.class);
    }

    @Test
    void aStoredSagaSendsNothingWhenNothingChanged() {
        History history = new History();
        history.contractRegistered(day(0));
        history.account("facebook", HeldInNameOf.CLIENT, day(0));
        history.invoiceIssued("INV-1", "1200.00", day(1));
        history.overdue("INV-1", "1200.00", day(10));
        history.payment("INV-1", "200.50", "999.50", day(11));
        history.lockedOut("facebook", day(12));
        Fact request = history.requested("facebook", day(13));
        List<Fact> facts = history.facts();
        AccessLeverageSaga saga = withGateway(new AccessLeverageSaga());
        facts.subList(0, facts.size() - 1).forEach(fact -> publish(saga, fact));
        assertThat(sent).hasAtLeastOneElementOfType(RaiseAlert.class);

        AccessLeverageSaga reloaded = withGateway(serializer.deserialize(serializer.serialize(saga, String.class)));
        sent.clear();
        publish(reloaded, request);

        assertThat(sent).as("a request for access changes no decision").isEmpty();
    }

    private AccessLeverageSaga withGateway(AccessLeverageSaga saga) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        for (Class<?> type : List.of(RaiseAlert.class, EscalateAlert.class, UpdateAlertFacts.class)) {
            bus.subscribe(type.getName(), (CommandMessage<?> command) -> {
                sent.add(command.getPayload());
                return null;
            });
        }
        saga.setCommandGateway(DefaultCommandGateway.builder().commandBus(bus).build());
        return saga;
    }

    private static void publish(AccessLeverageSaga saga, Fact fact) {
        // Every handler delegates to record(); the association part is Axon's and is covered by the fixture test.
        saga.record(new GenericEventMessage<>(
                fact.eventId(), fact.payload(), Map.of("source", fact.source()), fact.businessTime()));
    }
}
