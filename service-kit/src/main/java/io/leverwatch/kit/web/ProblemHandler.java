package io.leverwatch.kit.web;

import io.leverwatch.kit.ingest.FieldError;
import io.leverwatch.kit.ingest.ForbiddenEventException;
import io.leverwatch.kit.ingest.InvalidEventsException;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as RFC 9457 problem details ({@code application/problem+json}). A validation problem
 * lists every bad field under {@code errors}: its JSON pointer, what is wrong, and the event's id. It comes before
 * Spring Boot's own problem handler, which would otherwise answer the exceptions of Spring MVC it overrides.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidEventsException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidEventsException e) {
        ProblemDetail problem =
                Problems.problem(HttpStatus.BAD_REQUEST, "invalid-event", "Invalid event", describe(e.errors()));
        problem.setProperty(
                "errors", e.errors().stream().map(ProblemHandler::asMap).toList());
        return respond(problem);
    }

    @ExceptionHandler(EventsController.UnsupportedModeException.class)
    ResponseEntity<ProblemDetail> unsupported(EventsController.UnsupportedModeException e) {
        return respond(Problems.problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-mode", "Unsupported media type", e.getMessage()));
    }

    @ExceptionHandler(ForbiddenEventException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenEventException e) {
        ProblemDetail problem = Problems.problem(
                HttpStatus.FORBIDDEN, "foreign-contract", "Not your agency's contract", e.getMessage());
        problem.setProperty("eventId", e.eventId());
        return respond(problem);
    }

    @ExceptionHandler(DomainRejection.class)
    ResponseEntity<ProblemDetail> rejected(DomainRejection e) {
        HttpStatus status =
                switch (e.kind()) {
                    case CONFLICT -> HttpStatus.CONFLICT;
                    case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                };
        return respond(Problems.problem(status, "rejected", "Rejected by a business rule", e.getMessage()));
    }

    /** The refusal of event k of a batch, answered as that refusal, saying what was accepted before it. */
    @ExceptionHandler(io.leverwatch.kit.ingest.PartiallyAcceptedException.class)
    ResponseEntity<ProblemDetail> partially(io.leverwatch.kit.ingest.PartiallyAcceptedException e) {
        RuntimeException refusal = e.refusal();
        ResponseEntity<ProblemDetail> response;
        if (refusal instanceof ForbiddenEventException forbidden) {
            response = forbidden(forbidden);
        } else if (refusal instanceof DomainRejection rejection) {
            response = rejected(rejection);
        } else if (refusal instanceof AggregateNotFoundException notFound) {
            response = notFound(notFound);
        } else {
            throw refusal;
        }
        ProblemDetail problem = response.getBody();
        problem.setProperty("accepted", e.accepted());
        problem.setProperty("duplicates", e.duplicates());
        problem.setDetail(problem.getDetail() + " (the " + (e.accepted() + e.duplicates())
                + " event(s) before it in the batch were accepted; send the rest again once fixed)");
        return response;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return respond(Problems.problem(
                HttpStatus.NOT_FOUND,
                "unknown-aggregate",
                "Not found",
                "nothing is recorded under id " + e.getAggregateIdentifier()));
    }

    @ExceptionHandler({
        CannotCreateTransactionException.class,
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class
    })
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        log.warn("storage unavailable: {}", e.getMessage());
        ProblemDetail problem = Problems.unavailable(
                "the event store cannot be reached; nothing was accepted: send the events again later");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(problem);
    }

    /** A body sent in chunks, without its length, that was found too large while Spring read it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return BodySizeLimitFilter.TooLargeException.in(e)
                .<ResponseEntity<Object>>map(tooLarge -> ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(Problems.problem(
                                HttpStatus.PAYLOAD_TOO_LARGE,
                                BodySizeLimitFilter.TooLargeException.TYPE,
                                BodySizeLimitFilter.TooLargeException.TITLE,
                                tooLarge.detail())))
                .orElseGet(() -> super.handleHttpMessageNotReadable(e, headers, status, request));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String describe(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " problems: "
                        + String.join(
                                "; ",
                                errors.stream()
                                        .limit(5)
                                        .map(e -> e.field() + " " + e.message())
                                        .toList());
    }

    private static Map<String, Object> asMap(FieldError error) {
        return error.eventId() == null
                ? Map.of("field", error.field(), "message", error.message())
                : Map.of("field", error.field(), "message", error.message(), "eventId", error.eventId());
    }
}
