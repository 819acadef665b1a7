package io.leverwatch.compliance.operator.deadletter;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The dead-letter API's refusals as RFC 9457 problems. */
@RestControllerAdvice(assignableTypes = DeadLetterController.class)
class DeadLetterProblems {

    private static final String TYPES = "https://leverwatch.io/problems/";

    @ExceptionHandler(UnknownDeadLetterGroupException.class)
    ResponseEntity<ProblemDetail> unknownGroup(UnknownDeadLetterGroupException e) {
        ProblemDetail problem = problem("unknown-processing-group", "No such dead-letter queue", e.getMessage());
        problem.setProperty("group", e.group());
        return respond(problem);
    }

    @ExceptionHandler(UnknownDeadLetterSequenceException.class)
    ResponseEntity<ProblemDetail> unknownSequence(UnknownDeadLetterSequenceException e) {
        ProblemDetail problem = problem("unknown-dead-letter-sequence", "No such dead-letter sequence", e.getMessage());
        problem.setProperty("group", e.group());
        problem.setProperty("sequenceId", e.sequenceId());
        return respond(problem);
    }

    private static ProblemDetail problem(String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
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
