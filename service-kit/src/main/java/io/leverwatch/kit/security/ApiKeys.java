package io.leverwatch.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Agency API keys. A key is 32 random bytes, shown once when created; only its SHA-256 hash is stored
 * (a key has far more entropy than a password, so a slow hash adds nothing). A key belongs to one agency.
 *
 * <p>A key is valid until it is revoked or, once rotated, until its expiry: during a rotation the old and the new
 * key both work, so that the agency can move its systems over without a gap. Time comes from the injected clock.
 */
public class ApiKeys {

    /** How long a rotated key stays valid when the administrator does not say. */
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofHours(24);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "key_id, agency_id, label, created_at, expires_at, revoked_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ApiKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A key just made: the only moment its plain value exists outside the agency's systems. */
    public record Created(String keyId, String agencyId, String plainKey) {}

    /** What may be shown of a key: never the key itself nor its hash. */
    public record KeyInfo(
            String keyId, String agencyId, String label, Instant createdAt, Instant expiresAt, Instant revokedAt) {

        /** Whether the key still authenticates at this instant. */
        public boolean validAt(Instant instant) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(instant));
        }
    }

    /** A rotation: the new key, and the old one as it now stands (with its expiry). */
    public record Rotation(Created replacement, KeyInfo replaced) {}

    public static String newPlainKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "lw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String plainKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plainKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Created create(String agencyId, String label) {
        String keyId = newKeyId();
        String plainKey = newPlainKey();
        jdbc.update(
                "insert into identity.api_key (key_id, agency_id, key_hash, label, created_at) values (?, ?, ?, ?, ?)",
                keyId,
                agencyId,
                hash(plainKey),
                label,
                now());
        return new Created(keyId, agencyId, plainKey);
    }

    /** Stores the hash of a key chosen elsewhere (the embedded mode's demo keys); idempotent. */
    public Created register(String agencyId, String plainKey, String label) {
        String keyId = "key-" + hash(plainKey).substring(0, 12);
        jdbc.update(
                "insert into identity.api_key (key_id, agency_id, key_hash, label, created_at) values (?, ?, ?, ?, ?)"
                        + " on conflict (key_hash) do nothing",
                keyId,
                agencyId,
                hash(plainKey),
                label,
                now());
        return new Created(keyId, agencyId, plainKey);
    }

    /**
     * Makes a new key for the same agency and label, and lets the old one expire after the grace period (sooner if
     * it was already due to). One statement, so there is never an expiring key without its replacement.
     *
     * @return empty when the key is unknown, revoked or already expired
     */
    public Optional<Rotation> rotate(String keyId, Duration gracePeriod) {
        OffsetDateTime now = now();
        OffsetDateTime expiry = now.plus(gracePeriod);
        String newKeyId = newKeyId();
        String plainKey = newPlainKey();
        int inserted = jdbc.update(
                "with old as (update identity.api_key set expires_at = least(coalesce(expires_at, ?), ?)"
                        + " where key_id = ? and revoked_at is null and (expires_at is null or expires_at > ?)"
                        + " returning agency_id, label)"
                        + " insert into identity.api_key (key_id, agency_id, key_hash, label, created_at)"
                        + " select ?, agency_id, ?, label, ? from old",
                expiry,
                expiry,
                keyId,
                now,
                newKeyId,
                hash(plainKey),
                now);
        if (inserted == 0) {
            return Optional.empty();
        }
        KeyInfo replaced = find(keyId).orElseThrow();
        return Optional.of(new Rotation(new Created(newKeyId, replaced.agencyId(), plainKey), replaced));
    }

    /**
     * Revokes the key at once; revoking it again changes nothing.
     *
     * @return false when there is no such key
     */
    public boolean revoke(String keyId) {
        jdbc.update("update identity.api_key set revoked_at = ? where key_id = ? and revoked_at is null", now(), keyId);
        return find(keyId).isPresent();
    }

    public Optional<KeyInfo> find(String keyId) {
        return jdbc
                .query("select " + COLUMNS + " from identity.api_key where key_id = ?", ApiKeys::info, keyId)
                .stream()
                .findFirst();
    }

    /** The agency's keys, oldest first, valid or not. */
    public List<KeyInfo> ofAgency(String agencyId) {
        return jdbc.query(
                "select " + COLUMNS + " from identity.api_key where agency_id = ? order by created_at, key_id",
                ApiKeys::info,
                agencyId);
    }

    /** The agency of a key that is neither revoked nor expired. */
    public Optional<String> agencyOf(String plainKey) {
        List<String> agencies = jdbc.queryForList(
                "select agency_id from identity.api_key where key_hash = ? and revoked_at is null"
                        + " and (expires_at is null or expires_at > ?)",
                String.class,
                hash(plainKey),
                now());
        return agencies.stream().findFirst();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Random, so that a key's id says nothing of the key. */
    private static String newKeyId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "key-" + HexFormat.of().formatHex(bytes);
    }

    private static KeyInfo info(ResultSet rs, int row) throws SQLException {
        return new KeyInfo(
                rs.getString("key_id"),
                rs.getString("agency_id"),
                rs.getString("label"),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
