package io.leverwatch.compliance.operator.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads the date-time parameters of the operator API: RFC 3339, with {@code Z} or an offset. */
final class Instants {

    /** @return null when the value is absent or blank */
    static Instant parse(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadParameterException(
                    parameter,
                    parameter + " must be a date-time with its offset (RFC 3339), e.g. 2026-04-02T09:00:00Z, not "
                            + value);
        }
    }

    private Instants() {}
}
