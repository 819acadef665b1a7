package io.leverwatch.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Agency API keys. A key is 32 random bytes, shown once when created; only its SHA-256 hash is stored
 * (a key has far more entropy than a password, so a slow hash adds nothing). A key belongs to one agency.
 */
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public ApiKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Created(String keyId, String agencyId, String plainKey) {}

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
        return register(agencyId, newPlainKey(), label);
    }

    /** Stores the hash of a key chosen elsewhere (the embedded mode's demo keys); idempotent. */
    public Created register(String agencyId, String plainKey, String label) {
        String keyId = "key-" + hash(plainKey).substring(0, 12);
        jdbc.update(
                "insert into identity.api_key (key_id, agency_id, key_hash, label) values (?, ?, ?, ?)"
                        + " on conflict (key_hash) do nothing",
                keyId,
                agencyId,
                hash(plainKey),
                label);
        return new Created(keyId, agencyId, plainKey);
    }

    public void revoke(String keyId) {
        jdbc.update("update identity.api_key set revoked_at = now() where key_id = ? and revoked_at is null", keyId);
    }

    /** The agency of a valid, unrevoked key. */
    public Optional<String> agencyOf(String plainKey) {
        List<String> agencies = jdbc.queryForList(
                "select agency_id from identity.api_key where key_hash = ? and revoked_at is null",
                String.class,
                hash(plainKey));
        return agencies.stream().findFirst();
    }
}
