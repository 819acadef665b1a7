package io.leverwatch.kit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.http.HttpMessageFactory;
import io.leverwatch.events.EventTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the fuzz test of billing-service (HostileInputIT) found getting past the reader and the validator: each was
 * accepted, stored altered, or answered 500 before.
 */
class HostileInputTest {

    static final String VALID = """
            {"specversion":"1.0","id":"e-1","source":"https://billing.example","type":"leverwatch.invoice.issued",
             "time":"2026-02-01T10:00:00Z","data":{"invoiceId":"inv-1","contractId":"c-1","amount":"1200.00",
             "currency":"EUR","issuedOn":"2026-02-01","dueOn":"2026-03-01"}}""";

    final ObjectMapper mapper = new ObjectMapper();
    final EventReader reader = new EventReader(mapper);
    final EventValidator validator =
            new EventValidator(Set.copyOf(EventTypes.BILLING), new DataSchemas(), "billing-service");

    @Test
    void aSecondValueAfterTheEventIsRefusedAsTheBody() {
        assertThat(refusal(() -> reader.structured(bytes(VALID + "}"))))
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("/"));
        assertThat(refusal(() -> reader.structured(bytes(VALID + "{}"))))
                .extracting(FieldError::field)
                .containsExactly("/");
    }

    @Test
    void anAttributeGivenTwiceIsRefusedAsTheBody() {
        String twice = "{\"specversion\":\"0.1\"," + VALID.substring(1);
        assertThat(refusal(() -> reader.structured(bytes(twice))))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("specversion"));
    }

    @Test
    void aBinaryModeEventOfAnUnknownSpecVersionNamesTheSpecVersion() {
        Map<String, String> headers =
                Map.of("ce-specversion", "2.0", "ce-id", "e-1", "content-type", "application/json");
        assertThat(refusal(() -> reader.binary(() -> HttpMessageFactory.createReader(headers::forEach, bytes("{}")))))
                .extracting(FieldError::field)
                .containsExactly("/specversion");
    }

    @Test
    void aBinaryModeEventWithoutIdOrTimeIsNamedAttributeByAttribute() {
        Map<String, String> headers = Map.of(
                "ce-specversion", "1.0",
                "ce-source", "https://billing.example",
                "ce-type", "leverwatch.invoice.issued",
                "content-type", "application/json");
        JsonNode event = reader.binary(() ->
                HttpMessageFactory.createReader(headers::forEach, bytes("{\"invoiceId\":\"inv-1\",\"reason\":\"x\"}")));

        assertThat(validator.check(event)).extracting(FieldError::field).contains("/id", "/time");
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesInAttributesAreNamed() throws Exception {
        for (String bad : List.of("e-1\\u0000", "e-1\\ud800", "\\udc00e-1", "e-1\\n", "e-1\\u0085")) {
            JsonNode event = mapper.readTree(VALID.replace("\"e-1\"", "\"" + bad + "\""));
            List<FieldError> errors = validator.check(event);
            assertThat(errors).as(bad).extracting(FieldError::field).containsExactly("/id");
            assertThat(errors.get(0).eventId()).isNull();
        }
        JsonNode paired = mapper.readTree(VALID.replace("\"e-1\"", "\"e-\\ud83d\\ude00\""));
        assertThat(validator.check(paired)).isEmpty();
    }

    @Test
    void aTimeWithAYearOfMoreThanFourDigitsIsNamed() throws Exception {
        for (String time : List.of("+12026-02-01T10:00:00Z", "+300000-02-01T10:00:00Z")) {
            JsonNode event = mapper.readTree(VALID.replace("2026-02-01T10:00:00Z", time));
            assertThat(validator.check(event))
                    .as(time)
                    .extracting(FieldError::field)
                    .containsExactly("/time");
        }
    }

    @Test
    void aNulCharacterOrUnpairedSurrogateInDataTextIsNamed() throws Exception {
        for (String bad : List.of("Paid\\u0000 in cash", "Paid \\ud800")) {
            JsonNode event = mapper.readTree("""
                    {"specversion":"1.0","id":"e-2","source":"https://billing.example",
                     "type":"leverwatch.invoice.disputed","time":"2026-02-01T10:00:00Z",
                     "data":{"invoiceId":"inv-1","reason":"%s"}}""".formatted(bad));
            assertThat(validator.check(event))
                    .as(bad)
                    .extracting(FieldError::field)
                    .containsExactly("/data/reason");
        }
    }

    private static List<FieldError> refusal(Runnable read) {
        InvalidEventsException thrown = catchThrowableOfType(InvalidEventsException.class, read::run);
        assertThat(thrown).as("refused").isNotNull();
        return thrown.errors();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
