package io.leverwatch.compliance.operator.web;

import io.leverwatch.compliance.operator.evidence.EvidenceBundles;
import io.leverwatch.compliance.operator.history.AsOfState;
import io.leverwatch.compliance.operator.history.ContractHistory;
import io.leverwatch.compliance.operator.history.InboxRecord;
import io.leverwatch.compliance.operator.history.UnknownContractException;
import io.leverwatch.compliance.operator.ledger.IntegrityCheck;
import io.leverwatch.compliance.operator.replay.ReplayAlreadyRunningException;
import io.leverwatch.compliance.operator.replay.Replays;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The operator's pages (OPERATOR and AUDITOR; replay and integrity for OPERATOR only): find a contract, its timeline
 * and its state at any instant with a time slider, its evidence bundle; replay with its progress. Server-rendered;
 * htmx swaps the state and the progress in place, and every page works without script too.
 */
@Controller
class OperatorPages {

    private static final int MATCHES = 20;

    private final ContractHistory history;
    private final EvidenceBundles bundles;
    private final Replays replays;
    private final IntegrityCheck integrity;
    private final Clock clock;

    OperatorPages(
            ContractHistory history, EvidenceBundles bundles, Replays replays, IntegrityCheck integrity, Clock clock) {
        this.history = history;
        this.bundles = bundles;
        this.replays = replays;
        this.integrity = integrity;
        this.clock = clock;
    }

    /** The search, and for operators the replay and the integrity check. An exact contract id opens its page. */
    @GetMapping("/operator")
    String index(@RequestParam(required = false) String contractId, Model model) {
        String query = contractId == null || contractId.isBlank() ? null : contractId.trim();
        List<String> matches = query == null ? List.of() : history.contractIdsStartingWith(query, MATCHES);
        if (query != null && matches.contains(query)) {
            return "redirect:/operator/contracts/" + UriUtils.encodePathSegment(query, "UTF-8");
        }
        model.addAttribute("query", query);
        model.addAttribute("matches", matches);
        model.addAttribute("replay", replays.status());
        return "operator/index";
    }

    @PostMapping("/operator/replay")
    String replay(
            @RequestParam(required = false) String contractId,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            RedirectAttributes redirect,
            Model model) {
        String message = null;
        try {
            replays.start(contractId == null || contractId.isBlank() ? null : contractId.trim());
        } catch (ReplayAlreadyRunningException e) {
            message = "operator.replay.running";
        } catch (UnknownContractException e) {
            message = "operator.replay.unknown";
        }
        if (htmx != null) {
            model.addAttribute("replay", replays.status());
            model.addAttribute("message", message);
            return "operator/progress :: progress";
        }
        redirect.addFlashAttribute("message", message);
        return "redirect:/operator";
    }

    /** The replay's progress, polled by the page while it runs. */
    @GetMapping("/operator/replay/progress")
    String progress(Model model) {
        model.addAttribute("replay", replays.status());
        return "operator/progress :: progress";
    }

    @GetMapping("/operator/integrity")
    String integrity(Model model) {
        model.addAttribute("integrity", integrity.verify());
        return "operator/integrity :: integrity";
    }

    /** The contract's page: its state as of {@code asOf} (the last event's business time by default), its timeline. */
    @GetMapping("/operator/contracts/{contractId}")
    String contract(
            @PathVariable String contractId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            Model model) {
        List<InboxRecord> events = history.events(contractId);
        if (events.isEmpty()) {
            model.addAttribute("contractId", contractId);
            return "operator/not-found";
        }
        model.addAttribute("contractId", contractId);
        model.addAttribute("events", events);
        model.addAttribute(
                "times",
                events.stream()
                        .map(InboxRecord::businessTime)
                        .map(Instant::toString)
                        .toList());
        state(contractId, events, asOf, knownAt, model);
        return "operator/contract";
    }

    /** The state alone, for the slider and the form (htmx). */
    @GetMapping("/operator/contracts/{contractId}/state")
    String stateFragment(
            @PathVariable String contractId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            Model model) {
        List<InboxRecord> events = history.events(contractId);
        if (events.isEmpty()) {
            throw new UnknownContractException(contractId);
        }
        state(contractId, events, asOf, knownAt, model);
        return "operator/state :: state";
    }

    @GetMapping("/operator/contracts/{contractId}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable String contractId) {
        return ContractCaseController.zip(
                bundles.build(contractId).orElseThrow(() -> new UnknownContractException(contractId)));
    }

    private void state(String contractId, List<InboxRecord> events, String asOf, String knownAt, Model model) {
        Instant lastEvent = events.get(events.size() - 1).businessTime();
        model.addAttribute("asOf", asOf == null || asOf.isBlank() ? lastEvent.toString() : asOf.trim());
        model.addAttribute("knownAt", knownAt == null ? "" : knownAt.trim());
        try {
            Instant at = Instants.parse("asOf", asOf);
            Instant known = Instants.parse("knownAt", knownAt);
            model.addAttribute("state", AsOfState.of(contractId, events, at == null ? lastEvent : at, known));
        } catch (BadParameterException e) {
            model.addAttribute("badParameter", e.parameter());
        }
        model.addAttribute("now", clock.instant());
    }

    @ExceptionHandler(UnknownContractException.class)
    ResponseEntity<String> unknown(UnknownContractException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body("");
    }
}
