package io.leverwatch.compliance.security;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The users outside embedded mode, in the {@code compliance_user} table; passwords as bcrypt hashes only. Not itself
 * a {@code UserDetailsService}: there must be one only, and in embedded mode it is the demo users.
 */
public class ComplianceUserStore {

    private final JdbcTemplate jdbc;

    public ComplianceUserStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws UsernameNotFoundException if there is no such user */
    public UserDetails load(String username) {
        List<UserDetails> users = jdbc.query(
                "select username, password_hash, role, enabled from compliance_user where username = ?",
                (rs, row) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .roles(rs.getString("role"))
                        .disabled(!rs.getBoolean("enabled"))
                        .build(),
                username);
        if (users.isEmpty()) {
            throw new UsernameNotFoundException("no such user");
        }
        return users.get(0);
    }

    public long count() {
        Long count = jdbc.queryForObject("select count(*) from compliance_user", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Creates the user, or gives an existing one this hash and role.
     *
     * @param passwordHash a password encoder's output with its prefix, e.g. {@code {bcrypt}$2a$10$...}
     */
    public void save(String username, String passwordHash, Role role) {
        jdbc.update(
                "insert into compliance_user (username, password_hash, role) values (?, ?, ?)"
                        + " on conflict (username) do update set password_hash = excluded.password_hash,"
                        + " role = excluded.role",
                username,
                passwordHash,
                role.name());
    }
}
