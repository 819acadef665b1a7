package io.leverwatch.contract.query;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which agency owns a contract, from the read model. */
@Component
public class ContractDirectory {

    private final JdbcTemplate jdbc;

    ContractDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> agencyOf(String contractId) {
        List<String> owners = jdbc.queryForList(
                "select agency_id from contract_view where contract_id = ?", String.class, contractId);
        return owners.stream().findFirst();
    }
}
