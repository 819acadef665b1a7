package io.leverwatch.compliance.query;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.compliance.leverage.Evidence;
import io.leverwatch.compliance.leverage.LockedAccount;
import io.leverwatch.compliance.leverage.OverdueInvoice;
import io.leverwatch.events.Money;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The JSON shapes of an alert's parts, as the read model stores them and the API returns them. Amounts are decimal
 * strings with their scale ({@code "3300.00"}), like the public event contract, never binary numbers; events are
 * cited by {@code id}, {@code type}, {@code time} and {@code source}.
 */
@Component
public final class AlertJson {

    private final ObjectMapper mapper;

    public AlertJson(ObjectMapper springMapper) {
        this.mapper = springMapper.copy();
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
    }

    /** {@code [{id, platform, label, lockedSince, restoredAt}]} */
    public String accounts(List<LockedAccount> accounts) {
        return write(accounts.stream()
                .map(a -> map(
                        "id", a.accountId(),
                        "platform", a.platform(),
                        "label", a.label(),
                        "lockedSince", a.lockedSince(),
                        "restoredAt", a.restoredAt()))
                .toList());
    }

    /** {@code [{id, outstanding {amount, currency}, overdueSince, overdueUntil, disputed, formalNoticeSent}]} */
    public String overdueInvoices(List<OverdueInvoice> invoices) {
        return write(invoices.stream()
                .map(i -> map(
                        "id", i.invoiceId(),
                        "outstanding", i.outstanding(),
                        "overdueSince", i.overdueSince(),
                        "overdueUntil", i.overdueUntil(),
                        "disputed", i.disputed(),
                        "formalNoticeSent", i.formalNoticeSent()))
                .toList());
    }

    /** {@code [{id, type, time, source}]} */
    public String evidence(List<Evidence> evidence) {
        return write(evidence.stream()
                .map(e -> map("id", e.eventId(), "type", e.type(), "time", e.time(), "source", e.source()))
                .toList());
    }

    /** {@code {amount, currency}}, or null. */
    public String money(Money money) {
        return money == null ? null : write(money);
    }

    /** Any value: records as their components (a recommendation, a list of amounts, history details). */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads a stored column back as a tree, to embed in a response as is. */
    public JsonNode read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored alert JSON is unreadable", e);
        }
    }

    // Keeps the order of the keys and, unlike Map.of, accepts null values (a lockout still going on).
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
