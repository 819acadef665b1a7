package io.leverwatch.compliance.alert;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.leverwatch.compliance.leverage.AlertDecider;
import io.leverwatch.compliance.leverage.AlertDecision;
import io.leverwatch.compliance.leverage.ContractCase;
import io.leverwatch.compliance.leverage.Fact;
import io.leverwatch.events.access.AccessRequestRefused;
import io.leverwatch.events.access.AccessRequested;
import io.leverwatch.events.access.AccessRestored;
import io.leverwatch.events.access.AccessRevoked;
import io.leverwatch.events.access.CredentialsChanged;
import io.leverwatch.events.billing.CreditNoteIssued;
import io.leverwatch.events.billing.FormalNoticeSent;
import io.leverwatch.events.billing.InvoiceCancelled;
import io.leverwatch.events.billing.InvoiceDisputed;
import io.leverwatch.events.billing.InvoiceIssued;
import io.leverwatch.events.billing.InvoiceOverdue;
import io.leverwatch.events.billing.PaymentReceived;
import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.events.contract.ContractRegistered;
import io.leverwatch.events.contract.ContractTerminated;
import io.leverwatch.events.contract.CriticalPeriodDeclared;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The AccessLeverage saga: one per contract. It keeps every fact of the contract, decides the alerts again after
 * each new fact ({@link AlertDecider}) and sends the Alert aggregate the commands that bring it in line
 * ({@link AlertDiff}). It never ends: a contract can receive late events at any time.
 *
 * <p>Each event's message identifier is its original event id, and its {@code source} metadata the sending system.
 */
@Saga
@ProcessingGroup(AccessLeverageSaga.PROCESSING_GROUP)
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE)
public class AccessLeverageSaga {

    public static final String PROCESSING_GROUP = "access-leverage-saga";
    public static final String SOURCE_METADATA = "source";

    @JsonIgnore
    private transient CommandGateway commandGateway;

    private ContractCase contractCase = new ContractCase();

    /** The decisions the Alert aggregate was last brought in line with, by alert id. */
    private Map<String, AlertDecision> sentDecisions = new LinkedHashMap<>();

    /**
     * The saga as it is once it has recorded every fact of the case and brought the alerts in line with these
     * decisions: what the replay compares with, and writes over, a contract's stored saga.
     */
    public static AccessLeverageSaga remembering(ContractCase contractCase, List<AlertDecision> decisions) {
        AccessLeverageSaga saga = new AccessLeverageSaga();
        saga.contractCase = contractCase;
        saga.sentDecisions = byAlert(decisions);
        return saga;
    }

    /** The decisions the Alert aggregates were last brought in line with, in the order they were decided. */
    public List<AlertDecision> sentDecisions() {
        return List.copyOf(sentDecisions.values());
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(ContractRegistered event, EventMessage<?> message) {
        record(message);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(AccountRegistered event, EventMessage<?> message) {
        associateAccount(event.accountId());
        record(message);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(CriticalPeriodDeclared event, EventMessage<?> message) {
        record(message);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(ContractTerminated event, EventMessage<?> message) {
        record(message);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(InvoiceIssued event, EventMessage<?> message) {
        record(message);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(PaymentReceived event, EventMessage<?> message) {
        record(message);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(InvoiceOverdue event, EventMessage<?> message) {
        record(message);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(InvoiceDisputed event, EventMessage<?> message) {
        record(message);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(InvoiceCancelled event, EventMessage<?> message) {
        record(message);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(FormalNoticeSent event, EventMessage<?> message) {
        record(message);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(CreditNoteIssued event, EventMessage<?> message) {
        record(message);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(CredentialsChanged event, EventMessage<?> message) {
        associateAccount(event.accountId());
        record(message);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(AccessRevoked event, EventMessage<?> message) {
        associateAccount(event.accountId());
        record(message);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(AccessRequested event, EventMessage<?> message) {
        associateAccount(event.accountId());
        record(message);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(AccessRequestRefused event, EventMessage<?> message) {
        associateAccount(event.accountId());
        record(message);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "contractId")
    public void on(AccessRestored event, EventMessage<?> message) {
        associateAccount(event.accountId());
        record(message);
    }

    /** Injected by Axon after every load of the saga, as it is not stored. */
    @Autowired
    void setCommandGateway(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** Records the event as a fact of the contract and brings the alerts in line with what the facts now call for. */
    void record(EventMessage<?> message) {
        Object source = message.getMetaData().get(SOURCE_METADATA);
        Fact fact = Fact.of(message.getIdentifier(), source == null ? null : source.toString(), message.getPayload());
        if (!contractCase.apply(fact)) {
            return; // a redelivered or replayed event: nothing new to decide on
        }
        List<AlertDecision> decisions = AlertDecider.decide(contractCase);
        // Dispatch first and remember afterwards: if a command fails, the next event sends it again.
        AlertDiff.between(sentDecisions.values(), decisions).forEach(commandGateway::sendAndWait);
        sentDecisions = byAlert(decisions);
    }

    private static Map<String, AlertDecision> byAlert(List<AlertDecision> decisions) {
        Map<String, AlertDecision> byAlert = new LinkedHashMap<>();
        decisions.forEach(decision -> byAlert.put(decision.alertId(), decision));
        return byAlert;
    }

    private static void associateAccount(String accountId) {
        if (accountId != null) {
            SagaLifecycle.associateWith("accountId", accountId);
        }
    }
}
