package io.leverwatch.compliance.operator.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.compliance.alert.AccessLeverageSaga;
import io.leverwatch.compliance.leverage.AlertDecision;
import io.leverwatch.compliance.leverage.ContractCase;
import io.leverwatch.compliance.saga.SagaReads;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The AccessLeverage saga of a contract as Axon's saga store holds it: {@code contractCase} (every fact) and
 * {@code sentDecisions} (what the Alert aggregates were last brought to). Writing goes through the same store and
 * serializer as the saga's own processor, so the saga loads what the replay wrote as if it had made it itself.
 *
 * <p>A stored saga is compared with the one the facts call for first as stored: the same serializer writes the same
 * saga to the same bytes, so a consistent saga (almost every one, on a replay) is known to be so without being read.
 * Only when the bytes differ are both compared as the JSON trees the serializer makes of them, as before: a saga
 * stored by an older build, equal in content, is then still found unchanged.
 */
@Component
class SagaStates {

    static final String CONTRACT_ID = "contractId";
    static final String ACCOUNT_ID = "accountId";
    private static final String CASE = "contractCase";
    private static final String SENT = "sentDecisions";

    private final SagaStore<Object> store;
    private final SagaReads reads;
    private final Serializer serializer;
    private final TransactionTemplate transactions;

    SagaStates(
            SagaStore<Object> store,
            SagaReads reads,
            Serializer serializer,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.reads = reads;
        this.serializer = serializer;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** One stored saga: its id, its associations and its state as stored. */
    record Stored(String sagaId, Set<AssociationValue> associations, SerializedObject<?> serialized) {}

    /** The saga a contract's facts and decisions call for, and its serialised form. */
    record Wanted(AccessLeverageSaga saga, byte[] serialized) {}

    /** The contract's saga, if it has one (the first by id, should there ever be two). */
    Optional<Stored> load(String contractId) {
        return load(List.of(contractId)).get(contractId);
    }

    /** The sagas of the contracts, read at once (three queries for a slice of the replay, not three a contract). */
    Map<String, Optional<Stored>> load(List<String> contractIds) {
        List<AssociationValue> values = contractIds.stream()
                .map(id -> new AssociationValue(CONTRACT_ID, id))
                .toList();
        SagaReads.Sagas read = reads.read(AccessLeverageSaga.class, values);
        Map<String, Optional<Stored>> sagas = new HashMap<>();
        for (AssociationValue value : values) {
            sagas.put(
                    value.getValue(), read.sagasOf(value).stream().findFirst().flatMap(sagaId -> stored(read, sagaId)));
        }
        return sagas;
    }

    private static Optional<Stored> stored(SagaReads.Sagas read, String sagaId) {
        return Optional.ofNullable(read.takeStored(AccessLeverageSaga.class, sagaId))
                .map(entry -> new Stored(sagaId, entry.associations(), entry.saga()));
    }

    /** The saga once it has seen every fact of the case and brought the alerts to these decisions. */
    Wanted wanted(ContractCase contractCase, List<AlertDecision> decisions) {
        AccessLeverageSaga saga = AccessLeverageSaga.remembering(contractCase, decisions);
        return new Wanted(saga, serializer.serialize(saga, byte[].class).getData());
    }

    /**
     * How a stored saga differs from the wanted one: in its facts, in the decisions it last brought the alerts to
     * (then with those decisions), or not at all.
     */
    record Difference(boolean inFacts, boolean inDecisions, List<AlertDecision> sentDecisions) {

        static final Difference NONE = new Difference(false, false, List.of());

        boolean none() {
            return !inFacts && !inDecisions;
        }
    }

    /**
     * What differs between the stored saga and the wanted one: nothing when they are the same bytes; otherwise both
     * are compared as the trees the serializer makes of them, the stored one read once.
     */
    Difference difference(Stored stored, Wanted wanted) {
        if (stored.serialized().getData() instanceof byte[] bytes && Arrays.equals(bytes, wanted.serialized())) {
            return Difference.NONE;
        }
        // The stored saga read, then written again as a tree: what the saga's processor would store of it today.
        AccessLeverageSaga saga = serializer.deserialize(stored.serialized());
        JsonNode state = serializer.serialize(saga, JsonNode.class).getData();
        JsonNode want = serializer.serialize(wanted.saga(), JsonNode.class).getData();
        boolean inDecisions = !state.path(SENT).equals(want.path(SENT));
        return new Difference(
                !state.path(CASE).equals(want.path(CASE)), inDecisions, inDecisions ? saga.sentDecisions() : List.of());
    }

    /** Writes the wanted saga into the contract's saga, or a new one; associations are only ever added. */
    void write(Optional<Stored> existing, Wanted wanted, Set<AssociationValue> associations) {
        // The saga and its associations are several rows: written together or not at all.
        transactions.executeWithoutResult(status -> store(existing, wanted.saga(), associations));
    }

    private void store(Optional<Stored> existing, AccessLeverageSaga saga, Set<AssociationValue> associations) {
        if (existing.isPresent()) {
            AssociationValuesImpl values =
                    new AssociationValuesImpl(existing.get().associations());
            associations.forEach(values::add);
            store.updateSaga(AccessLeverageSaga.class, existing.get().sagaId(), saga, values);
        } else {
            store.insertSaga(
                    AccessLeverageSaga.class, IdentifierFactory.getInstance().generateIdentifier(), saga, associations);
        }
    }
}
