package io.leverwatch.compliance.operator.deadletter;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The processors' dead letters over HTTP, for operators (under {@code /api/admin}). */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Per processing group: its sequences, oldest first, with their letters in the order they will be retried. */
    @GetMapping("/api/admin/dead-letters")
    Map<String, List<ProcessingGroupDeadLetters>> list() {
        return Map.of("groups", deadLetters.list());
    }

    @GetMapping("/api/admin/dead-letters/{group}/{sequenceId}")
    DeadLetterSequence sequence(@PathVariable String group, @PathVariable String sequenceId) {
        return deadLetters.sequence(group, sequenceId);
    }

    /** Feeds the sequence back to the group's handlers: RETRIED (gone) or FAILED (what is left, with the cause). */
    @PostMapping("/api/admin/dead-letters/{group}/{sequenceId}/retry")
    RetryOutcome retry(@PathVariable String group, @PathVariable String sequenceId, Principal operator) {
        return deadLetters.retry(group, sequenceId, operator.getName());
    }

    /** Removes the sequence unhandled, and answers what was dropped. */
    @DeleteMapping("/api/admin/dead-letters/{group}/{sequenceId}")
    DeadLetterSequence drop(@PathVariable String group, @PathVariable String sequenceId, Principal operator) {
        return deadLetters.drop(group, sequenceId, operator.getName());
    }
}
