package io.leverwatch.compliance.operator.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leverwatch.compliance.alert.AccessLeverageSaga;
import io.leverwatch.compliance.leverage.AlertDecision;
import io.leverwatch.compliance.leverage.ContractCase;
import io.leverwatch.compliance.saga.SagaReads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The AccessLeverage saga of a contract as Axon's saga store holds it, read and written as the JSON tree its
 * serializer makes of it: {@code contractCase} (every fact) and {@code sentDecisions} (what the Alert aggregates were
 * last brought to). Writing goes through the same store and serializer as the saga's own processor, so the saga
 * loads what the replay wrote as if it had made it itself.
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

    /** One stored saga: its id, its associations and its state. */
    record Stored(String sagaId, Set<AssociationValue> associations, JsonNode state) {

        boolean holds(JsonNode wanted) {
            return state.path(CASE).equals(wanted.path(CASE)) && sentDecisionsEqual(wanted);
        }

        boolean sentDecisionsEqual(JsonNode wanted) {
            return state.path(SENT).equals(wanted.path(SENT));
        }
    }

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

    private Optional<Stored> stored(SagaReads.Sagas read, String sagaId) {
        SagaStore.Entry<AccessLeverageSaga> entry = read.take(AccessLeverageSaga.class, sagaId);
        if (entry == null) {
            return Optional.empty();
        }
        JsonNode state = serializer.serialize(entry.saga(), JsonNode.class).getData();
        return Optional.of(new Stored(sagaId, entry.associationValues(), state));
    }

    /** The state a saga has once it has seen every fact of the case and brought the alerts to these decisions. */
    JsonNode stateOf(ContractCase contractCase, List<AlertDecision> decisions) {
        Map<String, AlertDecision> sent = new LinkedHashMap<>();
        decisions.forEach(decision -> sent.put(decision.alertId(), decision));
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.set(CASE, serializer.serialize(contractCase, JsonNode.class).getData());
        state.set(SENT, serializer.serialize(sent, JsonNode.class).getData());
        return state;
    }

    /** The decisions a stored saga last brought the alerts to. */
    List<AlertDecision> sentDecisions(Stored saga) {
        List<AlertDecision> decisions = new ArrayList<>();
        saga.state()
                .path(SENT)
                .forEach(node -> decisions.add(serializer.deserialize(
                        new SimpleSerializedObject<>(node, JsonNode.class, AlertDecision.class.getName(), null))));
        return decisions;
    }

    /** Writes the state into the contract's saga, or a new one; associations are only ever added. */
    void write(Optional<Stored> existing, JsonNode state, Set<AssociationValue> associations) {
        AccessLeverageSaga saga = serializer.deserialize(
                new SimpleSerializedObject<>(state, JsonNode.class, AccessLeverageSaga.class.getName(), null));
        // The saga and its associations are several rows: written together or not at all.
        transactions.executeWithoutResult(status -> store(existing, saga, associations));
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
