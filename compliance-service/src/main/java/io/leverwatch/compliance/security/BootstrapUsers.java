package io.leverwatch.compliance.security;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outside embedded mode, the first users come from {@code leverwatch.bootstrap-users}: entries
 * {@code username:ROLE:bcryptHash}, e.g. {@code LEVERWATCH_BOOTSTRAP_USERS='alice:OFFICER:$2y$10$...'} (make the
 * hash with {@code htpasswd -bnBC 10 "" 'secret' | tr -d ':\n'}). They are written to {@code compliance_user} at
 * every start, so the configuration stays the truth for them. A plain password is refused.
 */
final class BootstrapUsers {

    /** One configured user; {@code passwordHash} carries its {@code {bcrypt}} prefix. */
    record Entry(String username, Role role, String passwordHash) {}

    private static final Logger log = LoggerFactory.getLogger(BootstrapUsers.class);
    private static final Pattern BCRYPT = Pattern.compile("^(\\{bcrypt})?\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}$");

    BootstrapUsers(ComplianceUserStore store, List<String> entries) {
        for (Entry entry : entries.stream().map(BootstrapUsers::parse).toList()) {
            store.save(entry.username(), entry.passwordHash(), entry.role());
            log.info("user {} ({}) is set from leverwatch.bootstrap-users", entry.username(), entry.role());
        }
        if (store.count() == 0) {
            log.warn("no compliance users: nobody can sign in until one is added with leverwatch.bootstrap-users");
        }
    }

    static Entry parse(String entry) {
        String[] parts = entry.trim().split(":", 3);
        if (parts.length != 3 || parts[0].isBlank()) {
            throw new IllegalArgumentException("leverwatch.bootstrap-users entries are username:ROLE:bcryptHash");
        }
        String username = parts[0].trim();
        Role role;
        try {
            role = Role.valueOf(parts[1].trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("leverwatch.bootstrap-users: " + parts[1] + " is not a role", e);
        }
        String hash = parts[2].trim();
        if (!BCRYPT.matcher(hash).matches()) {
            throw new IllegalArgumentException(
                    "leverwatch.bootstrap-users: the password of " + username + " must be a bcrypt hash");
        }
        return new Entry(username, role, hash.startsWith("{bcrypt}") ? hash : "{bcrypt}" + hash);
    }
}
