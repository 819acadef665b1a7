package io.leverwatch.compliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A client of the dashboard that signs in with the login form and keeps its session cookie, as a browser would. */
final class SessionClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final Function<String, URI> uris;

    private SessionClient(Function<String, URI> uris) {
        this.uris = uris;
    }

    static SessionClient signIn(Function<String, URI> uris, String user, String password) throws Exception {
        SessionClient session = new SessionClient(uris);
        HttpResponse<String> login = session.get("/login");
        HttpResponse<String> signedIn = session.post(
                "/login",
                csrf(login.body()),
                "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return session;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(uris.apply(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form as the page's form would, with the CSRF token of the page it was on. */
    HttpResponse<String> post(String path, String csrf, String form) throws Exception {
        String body = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + (form.isEmpty() ? "" : "&" + form);
        return client.send(
                HttpRequest.newBuilder(uris.apply(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a form with a CSRF token").isTrue();
        return matcher.group(1);
    }
}
