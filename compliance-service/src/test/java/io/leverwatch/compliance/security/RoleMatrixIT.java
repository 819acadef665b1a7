package io.leverwatch.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what on the compliance API, as one table: each endpoint with the answer each role gets. An AUDITOR reads
 * and never changes anything; an OFFICER acts on alerts only; an OPERATOR reads, replays and administers keys, never
 * acts on an alert; nobody gets in without signing in. Refused calls are tried on ids that exist nowhere, and allowed
 * ones on such ids too where acting would change something (so a pass is the controller's 404, not a change).
 */
class RoleMatrixIT extends SignedInApi {

    /** What the security chain answers: let through to the controller, refused (403), or asked to sign in (401). */
    enum Access {
        ALLOWED,
        FORBIDDEN,
        UNAUTHENTICATED
    }

    private static final Access A = Access.ALLOWED;
    private static final Access F = Access.FORBIDDEN;

    /** One row: the request, then what officer, operator and auditor get. */
    record Row(String method, String path, String body, Access officer, Access operator, Access auditor) {}

    static final List<Row> MATRIX = List.of(
            // method, path, body:                                          officer operator auditor
            new Row("GET", "/api/alerts", null, A, A, A),
            new Row("GET", "/api/alerts/alert-nowhere", null, A, A, A),
            new Row("POST", "/api/alerts/alert-nowhere/acknowledge", null, A, F, F),
            new Row("POST", "/api/alerts/alert-nowhere/assign", "{\"assignee\":\"officer\"}", A, F, F),
            new Row("POST", "/api/alerts/alert-nowhere/comment", "{\"text\":\"a comment\"}", A, F, F),
            new Row("POST", "/api/alerts/alert-nowhere/dismiss", "{\"justification\":\"none\"}", A, F, F),
            new Row("GET", "/api/contracts/c-nowhere/timeline", null, F, A, A),
            new Row("GET", "/api/contracts/c-nowhere/state", null, F, A, A),
            new Row("GET", "/api/contracts/c-nowhere/evidence", null, F, A, A),
            new Row("POST", "/api/admin/replay", "{\"contractId\":\"c-nowhere\"}", F, A, F),
            new Row("GET", "/api/admin/replay", null, F, A, F),
            new Row("GET", "/api/admin/integrity", null, F, A, F),
            new Row("POST", "/api/admin/agencies/agency-matrix/keys", "{\"label\":\"matrix\"}", F, A, F),
            new Row("GET", "/api/admin/agencies/agency-matrix/keys", null, F, A, F),
            new Row("POST", "/api/admin/keys/key-nowhere/rotate", null, F, A, F),
            new Row("DELETE", "/api/admin/keys/key-nowhere", null, F, A, F));

    static Stream<Arguments> cells() {
        return MATRIX.stream()
                .flatMap(row -> Stream.of(
                        Arguments.of(row.method(), row.path(), row.body(), "officer", row.officer()),
                        Arguments.of(row.method(), row.path(), row.body(), "operator", row.operator()),
                        Arguments.of(row.method(), row.path(), row.body(), "auditor", row.auditor()),
                        Arguments.of(row.method(), row.path(), row.body(), null, Access.UNAUTHENTICATED)));
    }

    @ParameterizedTest(name = "{0} {1} as {3}: {4}")
    @MethodSource("cells")
    void eachRoleGetsWhatTheMatrixSays(String method, String path, String body, String user, Access expected)
            throws Exception {
        HttpResponse<String> response = call(user, method, path, body);

        switch (expected) {
            case ALLOWED ->
                assertThat(response.statusCode())
                        .as("%s %s as %s: %s", method, path, user, response.body())
                        .isNotIn(401, 403)
                        .isLessThan(500);
            case FORBIDDEN -> assertThat(response.statusCode()).isEqualTo(403);
            case UNAUTHENTICATED -> assertThat(response.statusCode()).isEqualTo(401);
        }
        if (expected != Access.ALLOWED) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @ParameterizedTest(name = "an AUDITOR may not {0} {1}")
    @MethodSource("mutations")
    void anAuditorChangesNothing(String method, String path, String body) throws Exception {
        assertThat(call("auditor", method, path, body).statusCode()).isEqualTo(403);
    }

    /** Every row that would change something: all of them must be refused to an AUDITOR, whatever the table says. */
    static Stream<Arguments> mutations() {
        return MATRIX.stream()
                .filter(row -> !Arrays.asList("GET", "HEAD").contains(row.method()))
                .map(row -> Arguments.of(row.method(), row.path(), row.body()));
    }
}
