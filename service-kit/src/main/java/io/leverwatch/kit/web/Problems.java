package io.leverwatch.kit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problems of the agency-facing API, made in one place: by {@link ProblemHandler} for what Spring MVC
 * reaches, and written here for what servlet filters refuse before it (size, key, rate), so that both read alike.
 */
public final class Problems {

    static final String TYPES = "https://leverwatch.io/problems/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    /** A problem whose type is {@code https://leverwatch.io/problems/<type>}. */
    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    /** The storage cannot be reached: retry later, nothing was accepted. */
    public static ProblemDetail unavailable(String detail) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable", detail);
    }

    /** Writes the problem as the whole response (its headers, such as {@code Retry-After}, set before). */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body);
    }
}
