package io.leverwatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schemas of inbound {@code data} say exactly what DESIGN.md §2 says an agency must send. */
class InboundSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    /** The required data fields per type, as DESIGN.md §2's table lists them. */
    private static final Map<String, Set<String>> REQUIRED_BY_DESIGN = Map.ofEntries(
            Map.entry(
                    EventTypes.CONTRACT_REGISTERED,
                    Set.of("contractId", "agencyId", "agencyName", "clientId", "clientName", "scope", "startDate")),
            Map.entry(
                    EventTypes.ACCOUNT_REGISTERED,
                    Set.of("contractId", "accountId", "platform", "label", "heldInNameOf")),
            Map.entry(EventTypes.CRITICAL_PERIOD_DECLARED, Set.of("contractId", "from", "to", "description")),
            Map.entry(EventTypes.CONTRACT_TERMINATED, Set.of("contractId", "terminatedBy", "effectiveAt", "reason")),
            Map.entry(
                    EventTypes.INVOICE_ISSUED,
                    Set.of("invoiceId", "contractId", "amount", "currency", "issuedOn", "dueOn")),
            Map.entry(EventTypes.PAYMENT_RECEIVED, Set.of("invoiceId", "amount", "currency")),
            Map.entry(EventTypes.INVOICE_OVERDUE, Set.of("invoiceId")),
            Map.entry(EventTypes.INVOICE_DISPUTED, Set.of("invoiceId", "reason")),
            Map.entry(EventTypes.INVOICE_CANCELLED, Set.of("invoiceId", "reason")),
            Map.entry(EventTypes.FORMAL_NOTICE_SENT, Set.of("invoiceId")),
            Map.entry(EventTypes.CREDIT_NOTE_ISSUED, Set.of("creditNoteId", "contractId", "amount", "currency")),
            Map.entry(EventTypes.CREDENTIALS_CHANGED, Set.of("accountId", "changedBy", "ownerRetainsAccess", "reason")),
            Map.entry(EventTypes.ACCESS_REVOKED, Set.of("accountId", "revokedBy", "role")),
            Map.entry(EventTypes.ACCESS_REQUESTED, Set.of("accountId")),
            Map.entry(EventTypes.ACCESS_REQUEST_REFUSED, Set.of("accountId", "reason")),
            Map.entry(EventTypes.ACCESS_RESTORED, Set.of("accountId", "means")));

    /** The optional data fields per type: the refusal's statement, and the contract repeated on access events. */
    private static final Map<String, Set<String>> OPTIONAL_BY_DESIGN = Map.of(
            EventTypes.CREDENTIALS_CHANGED, Set.of("contractId"),
            EventTypes.ACCESS_REVOKED, Set.of("contractId"),
            EventTypes.ACCESS_REQUESTED, Set.of("contractId"),
            EventTypes.ACCESS_REQUEST_REFUSED, Set.of("contractId", "statement"),
            EventTypes.ACCESS_RESTORED, Set.of("contractId"));

    /** A valid data object per type, taken from the community-management case of LEGAL.md. */
    private static final Map<String, String> VALID = Map.ofEntries(
            Map.entry(EventTypes.CONTRACT_REGISTERED, """
                    {"contractId": "CTR-2016-001", "agencyId": "agency-pixel", "agencyName": "Pixel & Co",
                     "clientId": "client-brasserie", "clientName": "Brasserie du Port",
                     "scope": "Community management: Facebook page and X account", "startDate": "2015-09-01"}
                    """),
            Map.entry(EventTypes.ACCOUNT_REGISTERED, """
                    {"contractId": "CTR-2016-001", "accountId": "ACC-FB-1", "platform": "FACEBOOK",
                     "label": "Facebook page Brasserie du Port", "heldInNameOf": "CLIENT"}
                    """),
            Map.entry(EventTypes.CRITICAL_PERIOD_DECLARED, """
                    {"contractId": "CTR-2016-001", "from": "2016-04-01T00:00:00Z", "to": "2016-04-30T23:59:59+02:00",
                     "description": "Spring promotion campaign"}
                    """),
            Map.entry(EventTypes.CONTRACT_TERMINATED, """
                    {"contractId": "CTR-2016-001", "terminatedBy": "CLIENT", "effectiveAt": "2016-03-31T00:00:00+02:00",
                     "reason": "Client ends the contract at the end of its notice period"}
                    """),
            Map.entry(EventTypes.INVOICE_ISSUED, """
                    {"invoiceId": "INV-2016-017", "contractId": "CTR-2016-001", "amount": "1800.00", "currency": "EUR",
                     "issuedOn": "2016-02-01", "dueOn": "2016-03-02"}
                    """),
            Map.entry(EventTypes.PAYMENT_RECEIVED, """
                    {"invoiceId": "INV-2016-017", "amount": "600", "currency": "EUR"}
                    """),
            Map.entry(EventTypes.INVOICE_OVERDUE, """
                    {"invoiceId": "INV-2016-017"}
                    """),
            Map.entry(EventTypes.INVOICE_DISPUTED, """
                    {"invoiceId": "INV-2016-017", "reason": "Posts for March were not delivered"}
                    """),
            Map.entry(EventTypes.INVOICE_CANCELLED, """
                    {"invoiceId": "INV-2016-018", "reason": "Issued twice by mistake"}
                    """),
            Map.entry(EventTypes.FORMAL_NOTICE_SENT, """
                    {"invoiceId": "INV-2016-017"}
                    """),
            Map.entry(EventTypes.CREDIT_NOTE_ISSUED, """
                    {"creditNoteId": "CN-2016-002", "contractId": "CTR-2016-001", "amount": "0.0001", "currency": "CHF"}
                    """),
            Map.entry(EventTypes.CREDENTIALS_CHANGED, """
                    {"accountId": "ACC-FB-1", "changedBy": "AGENCY", "ownerRetainsAccess": false,
                     "reason": "PAYMENT_DEFAULT"}
                    """),
            Map.entry(EventTypes.ACCESS_REVOKED, """
                    {"accountId": "ACC-FB-1", "contractId": "CTR-2016-001", "revokedBy": "AGENCY", "role": "ADMIN"}
                    """),
            Map.entry(EventTypes.ACCESS_REQUESTED, """
                    {"accountId": "ACC-FB-1"}
                    """),
            Map.entry(EventTypes.ACCESS_REQUEST_REFUSED, """
                    {"accountId": "ACC-FB-1", "reason": "PAYMENT_PENDING",
                     "statement": "Access will be given back once invoice INV-2016-017 is paid."}
                    """),
            Map.entry(EventTypes.ACCESS_RESTORED, """
                    {"accountId": "ACC-FB-1", "means": "HANDOVER"}
                    """));

    static Stream<String> allTypes() {
        return Stream.of(EventTypes.CONTRACT, EventTypes.BILLING, EventTypes.ACCESS)
                .flatMap(List::stream);
    }

    @Test
    void designTablesOfThisTestCoverEveryPublishedType() {
        assertThat(REQUIRED_BY_DESIGN.keySet())
                .containsExactlyInAnyOrderElementsOf(allTypes().toList());
        assertThat(VALID.keySet())
                .containsExactlyInAnyOrderElementsOf(allTypes().toList());
        assertThat(EventCatalog.all().keySet())
                .containsExactlyInAnyOrderElementsOf(allTypes().toList());
    }

    @ParameterizedTest
    @MethodSource("allTypes")
    void everyTypeHasASelfContainedDraft202012Schema(String type) {
        JsonNode schema = schemaNode(type);

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo("https://leverwatch.io/schemas/" + type + ".schema.json");
        assertThat(schema.path("title").asText()).isNotBlank();
        assertThat(schema.path("description").asText()).contains(type);
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean()
                        && !schema.path("additionalProperties").asBoolean())
                .as("additionalProperties is false")
                .isTrue();
        assertThat(schema.toString()).doesNotContain("\"$ref\":\"http").doesNotContain(".schema.json#");
        assertThat(schema(type)).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("allTypes")
    void requiredFieldsAreExactlyThoseOfTheDesign(String type) {
        JsonNode schema = schemaNode(type);

        assertThat(names(schema.path("required"))).isEqualTo(REQUIRED_BY_DESIGN.get(type));
        Set<String> declared = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(declared::add);
        Set<String> expected = new TreeSet<>(REQUIRED_BY_DESIGN.get(type));
        expected.addAll(OPTIONAL_BY_DESIGN.getOrDefault(type, Set.of()));
        assertThat(declared).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("allTypes")
    void acceptsAValidExample(String type) {
        assertThat(errors(type, valid(type))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("allTypes")
    void rejectsDataWithoutAnyOfItsRequiredFields(String type) {
        for (String field : REQUIRED_BY_DESIGN.get(type)) {
            assertRejectedNaming(type, without(field), field);
        }
    }

    @ParameterizedTest
    @MethodSource("allTypes")
    void rejectsAnUnknownField(String type) {
        assertRejectedNaming(type, data -> data.put("note", "sent by mistake"), "note");
    }

    static Stream<Arguments> invalidData() {
        return Stream.of(
                rejected(EventTypes.INVOICE_ISSUED, "amount as a JSON number", "amount", d -> d.put("amount", 1800.00)),
                rejected(EventTypes.INVOICE_ISSUED, "zero amount", "amount", d -> d.put("amount", "0")),
                rejected(EventTypes.INVOICE_ISSUED, "zero with decimals", "amount", d -> d.put("amount", "0.00")),
                rejected(EventTypes.INVOICE_ISSUED, "five decimals", "amount", d -> d.put("amount", "10.00001")),
                rejected(EventTypes.INVOICE_ISSUED, "comma as separator", "amount", d -> d.put("amount", "10,50")),
                rejected(EventTypes.INVOICE_ISSUED, "exponent", "amount", d -> d.put("amount", "1E3")),
                rejected(EventTypes.PAYMENT_RECEIVED, "negative amount", "amount", d -> d.put("amount", "-600.00")),
                rejected(EventTypes.PAYMENT_RECEIVED, "zero amount", "amount", d -> d.put("amount", "0.0")),
                rejected(EventTypes.CREDIT_NOTE_ISSUED, "negative amount", "amount", d -> d.put("amount", "-1")),
                rejected(EventTypes.CREDIT_NOTE_ISSUED, "zero amount", "amount", d -> d.put("amount", "000.0000")),
                rejected(EventTypes.INVOICE_ISSUED, "unknown currency", "currency", d -> d.put("currency", "XYZ")),
                rejected(EventTypes.PAYMENT_RECEIVED, "lower-case currency", "currency", d -> d.put("currency", "eur")),
                rejected(EventTypes.CREDIT_NOTE_ISSUED, "withdrawn kuna", "currency", d -> d.put("currency", "HRK")),
                rejected(EventTypes.INVOICE_ISSUED, "gold is no currency", "currency", d -> d.put("currency", "XAU")),
                rejected(EventTypes.INVOICE_ISSUED, "date in French order", "dueOn", d -> d.put("dueOn", "02/03/2016")),
                rejected(
                        EventTypes.INVOICE_ISSUED,
                        "day that does not exist",
                        "issuedOn",
                        d -> d.put("issuedOn", "2016-02-30")),
                rejected(
                        EventTypes.CONTRACT_REGISTERED,
                        "date-time for a date",
                        "startDate",
                        d -> d.put("startDate", "2015-09-01T00:00:00Z")),
                rejected(
                        EventTypes.CONTRACT_TERMINATED,
                        "date-time without offset",
                        "effectiveAt",
                        d -> d.put("effectiveAt", "2016-03-31T00:00:00")),
                rejected(
                        EventTypes.CRITICAL_PERIOD_DECLARED,
                        "date for a date-time",
                        "from",
                        d -> d.put("from", "2016-04-01")),
                rejected(
                        EventTypes.ACCOUNT_REGISTERED,
                        "unknown platform",
                        "platform",
                        d -> d.put("platform", "MYSPACE")),
                rejected(
                        EventTypes.ACCOUNT_REGISTERED,
                        "lower-case enum",
                        "heldInNameOf",
                        d -> d.put("heldInNameOf", "client")),
                rejected(
                        EventTypes.CONTRACT_TERMINATED,
                        "unknown party",
                        "terminatedBy",
                        d -> d.put("terminatedBy", "COURT")),
                rejected(
                        EventTypes.CREDENTIALS_CHANGED,
                        "unknown actor",
                        "changedBy",
                        d -> d.put("changedBy", "HACKER")),
                rejected(EventTypes.CREDENTIALS_CHANGED, "unknown reason", "reason", d -> d.put("reason", "UNPAID")),
                rejected(
                        EventTypes.CREDENTIALS_CHANGED,
                        "boolean as a string",
                        "ownerRetainsAccess",
                        d -> d.put("ownerRetainsAccess", "false")),
                rejected(EventTypes.ACCESS_REVOKED, "unknown role", "role", d -> d.put("role", "VIEWER")),
                rejected(
                        EventTypes.ACCESS_REVOKED,
                        "client cannot revoke",
                        "revokedBy",
                        d -> d.put("revokedBy", "CLIENT")),
                rejected(
                        EventTypes.ACCESS_REQUEST_REFUSED,
                        "unknown refusal reason",
                        "reason",
                        d -> d.put("reason", "BECAUSE")),
                rejected(
                        EventTypes.ACCESS_REQUEST_REFUSED,
                        "statement too long",
                        "statement",
                        d -> d.put("statement", "x".repeat(2001))),
                rejected(EventTypes.ACCESS_RESTORED, "unknown means", "means", d -> d.put("means", "COURT_ORDER")),
                rejected(EventTypes.ACCESS_REQUESTED, "id as a number", "accountId", d -> d.put("accountId", 42)),
                rejected(
                        EventTypes.ACCESS_REQUESTED,
                        "contract id with a space",
                        "contractId",
                        d -> d.put("contractId", "CTR 001")),
                rejected(EventTypes.INVOICE_OVERDUE, "empty id", "invoiceId", d -> d.put("invoiceId", "")),
                rejected(
                        EventTypes.INVOICE_OVERDUE,
                        "id starting with a dash",
                        "invoiceId",
                        d -> d.put("invoiceId", "-INV-1")),
                rejected(
                        EventTypes.INVOICE_OVERDUE,
                        "id too long",
                        "invoiceId",
                        d -> d.put("invoiceId", "I".repeat(129))),
                rejected(
                        EventTypes.INVOICE_OVERDUE,
                        "a contract id it does not carry",
                        "contractId",
                        d -> d.put("contractId", "CTR-2016-001")),
                rejected(EventTypes.CONTRACT_REGISTERED, "empty name", "clientName", d -> d.put("clientName", "")),
                rejected(EventTypes.CONTRACT_REGISTERED, "null name", "agencyName", d -> d.putNull("agencyName")),
                rejected(
                        EventTypes.CONTRACT_REGISTERED,
                        "scope too long",
                        "scope",
                        d -> d.put("scope", "s".repeat(501))),
                rejected(EventTypes.INVOICE_DISPUTED, "empty reason", "reason", d -> d.put("reason", "")),
                rejected(
                        EventTypes.INVOICE_CANCELLED,
                        "reason too long",
                        "reason",
                        d -> d.put("reason", "r".repeat(2001))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidData")
    void rejectsInvalidDataNamingTheField(String type, String invalidBecause, String field, Consumer<ObjectNode> edit) {
        assertRejectedNaming(type, edit, field);
    }

    static Stream<Arguments> validVariants() {
        return Stream.of(
                accepted(EventTypes.INVOICE_ISSUED, "integer amount", d -> d.put("amount", "1800")),
                accepted(EventTypes.INVOICE_ISSUED, "four decimals", d -> d.put("amount", "0.0001")),
                accepted(EventTypes.INVOICE_ISSUED, "largest amount", d -> d.put("amount", "9999999999999.99")),
                accepted(EventTypes.INVOICE_ISSUED, "another currency", d -> d.put("currency", "JPY")),
                accepted(EventTypes.PAYMENT_RECEIVED, "the Caribbean guilder (2025)", d -> d.put("currency", "XCG")),
                accepted(EventTypes.CREDENTIALS_CHANGED, "contract repeated", d -> d.put("contractId", "CTR-2016-001")),
                accepted(EventTypes.ACCESS_REQUEST_REFUSED, "empty statement", d -> d.put("statement", "")),
                accepted(EventTypes.ACCESS_REQUEST_REFUSED, "no statement", d -> d.remove("statement")),
                accepted(EventTypes.ACCESS_RESTORED, "contract repeated", d -> d.put("contractId", "CTR-2016-001")),
                accepted(EventTypes.INVOICE_OVERDUE, "dots and colons", d -> d.put("invoiceId", "inv:2016.17_a")),
                accepted(
                        EventTypes.CONTRACT_TERMINATED,
                        "fractional seconds",
                        d -> d.put("effectiveAt", "2016-03-31T00:00:00.250+02:00")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("validVariants")
    void acceptsValidVariants(String type, String variant, Consumer<ObjectNode> edit) {
        ObjectNode data = valid(type);
        edit.accept(data);

        assertThat(errors(type, data)).isEmpty();
    }

    private static Arguments rejected(String type, String because, String field, Consumer<ObjectNode> edit) {
        return Arguments.of(type, because, field, edit);
    }

    private static Arguments accepted(String type, String variant, Consumer<ObjectNode> edit) {
        return Arguments.of(type, variant, edit);
    }

    private static Consumer<ObjectNode> without(String field) {
        return data -> data.remove(field);
    }

    private static void assertRejectedNaming(String type, Consumer<ObjectNode> edit, String field) {
        ObjectNode data = valid(type);
        edit.accept(data);

        Set<ValidationMessage> errors = errors(type, data);

        assertThat(errors).as("errors for %s in %s", field, data).isNotEmpty();
        assertThat(errors)
                .as("some error names %s", field)
                .anySatisfy(error -> assertThat(error.getMessage()).contains(field));
    }

    private static Set<ValidationMessage> errors(String type, JsonNode data) {
        return schema(type).validate(data);
    }

    private static ObjectNode valid(String type) {
        try {
            return (ObjectNode) JSON.readTree(VALID.get(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, InboundSchemasTest::loadSchema);
    }

    private static JsonSchema loadSchema(String type) {
        try (InputStream in = resource(type)) {
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode schemaNode(String type) {
        try (InputStream in = resource(type)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String type) {
        InputStream in = InboundSchemasTest.class.getResourceAsStream(EventTypes.schemaResource(type));
        assertThat(in).as("schema resource of %s", type).isNotNull();
        return in;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(item -> names.add(item.asText()));
        return names;
    }
}
