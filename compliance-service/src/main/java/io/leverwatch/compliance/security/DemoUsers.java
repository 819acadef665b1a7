package io.leverwatch.compliance.security;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Embedded mode only: the demo users the platform prints at start, held in memory with bcrypt hashes. */
final class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    static InMemoryUserDetailsManager inMemory(List<String> entries, PasswordEncoder encoder) {
        List<UserDetails> users =
                entries.stream().map(entry -> parse(entry, encoder)).toList();
        log.warn("EMBEDDED MODE: {} demo users are active. Never run this mode in production.", users.size());
        return new InMemoryUserDetailsManager(users);
    }

    static UserDetails parse(String entry, PasswordEncoder encoder) {
        int eq = entry.indexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
            throw new IllegalArgumentException("leverwatch.demo-users entries are username=password");
        }
        String username = entry.substring(0, eq).trim();
        return User.withUsername(username)
                .password(encoder.encode(entry.substring(eq + 1)))
                .roles(roleOf(username).name())
                .build();
    }

    /** The role a demo user's name stands for; any other name only reads (the least it could need). */
    static Role roleOf(String username) {
        return switch (username.toLowerCase(Locale.ROOT)) {
            case "officer" -> Role.OFFICER;
            case "operator" -> Role.OPERATOR;
            case "auditor" -> Role.AUDITOR;
            default -> {
                log.warn("demo user {} is not officer, operator or auditor: it gets the AUDITOR role", username);
                yield Role.AUDITOR;
            }
        };
    }

    private DemoUsers() {}
}
