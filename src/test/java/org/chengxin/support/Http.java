package org.chengxin.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client against the running test server, as a department system would call it. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Clock clock;
    private String lastCookie = "";

    public Http(int port) {
        this(port, Clock.systemUTC());
    }

    /** With the platform's clock, for a login with the second factor (its code is the one of the platform's time). */
    public Http(int port, Clock clock) {
        this.base = "http://localhost:" + port;
        this.clock = clock;
    }

    public record Response(int status, String body, HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Client credentials grant; returns the access token. */
    public String token(String clientId, String secret, String scope) {
        Response r = tokenResponse(clientId, secret, scope);
        if (r.status() != 200) {
            throw new IllegalStateException("token request failed: " + r.status() + " " + r.body());
        }
        return r.json().get("access_token").asString();
    }

    public Response tokenResponse(String clientId, String secret, String scope) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope.replace(" ", "%20"));
        return send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Token revocation (RFC 7009) by the client the token was issued to. */
    public Response revoke(String clientId, String secret, String token) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/oauth2/revoke"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&token_type_hint=access_token")));
    }

    public Response postJson(String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    /**
     * Polls {@code GET /api/v1/record-batches/{id}} until the batch has ended (neither RECEIVED nor
     * PROCESSING) and returns its last report; fails after a minute.
     */
    public JsonNode awaitBatch(String token, long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode report = get("/api/v1/record-batches/" + id, token).json();
            String status = report.get("status").asString();
            if (!status.equals("RECEIVED") && !status.equals("PROCESSING")) {
                return report;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("batch " + id + " did not finish in time");
    }

    /** The address of a path on the test server. */
    public URI uri(String path) {
        return URI.create(base + path);
    }

    public Response get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    /**
     * Logs in through the login form as a browser would; returns where the login redirected to. A staff member enrolled
     * with the fixtures' second factor ({@link TestTotp#SECRET}) gives its current code as the second step.
     */
    public String login(String account, String password) {
        String location = passwordStep(account, password);
        if (location.endsWith("/login/second-factor")) {
            location = secondFactor(TestTotp.nextCode(clock));
        }
        return location;
    }

    /** The login form's step alone (account and password); returns where it redirected to. */
    public String passwordStep(String account, String password) {
        Response page = get("/login", null);
        String cookie = page.headers().firstValue("Set-Cookie").orElse("").split(";")[0];
        String csrf = csrfIn(page.body());
        String form = "account=" + encode(account) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
        Response answer = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = answer.headers().firstValue("Location").orElse("(no redirect: " + answer.status() + ")");
        lastCookie = answer.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse(cookie);
        return location;
    }

    /** The session cookie of the last {@link #login} ("JSESSIONID=..."). */
    public String lastCookie() {
        return lastCookie;
    }

    /** Gives a code on the second-factor page of the last login's session; returns where it redirected to. */
    public String secondFactor(String code) {
        Response page = send(HttpRequest.newBuilder(URI.create(base + "/login/second-factor")).header("Cookie", lastCookie).GET());
        Response answer = send(HttpRequest.newBuilder(URI.create(base + "/login/second-factor"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", lastCookie)
                .POST(HttpRequest.BodyPublishers.ofString("code=" + encode(code) + "&_csrf=" + encode(csrfIn(page.body())))));
        lastCookie = answer.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse(lastCookie);
        return answer.headers().firstValue("Location").orElse("(no redirect: " + answer.status() + ")");
    }

    /** A page (or any GET) in the session of the last login, as its browser would ask for it. */
    public Response getInSession(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", lastCookie).GET());
    }

    /** A form posted in the session of the last login, with the CSRF token of {@code formPage}. */
    public Response postInSession(String formPage, String path, String form) {
        String csrf = csrfIn(getInSession(formPage).body());
        Response answer = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", lastCookie)
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(csrf))));
        lastCookie = answer.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse(lastCookie);
        return answer;
    }

    /** Makes the session of an earlier login the current one again (its cookie, as {@link #lastCookie} gave it). */
    public void useCookie(String cookie) {
        lastCookie = cookie;
    }

    private static String csrfIn(String html) {
        return html.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A multipart/form-data POST of one file (part {@code file}) and plain fields, as a browser or department system sends it. */
    public Response postFile(String path, String token, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "----chengxin" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream", content);
        fields.forEach((name, value) -> part(body, boundary, "Content-Disposition: form-data; name=\"" + name + "\"",
                value.getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the request; an answer from {@code /api/v1} is checked against the API description ({@link ApiContract}). */
    public Response send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            HttpResponse<String> r = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            ApiContract.check(base, client, built, r.statusCode(), r.headers(), r.body());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
