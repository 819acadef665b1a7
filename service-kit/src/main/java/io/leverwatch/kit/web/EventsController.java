package io.leverwatch.kit.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.http.HttpMessageFactory;
import io.leverwatch.kit.ingest.EventReader;
import io.leverwatch.kit.ingest.EventValidator;
import io.leverwatch.kit.ingest.FieldError;
import io.leverwatch.kit.ingest.InboundEvent;
import io.leverwatch.kit.ingest.IngestionPipeline;
import io.leverwatch.kit.ingest.IngestionResult;
import io.leverwatch.kit.ingest.InvalidEventsException;
import io.leverwatch.kit.security.AgencyAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/events}: one CloudEvent (structured mode), a batch, or one event in binary mode. A
 * delivery is validated whole before anything is accepted, and answered 202 with what was new and what
 * had been received before.
 */
@RestController
public class EventsController {

    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";

    private final EventReader reader;
    private final EventValidator validator;
    private final IngestionPipeline pipeline;

    public EventsController(EventReader reader, EventValidator validator, IngestionPipeline pipeline) {
        this.reader = reader;
        this.validator = validator;
        this.pipeline = pipeline;
    }

    @Operation(summary = "Send one CloudEvent, a batch, or a binary-mode event")
    @PostMapping(path = "/api/events", consumes = "*/*")
    public ResponseEntity<Map<String, Integer>> receive(
            @RequestBody(required = false) byte[] body, HttpServletRequest request, AgencyAuthentication agency) {
        String contentType = baseContentType(request.getContentType());
        List<JsonNode> nodes;
        if (request.getHeader("ce-specversion") != null) {
            nodes = List.of(reader.binary(() -> HttpMessageFactory.createReader(
                    (consumer) -> headers(request).forEach(consumer), body == null ? new byte[0] : body)));
        } else if (BATCH.equals(contentType)) {
            nodes = reader.batch(body);
        } else if (STRUCTURED.equals(contentType) || "application/json".equals(contentType)) {
            nodes = List.of(reader.structured(body));
        } else {
            throw new UnsupportedModeException(contentType);
        }
        List<InboundEvent> events = validateAll(nodes, BATCH.equals(contentType), agency.agencyId());
        IngestionResult result = pipeline.accept(events, "http");
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("accepted", result.accepted(), "duplicates", result.duplicates()));
    }

    private List<InboundEvent> validateAll(List<JsonNode> nodes, boolean batch, String agencyId) {
        List<FieldError> errors = new ArrayList<>();
        List<InboundEvent> events = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            List<FieldError> found = validator.check(nodes.get(i));
            String prefix = batch ? "/" + i : "";
            found.forEach(e -> errors.add(e.prefixed(prefix)));
            if (found.isEmpty()) {
                events.add(validator.validate(nodes.get(i), agencyId));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidEventsException(errors);
        }
        return events;
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(), request.getHeader(name));
        }
        return headers;
    }

    private static String baseContentType(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
    }

    /** Neither a CloudEvents media type nor binary-mode headers. */
    public static class UnsupportedModeException extends RuntimeException {
        public UnsupportedModeException(String contentType) {
            super("Content-Type \"" + contentType + "\" is not a CloudEvents mode: send " + STRUCTURED + ", " + BATCH
                    + ", or a binary-mode event with ce-* headers");
        }
    }
}
