package io.leverwatch.compliance.operator.replay;

import io.leverwatch.compliance.leverage.AlertDecider;
import io.leverwatch.compliance.leverage.AlertDecision;
import io.leverwatch.compliance.leverage.ContractCase;
import io.leverwatch.compliance.leverage.Fact;
import io.leverwatch.compliance.operator.history.ContractHistory.ContractEvents;
import io.leverwatch.compliance.operator.history.InboxRecord;
import io.leverwatch.events.access.AccessRequestRefused;
import io.leverwatch.events.access.AccessRequested;
import io.leverwatch.events.access.AccessRestored;
import io.leverwatch.events.access.AccessRevoked;
import io.leverwatch.events.access.CredentialsChanged;
import io.leverwatch.events.contract.AccountRegistered;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.saga.AssociationValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Replays one contract: decides its alerts at once from every inbox fact, as the saga does after each event, and
 * compares with the contract's saga. When they agree nothing is written and nothing is sent. Otherwise the Alert
 * aggregates are brought in line ({@link AlertReconciliation}: idempotent commands, so only a real difference becomes
 * an alert event) and then the saga is written with every fact and the decisions, as the saga itself would have
 * remembered them.
 *
 * <p>The saga's processor must not run meanwhile (the replay pauses it): the saga is rewritten, not merged.
 */
@Component
class ContractReplay {

    private static final int ATTEMPTS = 3;

    private final SagaStates sagas;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    ContractReplay(SagaStates sagas, CommandGateway commands, JdbcTemplate jdbc) {
        this.sagas = sagas;
        this.commands = commands;
        this.jdbc = jdbc;
    }

    /** What replaying a contract did. */
    record Outcome(String contractId, Saga saga, int commandsSent, Set<String> alertIds) {}

    enum Saga {
        UNCHANGED,
        REWRITTEN,
        CREATED
    }

    /** Replays the contract against its saga as read beforehand ({@link SagaStates#load}). */
    Outcome replay(ContractEvents contract, Optional<SagaStates.Stored> saga) {
        ContractCase contractCase = new ContractCase();
        contract.events().stream().map(InboxRecord::toFact).forEach(contractCase::apply);
        List<AlertDecision> decisions = AlertDecider.decide(contractCase);
        SagaStates.Wanted wanted = sagas.wanted(contractCase, decisions);
        Set<AssociationValue> associations = associations(contract.contractId(), contractCase);

        Set<String> alertIds = new LinkedHashSet<>();
        decisions.forEach(d -> alertIds.add(d.alertId()));
        Optional<SagaStates.Difference> difference = saga.map(stored -> sagas.difference(stored, wanted));
        if (difference.isPresent()
                && difference.get().none()
                && saga.get().associations().containsAll(associations)) {
            return new Outcome(contract.contractId(), Saga.UNCHANGED, 0, alertIds);
        }
        int sent = 0;
        if (difference.map(SagaStates.Difference::inDecisions).orElse(true)) {
            List<AlertDecision> previous =
                    difference.map(SagaStates.Difference::sentDecisions).orElse(List.of());
            List<AlertDecision> existing = existingAlerts(contract.contractId());
            previous.forEach(d -> alertIds.add(d.alertId()));
            existing.forEach(d -> alertIds.add(d.alertId()));
            for (Object command : AlertReconciliation.commands(decisions, previous, existing)) {
                send(command);
                sent++;
            }
        }
        sagas.write(saga, wanted, associations);
        return new Outcome(contract.contractId(), saga.isPresent() ? Saga.REWRITTEN : Saga.CREATED, sent, alertIds);
    }

    // The saga associates itself with its contract and with every account it hears of.
    private static Set<AssociationValue> associations(String contractId, ContractCase contractCase) {
        Set<AssociationValue> values = new LinkedHashSet<>();
        values.add(new AssociationValue(SagaStates.CONTRACT_ID, contractId));
        for (Fact fact : contractCase.facts()) {
            accountOf(fact.payload()).ifPresent(id -> values.add(new AssociationValue(SagaStates.ACCOUNT_ID, id)));
        }
        return values;
    }

    private static Optional<String> accountOf(Object payload) {
        if (payload instanceof AccountRegistered e) return Optional.ofNullable(e.accountId());
        if (payload instanceof CredentialsChanged e) return Optional.ofNullable(e.accountId());
        if (payload instanceof AccessRevoked e) return Optional.ofNullable(e.accountId());
        if (payload instanceof AccessRequested e) return Optional.ofNullable(e.accountId());
        if (payload instanceof AccessRequestRefused e) return Optional.ofNullable(e.accountId());
        if (payload instanceof AccessRestored e) return Optional.ofNullable(e.accountId());
        return Optional.empty();
    }

    private List<AlertDecision> existingAlerts(String contractId) {
        return jdbc.query(
                "select alert_id, episode_first_event_id from alert_view where contract_id = ? and status <> 'RETRACTED'",
                (rs, row) -> AlertReconciliation.known(
                        rs.getString("alert_id"), contractId, rs.getString("episode_first_event_id")),
                contractId);
    }

    // An officer acting on the same alert at the same moment makes the store refuse one of the two: try again.
    private void send(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(command);
                return;
            } catch (ConcurrencyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
