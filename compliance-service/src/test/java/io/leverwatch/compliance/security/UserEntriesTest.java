package io.leverwatch.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How configured users become accounts: demo users by name, bootstrap users by bcrypt hash only. */
class UserEntriesTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void demoUsersGetTheRoleTheirNameStandsForAndAHashedPassword() {
        UserDetails officer = DemoUsers.parse("officer=s3cret", encoder);

        assertThat(officer.getUsername()).isEqualTo("officer");
        assertThat(officer.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_OFFICER");
        assertThat(officer.getPassword()).startsWith("{bcrypt}").doesNotContain("s3cret");
        assertThat(encoder.matches("s3cret", officer.getPassword())).isTrue();
        assertThat(DemoUsers.roleOf("operator")).isEqualTo(Role.OPERATOR);
        assertThat(DemoUsers.roleOf("auditor")).isEqualTo(Role.AUDITOR);
    }

    @Test
    void anUnknownDemoUserOnlyReads() {
        assertThat(DemoUsers.roleOf("visitor")).isEqualTo(Role.AUDITOR);
    }

    @Test
    void aMalformedDemoUserIsRefused() {
        assertThatThrownBy(() -> DemoUsers.parse("officer", encoder)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoUsers.parse("officer=", encoder)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBootstrapUserIsStoredWithItsBcryptHash() {
        String hash = new BCryptPasswordEncoder().encode("correct horse");

        BootstrapUsers.Entry entry = BootstrapUsers.parse("alice:officer:" + hash);

        assertThat(entry.username()).isEqualTo("alice");
        assertThat(entry.role()).isEqualTo(Role.OFFICER);
        assertThat(entry.passwordHash()).isEqualTo("{bcrypt}" + hash);
        assertThat(encoder.matches("correct horse", entry.passwordHash())).isTrue();
        assertThat(BootstrapUsers.parse("bob:AUDITOR:{bcrypt}" + hash).passwordHash())
                .isEqualTo("{bcrypt}" + hash);
    }

    @Test
    void aBootstrapUserWithAPlainPasswordOrNoRoleIsRefused() {
        assertThatThrownBy(() -> BootstrapUsers.parse("alice:OFFICER:secret")).hasMessageContaining("bcrypt hash");
        assertThatThrownBy(() -> BootstrapUsers.parse("alice:BOSS:" + new BCryptPasswordEncoder().encode("x")))
                .hasMessageContaining("not a role");
        assertThatThrownBy(() -> BootstrapUsers.parse("alice")).hasMessageContaining("username:ROLE:bcryptHash");
    }
}
