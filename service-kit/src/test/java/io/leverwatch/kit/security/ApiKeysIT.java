package io.leverwatch.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.infra.EmbeddedDatabase;
import io.leverwatch.infra.TestInfrastructure;
import io.leverwatch.kit.security.ApiKeys.KeyInfo;
import io.leverwatch.kit.test.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * API keys on the real PostgreSQL, through the identity schema's own migrations: created, rotated with both keys valid
 * during the grace period, expired and revoked, on a clock the test moves.
 */
class ApiKeysIT {

    static JdbcTemplate jdbc;

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final ApiKeys keys = new ApiKeys(jdbc, clock);
    final String agency = "agency-" + UUID.randomUUID();

    @BeforeAll
    static void identitySchema() {
        EmbeddedDatabase db = TestInfrastructure.database();
        var dataSource = new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("identity")
                .defaultSchema("identity")
                .locations("classpath:db/identity")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void aNewKeyAuthenticatesItsAgencyAndOnlyItsHashIsStored() {
        ApiKeys.Created created = keys.create(agency, "CRM");

        assertThat(keys.agencyOf(created.plainKey())).contains(agency);
        assertThat(keys.agencyOf(created.plainKey() + "x")).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select key_hash from identity.api_key where key_id = ?", String.class, created.keyId()))
                .isEqualTo(ApiKeys.hash(created.plainKey()))
                .isNotEqualTo(created.plainKey());
        assertThat(created.keyId())
                .doesNotContain(ApiKeys.hash(created.plainKey()).substring(0, 8));
    }

    @Test
    void duringARotationBothKeysAreValidAndTheOldOneExpiresAfterTheGracePeriod() {
        ApiKeys.Created old = keys.create(agency, "CRM");
        clock.advance(Duration.ofDays(3));

        ApiKeys.Rotation rotation =
                keys.rotate(old.keyId(), Duration.ofHours(24)).orElseThrow();

        ApiKeys.Created replacement = rotation.replacement();
        assertThat(replacement.agencyId()).isEqualTo(agency);
        assertThat(replacement.plainKey()).isNotEqualTo(old.plainKey());
        assertThat(rotation.replaced().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(keys.agencyOf(old.plainKey())).contains(agency);
        assertThat(keys.agencyOf(replacement.plainKey())).contains(agency);

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(keys.agencyOf(old.plainKey())).contains(agency);

        clock.advance(Duration.ofSeconds(1));
        assertThat(keys.agencyOf(old.plainKey())).isEmpty();
        assertThat(keys.agencyOf(replacement.plainKey())).contains(agency);
        assertThat(keys.find(replacement.keyId()).orElseThrow().label()).isEqualTo("CRM");
    }

    @Test
    void rotatingAgainNeverLengthensTheOldKeysLife() {
        ApiKeys.Created old = keys.create(agency, null);
        keys.rotate(old.keyId(), Duration.ofHours(1)).orElseThrow();

        ApiKeys.Rotation second = keys.rotate(old.keyId(), Duration.ofDays(7)).orElseThrow();

        assertThat(second.replaced().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(keys.ofAgency(agency)).hasSize(3);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndCannotBeRotated() {
        ApiKeys.Created key = keys.create(agency, "vault");
        ApiKeys.Created other = keys.create(agency, "billing");

        assertThat(keys.revoke(key.keyId())).isTrue();

        assertThat(keys.agencyOf(key.plainKey())).isEmpty();
        assertThat(keys.agencyOf(other.plainKey())).contains(agency);
        assertThat(keys.rotate(key.keyId(), Duration.ofHours(1))).isEmpty();
        assertThat(keys.find(key.keyId()).orElseThrow().revokedAt()).isEqualTo(clock.instant());
        assertThat(keys.revoke(key.keyId())).isTrue();
        assertThat(keys.revoke("key-unknown")).isFalse();
        assertThat(keys.rotate("key-unknown", Duration.ofHours(1))).isEmpty();
    }

    @Test
    void anExpiredKeyCannotBeRotatedBackToLife() {
        ApiKeys.Created key = keys.create(agency, null);
        keys.rotate(key.keyId(), Duration.ZERO).orElseThrow();

        assertThat(keys.agencyOf(key.plainKey())).isEmpty();
        assertThat(keys.rotate(key.keyId(), Duration.ofHours(1))).isEmpty();
    }

    @Test
    void theListingShowsEveryKeyOfTheAgencyAndNoOtherWithoutItsSecret() {
        ApiKeys.Created first = keys.create(agency, "CRM");
        clock.advance(Duration.ofMinutes(1));
        ApiKeys.Created second = keys.create(agency, "vault");
        keys.revoke(second.keyId());
        keys.create("other-" + agency, "CRM");

        assertThat(keys.ofAgency(agency))
                .extracting(KeyInfo::keyId, KeyInfo::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first.keyId(), "CRM"),
                        org.assertj.core.groups.Tuple.tuple(second.keyId(), "vault"));
        assertThat(keys.ofAgency(agency))
                .extracting(key -> key.validAt(clock.instant()))
                .containsExactly(true, false);
        assertThat(keys.ofAgency(agency).toString())
                .doesNotContain(first.plainKey())
                .doesNotContain(ApiKeys.hash(first.plainKey()));
    }
}
