package io.leverwatch.compliance.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where compliance's users come from (see {@link OfficerApiSecurity}). */
@ConfigurationProperties("leverwatch")
public class UserSettings {

    /**
     * Embedded mode only: {@code username=password} entries; the user name gives the role ({@code officer},
     * {@code operator}, {@code auditor}). Kept in memory, bcrypt-hashed.
     */
    private List<String> demoUsers = new ArrayList<>();

    /**
     * Outside embedded mode: {@code username:ROLE:bcryptHash} entries written to the {@code compliance_user} table
     * at start (created, or updated to this hash and role). Never a plain password.
     */
    private List<String> bootstrapUsers = new ArrayList<>();

    public List<String> getDemoUsers() {
        return demoUsers;
    }

    public void setDemoUsers(List<String> demoUsers) {
        this.demoUsers = demoUsers;
    }

    public List<String> getBootstrapUsers() {
        return bootstrapUsers;
    }

    public void setBootstrapUsers(List<String> bootstrapUsers) {
        this.bootstrapUsers = bootstrapUsers;
    }
}
