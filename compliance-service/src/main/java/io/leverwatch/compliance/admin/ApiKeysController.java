package io.leverwatch.compliance.admin;

import io.leverwatch.kit.security.ApiKeys;
import io.leverwatch.kit.security.ApiKeys.KeyInfo;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agencies' API keys, administered by operators ({@code /api/admin/**} is theirs, see {@code OfficerApiSecurity}):
 * create, list, rotate (the old key stays valid for a grace period) and revoke. A new key is in the answer that
 * creates it and nowhere else: it is never stored, logged nor listed. The keys live in the shared {@code identity}
 * schema that the agency services read.
 */
@RestController
class ApiKeysController {

    private static final Logger log = LoggerFactory.getLogger(ApiKeysController.class);
    private static final Pattern AGENCY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int MAX_LABEL = 200;
    private static final Duration MAX_GRACE_PERIOD = Duration.ofDays(30);

    private final ApiKeys keys;
    private final Clock clock;

    ApiKeysController(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** {@code {"label": "CRM production"}}; the label is optional. */
    record CreateKey(String label) {}

    /** {@code {"gracePeriod": "PT24H"}} (ISO-8601): how long the old key stays valid; 24 hours when absent. */
    record RotateKey(String gracePeriod) {}

    /** A key as an operator sees it: never the key nor its hash. */
    record KeyView(
            String keyId,
            String agencyId,
            String label,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            boolean valid) {}

    /** The answer that carries a new key, the only one that ever does. */
    record NewKey(String keyId, String agencyId, String key, KeyView replaced) {}

    record AgencyKeys(String agencyId, List<KeyView> keys) {}

    @PostMapping("/api/admin/agencies/{agencyId}/keys")
    ResponseEntity<NewKey> create(
            @PathVariable String agencyId, @RequestBody(required = false) CreateKey request, Principal operator) {
        requireAgencyId(agencyId);
        ApiKeys.Created created = keys.create(agencyId, label(request));
        log.info("API key {} created for agency {} by {}", created.keyId(), agencyId, operator.getName());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new NewKey(created.keyId(), agencyId, created.plainKey(), null));
    }

    @GetMapping("/api/admin/agencies/{agencyId}/keys")
    AgencyKeys list(@PathVariable String agencyId) {
        requireAgencyId(agencyId);
        List<KeyInfo> found = keys.ofAgency(agencyId);
        if (found.isEmpty()) {
            throw new KeyAdminRefusal(
                    HttpStatus.NOT_FOUND,
                    "unknown-agency",
                    "No such agency",
                    "agency " + agencyId + " has never had an API key: create one with POST /api/admin/agencies/"
                            + agencyId + "/keys");
        }
        return new AgencyKeys(agencyId, found.stream().map(this::view).toList());
    }

    @PostMapping("/api/admin/keys/{keyId}/rotate")
    ResponseEntity<NewKey> rotate(
            @PathVariable String keyId, @RequestBody(required = false) RotateKey request, Principal operator) {
        Duration grace = gracePeriod(request);
        ApiKeys.Rotation rotation = keys.rotate(keyId, grace).orElseThrow(() -> notRotatable(keyId));
        ApiKeys.Created replacement = rotation.replacement();
        log.info(
                "API key {} of agency {} rotated by {}: replaced by {}, valid until {}",
                keyId,
                replacement.agencyId(),
                operator.getName(),
                replacement.keyId(),
                rotation.replaced().expiresAt());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new NewKey(
                        replacement.keyId(),
                        replacement.agencyId(),
                        replacement.plainKey(),
                        view(rotation.replaced())));
    }

    /** Revokes at once; revoking a revoked key answers the same and changes nothing. */
    @DeleteMapping("/api/admin/keys/{keyId}")
    KeyView revoke(@PathVariable String keyId, Principal operator) {
        if (!keys.revoke(keyId)) {
            throw KeyAdminRefusal.unknownKey(keyId);
        }
        KeyInfo revoked = keys.find(keyId).orElseThrow();
        log.info("API key {} of agency {} revoked by {}", keyId, revoked.agencyId(), operator.getName());
        return view(revoked);
    }

    private KeyAdminRefusal notRotatable(String keyId) {
        KeyInfo key = keys.find(keyId).orElseThrow(() -> KeyAdminRefusal.unknownKey(keyId));
        return new KeyAdminRefusal(
                HttpStatus.CONFLICT,
                "key-not-valid",
                "The key is no longer valid",
                "key " + keyId + " is " + (key.revokedAt() != null ? "revoked" : "expired")
                        + ": only a valid key can be rotated; create a new one instead");
    }

    private KeyView view(KeyInfo key) {
        return new KeyView(
                key.keyId(),
                key.agencyId(),
                key.label(),
                key.createdAt(),
                key.expiresAt(),
                key.revokedAt(),
                key.validAt(clock.instant()));
    }

    private static void requireAgencyId(String agencyId) {
        if (!AGENCY_ID.matcher(agencyId).matches()) {
            throw KeyAdminRefusal.badInput(
                    "agencyId must be 1 to 128 letters, digits, '.', '_' or '-', starting with" + " a letter or digit");
        }
    }

    private static String label(CreateKey request) {
        if (request == null || request.label() == null || request.label().isBlank()) {
            return null;
        }
        String label = request.label().strip();
        if (label.length() > MAX_LABEL || label.chars().anyMatch(Character::isISOControl)) {
            throw KeyAdminRefusal.badInput("label must be at most " + MAX_LABEL + " characters, on one line");
        }
        return label;
    }

    private static Duration gracePeriod(RotateKey request) {
        if (request == null || request.gracePeriod() == null) {
            return ApiKeys.DEFAULT_GRACE_PERIOD;
        }
        Duration grace;
        try {
            grace = Duration.parse(request.gracePeriod());
        } catch (DateTimeParseException e) {
            throw KeyAdminRefusal.badInput(
                    "gracePeriod must be an ISO-8601 duration such as PT24H, not " + request.gracePeriod());
        }
        if (grace.isNegative() || grace.compareTo(MAX_GRACE_PERIOD) > 0) {
            throw KeyAdminRefusal.badInput("gracePeriod must be between PT0S and P30D");
        }
        return grace;
    }
}
