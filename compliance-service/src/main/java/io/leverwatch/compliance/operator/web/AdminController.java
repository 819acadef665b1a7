package io.leverwatch.compliance.operator.web;

import io.leverwatch.compliance.operator.ledger.IntegrityCheck;
import io.leverwatch.compliance.operator.ledger.IntegrityReport;
import io.leverwatch.compliance.operator.replay.ReplayStatus;
import io.leverwatch.compliance.operator.replay.Replays;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operations on the whole of compliance, for operators only: replay and the integrity check of the inbox. */
@RestController
class AdminController {

    private final Replays replays;
    private final IntegrityCheck integrity;

    AdminController(Replays replays, IntegrityCheck integrity) {
        this.replays = replays;
        this.integrity = integrity;
    }

    /** {@code {"contractId": "..."}} to replay one contract; no body (or no contractId) to replay all. */
    record ReplayRequest(String contractId) {}

    /** Starts a replay: 202 with its progress; 409 while another runs; 404 for a contract with no event. */
    @PostMapping("/api/admin/replay")
    ResponseEntity<ReplayStatus> replay(@RequestBody(required = false) ReplayRequest request) {
        String contractId = request == null
                        || request.contractId() == null
                        || request.contractId().isBlank()
                ? null
                : request.contractId().trim();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(replays.start(contractId));
    }

    /** The running or last replay: events done and total, rate, time left, and what it changed. */
    @GetMapping("/api/admin/replay")
    ReplayStatus replayStatus() {
        return replays.status();
    }

    /** Checks the stored inbox against its hash chain; names the first link that no longer holds. */
    @GetMapping("/api/admin/integrity")
    IntegrityReport integrity() {
        return integrity.verify();
    }
}
