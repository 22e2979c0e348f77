package org.deskphone.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The JDK's HTTP client on one login, as a script would use the API: the session cookie it was given and
 * the CSRF token on every request that changes something.
 */
final class ApiClient {
    /** One answer. */
    record Response(int status, String body, HttpHeaders headers) {
        JsonElement tree() {
            return JsonParser.parseString(body);
        }

        JsonObject json() {
            return tree().getAsJsonObject();
        }

        String error() {
            return json().get("error").getAsString();
        }
    }

    private final HttpClient http;
    private final URI base;
    private String cookie;
    private String csrf;

    ApiClient(WebPhone phone) throws Exception {
        this(phone.base(), phone);
    }

    ApiClient(URI base, WebPhone phone) throws Exception {
        this(base, phone.trust());
    }

    /** A client of the web UI at {@code base} that trusts {@code tls}'s certificates only. */
    ApiClient(URI base, javax.net.ssl.SSLContext tls) {
        this.base = base;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A client already logged in as {@code user}; fails the test when the login is refused. */
    static ApiClient as(WebPhone phone, String user, String password) throws Exception {
        ApiClient client = new ApiClient(phone);
        Response login = client.login(user, password);
        if (login.status() != 200) {
            throw new AssertionError("login as " + user + " refused: " + login.status() + " " + login.body());
        }
        return client;
    }

    Response login(String user, String password) throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("user", user);
        body.addProperty("password", password);
        Response response = send(HttpRequest.newBuilder(base.resolve("/api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (response.status() == 200) {
            cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            csrf = response.json().get("csrf").getAsString();
        }
        return response;
    }

    String csrf() {
        return csrf;
    }

    java.util.Optional<String> cookieHeader() {
        return java.util.Optional.ofNullable(cookie);
    }

    /** Forgets the token (the cookie stays): a page of another site could send the cookie but not the token. */
    ApiClient withToken(String token) {
        csrf = token;
        return this;
    }

    Response get(String path) throws Exception {
        return send(request(path).GET());
    }

    Response post(String path, Object body) throws Exception {
        return post(path, body, csrf);
    }

    Response post(String path, Object body, String token) throws Exception {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : Json.GSON.toJson(body)));
        if (token != null) {
            request.header(Dispatcher.CSRF_HEADER, token);
        }
        return send(request);
    }

    Response postBytes(String path, byte[] body) throws Exception {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (csrf != null) {
            request.header(Dispatcher.CSRF_HEADER, csrf);
        }
        return send(request);
    }

    Response delete(String path) throws Exception {
        HttpRequest.Builder request = request(path).DELETE();
        if (csrf != null) {
            request.header(Dispatcher.CSRF_HEADER, csrf);
        }
        return send(request);
    }

    /** Sets settings through the API and fails when the phone refuses. */
    void set(Map<String, String> values) throws Exception {
        Response response = post("/api/settings", Map.of("values", values));
        if (response.status() != 200) {
            throw new AssertionError("settings refused: " + response.status() + " " + response.body());
        }
    }

    static Map<String, String> upload(String name, byte[] content) {
        return Map.of("name", name, "content", Base64.getEncoder().encodeToString(content));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers());
    }
}
