package io.leverwatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The AsyncAPI document stays in step with the topics, the type names, the schemas and the event records. */
class AsyncApiDocumentTest {

    private static final JsonNode DOC = load();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private static final Map<String, List<String>> INBOUND_TOPICS = Map.of(
            Topics.INBOUND_CONTRACT, EventTypes.CONTRACT,
            Topics.INBOUND_BILLING, EventTypes.BILLING,
            Topics.INBOUND_ACCESS, EventTypes.ACCESS);
    private static final Map<String, List<String>> OUTBOUND_TOPICS = Map.of(
            Topics.CONTRACT_EVENTS, EventTypes.CONTRACT,
            Topics.BILLING_EVENTS, EventTypes.BILLING,
            Topics.ACCESS_EVENTS, EventTypes.ACCESS);

    static Stream<String> allTypes() {
        return Stream.of(EventTypes.CONTRACT, EventTypes.BILLING, EventTypes.ACCESS)
                .flatMap(List::stream);
    }

    @Test
    void isAnAsyncApi3DocumentWithAChannelPerTopic() {
        assertThat(DOC.path("asyncapi").asText()).isEqualTo("3.0.0");
        List<String> addresses = new ArrayList<>();
        DOC.path("channels")
                .forEach(channel -> addresses.add(channel.path("address").asText()));

        assertThat(addresses)
                .containsExactlyInAnyOrder(
                        Topics.INBOUND_CONTRACT,
                        Topics.INBOUND_BILLING,
                        Topics.INBOUND_ACCESS,
                        Topics.INBOUND_DLQ,
                        Topics.CONTRACT_EVENTS,
                        Topics.BILLING_EVENTS,
                        Topics.ACCESS_EVENTS);
    }

    @Test
    void everyInboundAndOutboundTopicCarriesExactlyItsTypes() {
        INBOUND_TOPICS.forEach((topic, types) ->
                assertThat(messageNames(channel(topic))).as(topic).containsExactlyInAnyOrderElementsOf(types));
        OUTBOUND_TOPICS.forEach((topic, types) ->
                assertThat(messageNames(channel(topic))).as(topic).containsExactlyInAnyOrderElementsOf(types));
    }

    @Test
    void inboundRecordsMustCarryTheAgencyKey() {
        JsonNode headers = resolve(DOC.at("/components/messageTraits/InboundCloudEvent/headers"));

        assertThat(names(headers.path("required"))).contains("Authorization");
        assertThat(headers.at("/properties/Authorization/pattern").asText()).startsWith("^Bearer ");
        assertThat(headers.path("properties").has("ce_id")).isTrue();
    }

    @Test
    void deadLettersDocumentEveryDlqHeader() {
        JsonNode message = messages(channel(Topics.INBOUND_DLQ)).get(0);

        assertThat(fieldNames(message.at("/headers/properties")))
                .contains(
                        Topics.DLQ_REASON_HEADER,
                        Topics.DLQ_ERRORS_HEADER,
                        Topics.DLQ_ORIGIN_TOPIC_HEADER,
                        Topics.DLQ_ORIGIN_PARTITION_HEADER,
                        Topics.DLQ_ORIGIN_OFFSET_HEADER);
    }

    @Test
    void outboundEventsAreKeyedByContractAndCarryTheExtensionAttributes() {
        JsonNode trait = DOC.at("/components/messageTraits/OutboundCloudEvent");
        JsonNode envelope = DOC.at("/components/schemas/OutboundCloudEvent");

        assertThat(trait.at("/bindings/kafka/key/description").asText()).contains("contract id");
        assertThat(fieldNames(envelope.path("properties")))
                .contains(Topics.EXT_CONTRACT_ID, Topics.EXT_AGENCY_ID, Topics.EXT_ORIGIN_ID, Topics.EXT_ORIGIN_SOURCE);
    }

    @ParameterizedTest
    @MethodSource("allTypes")
    void inboundMessageTakesItsDataFromTheTypesSchemaFile(String type) {
        JsonNode message = inboundMessage(type);
        String schemaFile = "./schemas/" + type + ".schema.json";

        assertThat(message.toString()).contains("\"$ref\":\"" + schemaFile + "\"");
        assertThat(AsyncApiDocumentTest.class.getResource("/leverwatch/" + schemaFile.substring(2)))
                .isNotNull();
    }

    @ParameterizedTest
    @MethodSource("allTypes")
    void inboundExamplesAreValidEvents(String type) throws IOException {
        JsonNode message = inboundMessage(type);
        assertThat(message.path("examples")).isNotEmpty();

        for (JsonNode example : message.path("examples")) {
            JsonNode payload = example.path("payload");
            assertThat(example.at("/headers/Authorization").asText()).startsWith("Bearer ");
            assertThat(payload.path("type").asText()).isEqualTo(type);
            assertThat(payload.path("specversion").asText()).isEqualTo("1.0");
            try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(EventTypes.schemaResource(type))) {
                assertThat(FACTORY.getSchema(in, CONFIG).validate(payload.path("data")))
                        .isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("allTypes")
    void outboundDataSchemaNamesEveryComponentOfTheRecord(String type) {
        Class<?> record = EventCatalog.recordFor(type).orElseThrow();
        JsonNode data = resolve(outboundMessage(type).at("/payload/allOf/1/properties/data"));
        List<String> components = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();

        assertThat(fieldNames(data.path("properties"))).containsExactlyInAnyOrderElementsOf(components);
        assertThat(names(data.path("required"))).containsExactlyInAnyOrderElementsOf(components);
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getType() == Money.class) {
                assertThat(data.at("/properties/" + component.getName() + "/$ref")
                                .asText())
                        .isEqualTo("#/components/schemas/Money");
            }
        }
        assertThat(data.path("description").asText()).contains(record.getName());
    }

    @Test
    void everyLocalReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(DOC, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(DOC.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            } else {
                assertThat(ref).startsWith("./schemas/");
                assertThat(AsyncApiDocumentTest.class.getResource("/leverwatch/" + ref.substring(2)))
                        .as(ref)
                        .isNotNull();
            }
        }
    }

    private static JsonNode channel(String topic) {
        for (JsonNode channel : DOC.path("channels")) {
            if (channel.path("address").asText().equals(topic)) {
                return channel;
            }
        }
        throw new AssertionError("no channel for " + topic);
    }

    private static JsonNode inboundMessage(String type) {
        return messageOfType(INBOUND_TOPICS, type);
    }

    private static JsonNode outboundMessage(String type) {
        return messageOfType(OUTBOUND_TOPICS, type);
    }

    private static JsonNode messageOfType(Map<String, List<String>> topics, String type) {
        String topic = topics.entrySet().stream()
                .filter(e -> e.getValue().contains(type))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        return messages(channel(topic)).stream()
                .filter(m -> m.path("name").asText().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message " + type + " on " + topic));
    }

    private static List<JsonNode> messages(JsonNode channel) {
        List<JsonNode> messages = new ArrayList<>();
        channel.path("messages").forEach(m -> messages.add(resolve(m)));
        return messages;
    }

    private static List<String> messageNames(JsonNode channel) {
        return messages(channel).stream().map(m -> m.path("name").asText()).toList();
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        return ref.isTextual() && ref.asText().startsWith("#/")
                ? resolve(DOC.at(ref.asText().substring(1)))
                : node;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(item -> names.add(item.asText()));
        return names;
    }

    private static JsonNode load() {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/leverwatch/asyncapi.yaml")) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
