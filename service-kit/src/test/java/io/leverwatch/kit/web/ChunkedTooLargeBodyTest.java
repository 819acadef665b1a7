package io.leverwatch.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A body sent in chunks, without Content-Length, is found too large only while Spring reads it, and Spring reports
 * that as an unreadable body: it was answered 400 "Failed to read request" instead of 413.
 */
class ChunkedTooLargeBodyTest {

    @Test
    void aBodyFoundTooLargeWhileReadIsAnswered413AsAProblem() {
        var unreadable = new HttpMessageNotReadableException(
                "I/O error while reading input message",
                new BodySizeLimitFilter.TooLargeException(1_048_576),
                new MockHttpInputMessage(new ByteArrayInputStream(new byte[0])));

        var response = new ProblemHandler()
                .handleHttpMessageNotReadable(
                        unreadable,
                        new HttpHeaders(),
                        HttpStatus.BAD_REQUEST,
                        new ServletWebRequest(new MockHttpServletRequest()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getType().toString()).endsWith("/too-large");
        assertThat(problem.getDetail()).isEqualTo("the body is larger than 1048576 bytes: split the batch");
    }

    @Test
    void anyOtherUnreadableBodyIsStillA400() {
        var unreadable = new HttpMessageNotReadableException(
                "I/O error", new java.io.IOException("reset"), new MockHttpInputMessage(new byte[0]));

        var response = new ProblemHandler()
                .handleHttpMessageNotReadable(
                        unreadable,
                        new HttpHeaders(),
                        HttpStatus.BAD_REQUEST,
                        new ServletWebRequest(new MockHttpServletRequest()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
