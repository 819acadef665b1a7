package io.leverwatch.compliance.operator.deadletter;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's dead-letter page: every group's sequences with their cause and letters, a Retry and a Drop button
 * each (forms posted with the CSRF token; the page works without script). The outcome is shown after the redirect.
 */
@Controller
class DeadLetterPages {

    private final DeadLetters deadLetters;

    DeadLetterPages(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/operator/dead-letters")
    String list(Model model) {
        model.addAttribute("groups", deadLetters.list());
        return "operator/dead-letters";
    }

    @PostMapping("/operator/dead-letters/retry")
    String retry(
            @RequestParam String group,
            @RequestParam String sequenceId,
            Principal operator,
            RedirectAttributes redirect) {
        try {
            RetryOutcome outcome = deadLetters.retry(group, sequenceId, operator.getName());
            redirect.addFlashAttribute(
                    "message",
                    outcome.result() == RetryOutcome.Result.RETRIED
                            ? "operator.deadletters.retried"
                            : "operator.deadletters.failed");
        } catch (UnknownDeadLetterGroupException | UnknownDeadLetterSequenceException e) {
            redirect.addFlashAttribute("message", "operator.deadletters.unknown");
        }
        redirect.addFlashAttribute("sequenceId", sequenceId);
        return "redirect:/operator/dead-letters";
    }

    @PostMapping("/operator/dead-letters/drop")
    String drop(
            @RequestParam String group,
            @RequestParam String sequenceId,
            Principal operator,
            RedirectAttributes redirect) {
        try {
            deadLetters.drop(group, sequenceId, operator.getName());
            redirect.addFlashAttribute("message", "operator.deadletters.dropped");
        } catch (UnknownDeadLetterGroupException | UnknownDeadLetterSequenceException e) {
            redirect.addFlashAttribute("message", "operator.deadletters.unknown");
        }
        redirect.addFlashAttribute("sequenceId", sequenceId);
        return "redirect:/operator/dead-letters";
    }
}
