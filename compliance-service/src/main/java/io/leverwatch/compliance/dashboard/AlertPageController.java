package io.leverwatch.compliance.dashboard;

import io.leverwatch.compliance.query.AlertQueries;
import io.leverwatch.compliance.query.AlertView;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /alerts/{id}}: one alert with the facts behind it (parties, locked accounts, overdue invoices, the
 * evidence in business time), the recommendation with its legal bases, the officer's actions and the history.
 */
@Controller
class AlertPageController {

    private final AlertQueries queries;
    private final CaseEvents events;
    private final Formats formats;

    AlertPageController(AlertQueries queries, CaseEvents events, Formats formats) {
        this.queries = queries;
        this.events = events;
        this.formats = formats;
    }

    @GetMapping("/alerts/{alertId}")
    String alert(@PathVariable String alertId, Model model, Locale locale, HttpServletResponse response) {
        Optional<AlertView> alert = queries.findWithHistory(alertId);
        if (alert.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("alertId", alertId);
            return "dashboard/not-found";
        }
        model.addAttribute("detail", AlertDetail.of(alert.get(), events.payloads(evidenceIds(alert.get())), formats));
        model.addAttribute("french", Locale.FRENCH.getLanguage().equals(locale.getLanguage()));
        return "dashboard/alert";
    }

    private static List<String> evidenceIds(AlertView alert) {
        List<String> ids = new ArrayList<>();
        alert.evidence().forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }
}
