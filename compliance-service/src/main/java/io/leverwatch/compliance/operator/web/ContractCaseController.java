package io.leverwatch.compliance.operator.web;

import io.leverwatch.compliance.operator.evidence.EvidenceBundles;
import io.leverwatch.compliance.operator.history.AsOfState;
import io.leverwatch.compliance.operator.history.ContractHistory;
import io.leverwatch.compliance.operator.history.ContractState;
import io.leverwatch.compliance.operator.history.InboxRecord;
import io.leverwatch.compliance.operator.history.UnknownContractException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A contract's case file, for operators and auditors: its timeline, its state at any instant, its evidence bundle.
 * A contract is known by its events in the inbox: 404 when there is none.
 */
@RestController
class ContractCaseController {

    /** Carries the bundle's chain head, to note down when the bundle is handed over. */
    static final String CHAIN_HEAD_HEADER = "X-Leverwatch-Chain-Head";

    private final ContractHistory history;
    private final EvidenceBundles bundles;
    private final Clock clock;

    ContractCaseController(ContractHistory history, EvidenceBundles bundles, Clock clock) {
        this.history = history;
        this.bundles = bundles;
        this.clock = clock;
    }

    /** One event of the timeline. */
    record TimelineEvent(String id, String type, String source, Instant businessTime, Instant receivedAt) {}

    /** {@code {"contractId", "events": [...]}}: every inbox event about the contract, in business time order. */
    record Timeline(String contractId, List<TimelineEvent> events) {}

    @GetMapping("/api/contracts/{contractId}/timeline")
    Timeline timeline(@PathVariable String contractId) {
        List<InboxRecord> events = history.timeline(contractId);
        if (events.isEmpty()) {
            throw new UnknownContractException(contractId);
        }
        return new Timeline(
                contractId,
                events.stream()
                        .map(e ->
                                new TimelineEvent(e.eventId(), e.type(), e.source(), e.businessTime(), e.receivedAt()))
                        .toList());
    }

    /**
     * The contract as it stood at {@code asOf} (business time; now by default), as known at {@code knownAt} (time of
     * receipt; everything received so far by default).
     */
    @GetMapping("/api/contracts/{contractId}/state")
    ContractState state(
            @PathVariable String contractId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt) {
        Instant at = Instants.parse("asOf", asOf);
        Instant known = Instants.parse("knownAt", knownAt);
        List<InboxRecord> events = history.events(contractId);
        if (events.isEmpty()) {
            throw new UnknownContractException(contractId);
        }
        return AsOfState.of(contractId, events, at == null ? clock.instant() : at, known);
    }

    /** The evidence bundle (a zip); its chain head is also in the {@value #CHAIN_HEAD_HEADER} header. */
    @GetMapping("/api/contracts/{contractId}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable String contractId) {
        return zip(bundles.build(contractId).orElseThrow(() -> new UnknownContractException(contractId)));
    }

    /** A bundle as a download. */
    static ResponseEntity<byte[]> zip(EvidenceBundles.Bundle bundle) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(bundle.fileName())
                                .build()
                                .toString())
                .header(CHAIN_HEAD_HEADER, bundle.chainHead())
                .body(bundle.zip());
    }
}
