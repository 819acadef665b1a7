package io.leverwatch.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in on the dashboard over real HTTP as a browser does (sign-in page, form with its CSRF token), keeping the
 * session cookie by hand: a client would rightly not send a Secure cookie back over plain HTTP.
 */
final class DashboardClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("LEVERWATCH_SESSION=([^;]+)");

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    DashboardClient(int port) {
        this.port = port;
    }

    /** The sign-in page, then the form posted with its token: the session cookie the dashboard then uses. */
    record SignedIn(HttpResponse<String> loginPage, String cookie, String session, String csrf) {}

    SignedIn signIn() throws Exception {
        HttpResponse<String> loginPage = page(null, "/login");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        String anonymous = session(loginPage.headers().allValues("Set-Cookie"));
        String token = csrf(loginPage.body());
        HttpResponse<String> login = postForm(
                anonymous,
                "/login",
                "username=officer&password=" + SignedInApi.PASSWORD + "&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("LEVERWATCH_SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("signing in gives a new session cookie"));
        String session = session(List.of(cookie));
        HttpResponse<String> signedInPage = page(session, "/");
        return new SignedIn(loginPage, cookie, session, csrf(signedInPage.body()));
    }

    HttpResponse<String> page(String session, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
        if (session != null) {
            request.header("Cookie", "LEVERWATCH_SESSION=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String session, String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "LEVERWATCH_SESSION=" + session)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String session(List<String> setCookies) {
        return setCookies.stream()
                .map(SESSION::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + setCookies));
    }

    private static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }
}
