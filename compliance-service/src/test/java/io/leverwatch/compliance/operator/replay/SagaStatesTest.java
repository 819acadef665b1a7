package io.leverwatch.compliance.operator.replay;

import static io.leverwatch.compliance.leverage.History.day;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.leverwatch.compliance.alert.AccessLeverageSaga;
import io.leverwatch.compliance.leverage.AlertDecider;
import io.leverwatch.compliance.leverage.AlertDecision;
import io.leverwatch.compliance.leverage.ContractCase;
import io.leverwatch.compliance.leverage.History;
import io.leverwatch.events.access.RefusalReason;
import io.leverwatch.events.contract.HeldInNameOf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** How the replay tells a stored saga from the one the facts call for: by its bytes first, by its trees after. */
class SagaStatesTest {

    private final CountingSerializer serializer = new CountingSerializer(JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder()
                    .findAndAddModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build())
            .build());
    private final SagaStates sagas = new SagaStates(null, null, serializer, null);

    @Test
    void theSameBytesAreNoDifferenceAndTheStoredSagaIsNotRead() {
        ContractCase contractCase = leverageCase(true);
        SagaStates.Wanted wanted = sagas.wanted(contractCase, AlertDecider.decide(contractCase));

        SagaStates.Difference difference = sagas.difference(stored(wanted.serialized()), wanted);

        assertThat(difference).isEqualTo(SagaStates.Difference.NONE);
        assertThat(serializer.deserialized).isZero();
    }

    @Test
    void theSameSagaInAnotherFormIsNoDifferenceAndIsReadOnce() {
        ContractCase contractCase = leverageCase(true);
        SagaStates.Wanted wanted = sagas.wanted(contractCase, AlertDecider.decide(contractCase));
        byte[] otherForm = ("{ " + new String(wanted.serialized(), StandardCharsets.UTF_8).substring(1))
                .getBytes(StandardCharsets.UTF_8);

        SagaStates.Difference difference = sagas.difference(stored(otherForm), wanted);

        assertThat(difference.none()).isTrue();
        assertThat(serializer.deserialized).isEqualTo(1);
    }

    @Test
    void aSagaThatMissedTheDecidingFactDiffersInFactsAndDecisionsAndSaysWhatItLastSent() {
        ContractCase before = leverageCase(false);
        List<AlertDecision> sentBefore = AlertDecider.decide(before);
        byte[] storedBefore = sagas.wanted(before, sentBefore).serialized();
        ContractCase contractCase = leverageCase(true);
        SagaStates.Wanted wanted = sagas.wanted(contractCase, AlertDecider.decide(contractCase));

        SagaStates.Difference difference = sagas.difference(stored(storedBefore), wanted);

        assertThat(difference.inFacts()).isTrue();
        assertThat(difference.inDecisions()).isTrue();
        assertThat(difference.sentDecisions()).isEqualTo(sentBefore);
        assertThat(serializer.deserialized).isEqualTo(1);
    }

    @Test
    void aSagaMissingAFactButWithTheSameDecisionsDiffersInFactsOnly() {
        ContractCase contractCase = leverageCase(true);
        List<AlertDecision> decisions = AlertDecider.decide(contractCase);
        SagaStates.Wanted wanted = sagas.wanted(contractCase, decisions);
        ContractCase withoutOne = new ContractCase(contractCase.facts().subList(1, contractCase.size()));
        byte[] stored = sagas.wanted(withoutOne, decisions).serialized();

        SagaStates.Difference difference = sagas.difference(stored(stored), wanted);

        assertThat(difference.inFacts()).isTrue();
        assertThat(difference.inDecisions()).isFalse();
        assertThat(difference.sentDecisions()).isEmpty();
    }

    // An invoice overdue, then the client's account locked; with the refusal, access is withheld pending payment.
    private static ContractCase leverageCase(boolean refused) {
        History history = new History();
        history.contractRegistered(day(0));
        history.account("facebook", HeldInNameOf.CLIENT, day(0));
        history.invoiceIssued("INV-1", "1200.00", day(1));
        history.overdue("INV-1", "1200.00", day(10));
        history.lockedOut("facebook", day(12));
        if (refused) {
            history.refused("facebook", RefusalReason.PAYMENT_PENDING, day(13));
        }
        return History.caseOf(history.facts());
    }

    private static SagaStates.Stored stored(byte[] serialized) {
        return new SagaStates.Stored(
                "saga-1",
                Set.of(),
                new SimpleSerializedObject<>(serialized, byte[].class, AccessLeverageSaga.class.getName(), null));
    }

    /** The saga store's serializer, counting what it deserialises. */
    private static final class CountingSerializer implements Serializer {

        private final Serializer delegate;
        private int deserialized;

        CountingSerializer(Serializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            return delegate.serialize(object, expectedRepresentation);
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return delegate.canSerializeTo(expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            deserialized++;
            return delegate.deserialize(serializedObject);
        }

        @Override
        public Class classForType(SerializedType type) {
            return delegate.classForType(type);
        }

        @Override
        public SerializedType typeForClass(Class type) {
            return delegate.typeForClass(type);
        }

        @Override
        public Converter getConverter() {
            return delegate.getConverter();
        }
    }
}
