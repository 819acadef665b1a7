package io.leverwatch.compliance.operator.web;

import io.leverwatch.compliance.operator.history.UnknownContractException;
import io.leverwatch.compliance.operator.replay.ReplayAlreadyRunningException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The operator API's refusals as RFC 9457 problems. */
@RestControllerAdvice(assignableTypes = {ContractCaseController.class, AdminController.class})
class OperatorProblems {

    private static final String TYPES = "https://leverwatch.io/problems/";

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameterException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return respond(problem);
    }

    @ExceptionHandler(UnknownContractException.class)
    ResponseEntity<ProblemDetail> unknownContract(UnknownContractException e) {
        ProblemDetail problem =
                problem(HttpStatus.NOT_FOUND, "unknown-contract", "No such contract in the inbox", e.getMessage());
        problem.setProperty("contractId", e.contractId());
        return respond(problem);
    }

    @ExceptionHandler(ReplayAlreadyRunningException.class)
    ResponseEntity<ProblemDetail> replayRunning(ReplayAlreadyRunningException e) {
        ProblemDetail problem = problem(
                HttpStatus.CONFLICT,
                "replay-running",
                "A replay is running",
                "a replay is already running: wait for it to finish (GET /api/admin/replay)");
        problem.setProperty("replay", e.running());
        return respond(problem);
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
