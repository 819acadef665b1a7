package io.leverwatch.contract.query;

import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.events.contract.ContractRegistered;
import io.leverwatch.events.contract.ContractTerminated;
import io.leverwatch.events.contract.CriticalPeriodDeclared;
import java.sql.Date;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The contract read model, updated in the same transaction as the event store (a subscribing processor),
 * so that an agency reads its own writes and ownership checks see every registered contract.
 */
@Component
@ProcessingGroup(ContractProjection.PROCESSING_GROUP)
class ContractProjection {

    static final String PROCESSING_GROUP = "contract-view";

    private final JdbcTemplate jdbc;

    ContractProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ContractRegistered event) {
        jdbc.update(
                "insert into contract_view (contract_id, agency_id, agency_name, client_id, client_name, scope,"
                        + " start_date, status, registered_at) values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)"
                        + " on conflict (contract_id) do nothing",
                event.contractId(),
                event.agencyId(),
                event.agencyName(),
                event.clientId(),
                event.clientName(),
                event.scope(),
                Date.valueOf(event.startDate()),
                Timestamp.from(event.occurredAt()));
    }

    @EventHandler
    void on(AccountRegistered event) {
        jdbc.update(
                "insert into account_view (account_id, contract_id, platform, label, held_in_name_of, registered_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (contract_id, account_id) do nothing",
                event.accountId(),
                event.contractId(),
                event.platform().name(),
                event.label(),
                event.heldInNameOf().name(),
                Timestamp.from(event.occurredAt()));
    }

    @EventHandler
    void on(CriticalPeriodDeclared event) {
        jdbc.update(
                "insert into critical_period_view (contract_id, starts_at, ends_at, description) values (?, ?, ?, ?)",
                event.contractId(),
                Timestamp.from(event.from()),
                Timestamp.from(event.to()),
                event.description());
    }

    @EventHandler
    void on(ContractTerminated event) {
        jdbc.update(
                "update contract_view set status = 'TERMINATED', terminated_by = ?, termination_effective_at = ?,"
                        + " termination_reason = ? where contract_id = ?",
                event.terminatedBy().name(),
                Timestamp.from(event.effectiveAt()),
                event.reason(),
                event.contractId());
    }
}
