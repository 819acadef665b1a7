package io.leverwatch.compliance.admin;

import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The key administration's refusals as RFC 9457 problems. */
@RestControllerAdvice(assignableTypes = ApiKeysController.class)
class KeyAdminProblems {

    private static final String TYPES = "https://leverwatch.io/problems/";

    @ExceptionHandler(KeyAdminRefusal.class)
    ResponseEntity<ProblemDetail> refused(KeyAdminRefusal e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(URI.create(TYPES + e.type()));
        problem.setTitle(e.title());
        return ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
