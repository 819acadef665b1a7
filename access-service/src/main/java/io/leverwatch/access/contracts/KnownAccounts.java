package io.leverwatch.access.contracts;

import io.leverwatch.events.contract.AccountRegistered;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The accounts contract-service registered: under which contract, for which agency, held in whose name.
 * An account belongs to one contract; a second registration elsewhere is not recorded.
 */
@Component
public class KnownAccounts {

    /** What access-service knows of a registered account. */
    public record KnownAccount(String accountId, String contractId, String agencyId) {}

    private final JdbcTemplate jdbc;

    KnownAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<KnownAccount> find(String accountId) {
        List<KnownAccount> found = jdbc.query(
                "select account_id, contract_id, agency_id from known_account where account_id = ?",
                (rs, row) -> new KnownAccount(
                        rs.getString("account_id"), rs.getString("contract_id"), rs.getString("agency_id")),
                accountId);
        return found.stream().findFirst();
    }

    /** Records the accounts in one JDBC batch; one registered already, here or under another contract, is left. */
    void registerAll(List<AccountRegistered> accounts) {
        jdbc.batchUpdate(
                "insert into known_account (account_id, contract_id, agency_id, held_in_name_of, platform, label)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (account_id) do nothing",
                accounts,
                accounts.size(),
                (statement, account) -> {
                    statement.setString(1, account.accountId());
                    statement.setString(2, account.contractId());
                    statement.setString(3, account.agencyId());
                    statement.setString(4, account.heldInNameOf().name());
                    statement.setString(5, account.platform().name());
                    statement.setString(6, account.label());
                });
    }
}
