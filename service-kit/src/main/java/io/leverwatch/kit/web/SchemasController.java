package io.leverwatch.kit.web;

import io.leverwatch.events.EventTypes;
import io.leverwatch.kit.ingest.DataSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The published language over HTTP: the JSON Schema of every inbound type and the AsyncAPI document. */
@RestController
public class SchemasController {

    private final DataSchemas schemas;

    public SchemasController(DataSchemas schemas) {
        this.schemas = schemas;
    }

    @GetMapping(path = "/schemas", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> index() {
        Map<String, String> types = new LinkedHashMap<>();
        Stream.of(EventTypes.CONTRACT, EventTypes.BILLING, EventTypes.ACCESS)
                .flatMap(List::stream)
                .forEach(type -> types.put(type, "/schemas/" + type));
        return Map.of("types", types, "asyncapi", "/asyncapi.yaml");
    }

    @GetMapping(path = "/schemas/{type}", produces = "application/schema+json")
    public ResponseEntity<String> schema(@PathVariable String type) {
        return schemas.text(type)
                .map(text -> ResponseEntity.ok()
                        .contentType(MediaType.valueOf("application/schema+json"))
                        .body(text))
                .orElseThrow(() -> new DomainRejection(DomainRejection.Kind.NOT_FOUND, "no schema for type " + type));
    }

    @GetMapping(path = "/asyncapi.yaml", produces = "application/yaml")
    public String asyncApi() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/leverwatch/asyncapi.yaml")) {
            if (in == null) {
                throw new DomainRejection(DomainRejection.Kind.NOT_FOUND, "no AsyncAPI document in this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
