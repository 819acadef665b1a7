package io.leverwatch.kit.contracts;

import io.leverwatch.events.contract.ContractRegistered;
import io.leverwatch.kit.ingest.Ownership;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contracts this service has learnt of from contract-service's published events, and the agency that owns
 * each. A contract, once known, stays known with the same owner.
 */
public class KnownContracts {

    private final JdbcTemplate jdbc;

    KnownContracts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> agencyOf(String contractId) {
        return jdbc
                .queryForList("select agency_id from known_contract where contract_id = ?", String.class, contractId)
                .stream()
                .findFirst();
    }

    /** Whether {@code agencyId} owns the contract: UNKNOWN while contract-service has not told us of it. */
    public Ownership ownership(String contractId, String agencyId) {
        return agencyOf(contractId)
                .map(owner -> owner.equals(agencyId) ? Ownership.OWNED : Ownership.FOREIGN)
                .orElse(Ownership.UNKNOWN);
    }

    /** Records the contracts in one JDBC batch; a redelivered registration changes nothing. */
    void registerAll(List<ContractRegistered> registered) {
        jdbc.batchUpdate(
                "insert into known_contract (contract_id, agency_id) values (?, ?) on conflict do nothing",
                registered,
                registered.size(),
                (statement, contract) -> {
                    statement.setString(1, contract.contractId());
                    statement.setString(2, contract.agencyId());
                });
    }
}
