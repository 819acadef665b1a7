package io.leverwatch.compliance.admin;

import org.springframework.http.HttpStatus;

/** Why the key administration refused a request: its HTTP status, problem type and what to do instead. */
class KeyAdminRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;

    KeyAdminRefusal(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    static KeyAdminRefusal badInput(String detail) {
        return new KeyAdminRefusal(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", detail);
    }

    static KeyAdminRefusal unknownKey(String keyId) {
        return new KeyAdminRefusal(HttpStatus.NOT_FOUND, "unknown-key", "No such API key", "there is no key " + keyId);
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }
}
