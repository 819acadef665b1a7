package io.leverwatch.kit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.events.EventTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every kind of bad input the issue names gets an error naming its field. */
class EventValidatorTest {

    final ObjectMapper mapper = new ObjectMapper();
    final EventValidator validator =
            new EventValidator(Set.copyOf(EventTypes.BILLING), new DataSchemas(), "billing-service");
    final EventReader reader = new EventReader(mapper);

    JsonNode invoice(String amount, String currency) throws Exception {
        return mapper.readTree("""
                {"specversion":"1.0","id":"e-1","source":"https://billing.example","type":"leverwatch.invoice.issued",
                 "time":"2026-02-01T10:00:00Z","data":{"invoiceId":"inv-1","contractId":"c-1","amount":%s,
                 "currency":"%s","issuedOn":"2026-02-01","dueOn":"2026-03-01"}}""".formatted(amount, currency));
    }

    List<String> fieldsOf(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aValidInvoiceHasNoErrors() throws Exception {
        assertThat(validator.check(invoice("\"1200.00\"", "EUR"))).isEmpty();
    }

    @Test
    void aNegativeAmountIsNamed() throws Exception {
        List<FieldError> errors = validator.check(invoice("\"-5.00\"", "EUR"));
        assertThat(fieldsOf(errors)).containsExactly("/data/amount");
        assertThat(errors.get(0).message()).contains("negative");
    }

    @Test
    void anUnknownCurrencyIsNamed() throws Exception {
        List<FieldError> errors = validator.check(invoice("\"10.00\"", "XYZ"));
        assertThat(fieldsOf(errors)).containsExactly("/data/currency");
        assertThat(errors.get(0).message()).contains("unknown currency");
    }

    @Test
    void aWrongTypeIsNamed() throws Exception {
        List<FieldError> errors = validator.check(invoice("12.5", "EUR"));
        assertThat(fieldsOf(errors)).containsExactly("/data/amount");
    }

    @Test
    void missingAttributesAndFieldsAreAllNamed() throws Exception {
        JsonNode event = mapper.readTree("""
                {"specversion":"0.3","type":"leverwatch.invoice.issued","data":{"invoiceId":"inv-1"}}""");
        assertThat(fieldsOf(validator.check(event)))
                .contains(
                        "/specversion",
                        "/id",
                        "/source",
                        "/time",
                        "/data/contractId",
                        "/data/amount",
                        "/data/currency",
                        "/data/issuedOn",
                        "/data/dueOn");
    }

    @Test
    void anUnknownTypeIsNamed() throws Exception {
        JsonNode event = mapper.readTree("""
                {"specversion":"1.0","id":"e","source":"s","type":"leverwatch.invoice.teleported",
                 "time":"2026-02-01T10:00:00Z","data":{}}""");
        assertThat(validator.check(event))
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("/type"))
                .satisfies(e -> assertThat(e.message()).contains("unknown type"));
    }

    @Test
    void unparseableJsonAndInvalidUtf8AreRefused() {
        assertThatThrownBy(() -> reader.structured("{\"id\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventsException.class)
                .hasMessageContaining("unparseable JSON");
        assertThatThrownBy(() -> reader.structured(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}))
                .isInstanceOf(InvalidEventsException.class)
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> reader.batch("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventsException.class);
    }
}
