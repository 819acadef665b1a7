package io.leverwatch.compliance.web;

import io.leverwatch.compliance.alert.AlertClosedException;
import io.leverwatch.compliance.alert.InvalidAlertCommandException;
import java.net.URI;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The Alert aggregate's refusals as RFC 9457 problems, beside the kit's {@code ProblemHandler}. */
@RestControllerAdvice
class AlertProblems {

    private static final String TYPES = "https://leverwatch.io/problems/";

    @ExceptionHandler(AlertClosedException.class)
    ResponseEntity<ProblemDetail> closed(AlertClosedException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "alert-closed", "Alert closed", e.getMessage());
        problem.setProperty("alertId", e.alertId());
        problem.setProperty("alertStatus", e.status().name());
        return respond(problem);
    }

    @ExceptionHandler(InvalidAlertCommandException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAlertCommandException e) {
        ProblemDetail problem =
                problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-alert-action", "Action refused", e.getMessage());
        problem.setProperty("alertId", e.alertId());
        problem.setProperty("field", e.field());
        return respond(problem);
    }

    // Another action (or the saga) changed the alert at the same moment; the officer can simply try again.
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return respond(problem(
                HttpStatus.CONFLICT,
                "alert-changed",
                "Alert changed meanwhile",
                "the alert changed while this action was recorded: reload it and try again"));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
