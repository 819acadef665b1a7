package io.leverwatch.compliance.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.events.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the pages write times and amounts, in the reader's language: {@code ${@formats.time(alert.raisedAt)}}. Times
 * are shown in one zone for everyone ({@code leverwatch.dashboard.zone}, Europe/Paris by default), since the
 * officers and the courts they answer to are French.
 */
@Component("formats")
public class Formats {

    private final ZoneId zone;

    public Formats(@Value("${leverwatch.dashboard.zone:Europe/Paris}") ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** A date and time, e.g. "1 Apr 2026, 10:00" or "1 avr. 2026, 10:00"; empty for null. */
    public String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale())
                .withZone(zone)
                .format(instant);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** A date of an event (a due date), e.g. "4 Feb 2026". */
    public String date(LocalDate date) {
        return date == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale())
                        .format(date);
    }

    /** A month, e.g. "Apr 2026" or "avr. 2026". */
    public String month(YearMonth month) {
        return DateTimeFormatter.ofPattern("MMM yyyy", locale()).format(month);
    }

    /** A month's short name alone, e.g. "Apr" or "avr.". */
    public String monthName(YearMonth month) {
        return DateTimeFormatter.ofPattern("MMM", locale()).format(month);
    }

    /** An amount of the alert's JSON ({@code {amount, currency}}), e.g. "€1,800.00" or "1 800,00 €". */
    public String money(JsonNode money) {
        if (money == null || money.isNull() || !money.hasNonNull("amount")) {
            return "";
        }
        return money(
                new BigDecimal(money.get("amount").asText()),
                money.path("currency").asText("EUR"));
    }

    /** An amount of an event. */
    public String money(Money money) {
        return money == null ? "" : money(money.amount(), money.currency());
    }

    private String money(BigDecimal amount, String code) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        try {
            Currency currency = Currency.getInstance(code);
            format.setCurrency(currency);
            format.setMinimumFractionDigits(Math.max(amount.scale(), currency.getDefaultFractionDigits()));
        } catch (IllegalArgumentException e) {
            return amount.toPlainString() + " " + code;
        }
        return format.format(amount);
    }

    /** The outstanding total, or each currency's when the invoices are in several (never added together). */
    public String outstanding(JsonNode total, JsonNode byCurrency) {
        if (total != null && !total.isNull()) {
            return money(total);
        }
        if (byCurrency == null || !byCurrency.isArray()) {
            return "";
        }
        return StreamSupport.stream(byCurrency.spliterator(), false)
                .map(this::money)
                .collect(Collectors.joining(" + "));
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
