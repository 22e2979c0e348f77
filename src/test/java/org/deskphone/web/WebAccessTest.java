package org.deskphone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deskphone.config.Access;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the API, called as nobody, user, var and administrator: allowed exactly where its level
 * (and its page's permission item) says, refused with 401 without a session and 403 below its level, and
 * every request that changes something refused without the session's CSRF token or with a wrong one. The
 * routes' levels are the README's table; this test checks the README names every route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAccessTest {
    @TempDir
    static Path root;
    private WebPhone phone;

    /** A request that exercises a route without doing harm where it is allowed. */
    private record Call(String path, Object body) {
    }

    private static final Map<String, Call> CALLS = new LinkedHashMap<>();

    static {
        CALLS.put("GET /api/session", new Call("/api/session", null));
        CALLS.put("GET /api/pages", new Call("/api/pages", null));
        CALLS.put("POST /api/password", new Call("/api/password", Map.of("current", "PASSWORD", "password", "ab")));
        CALLS.put("GET /api/status", new Call("/api/status", null));
        CALLS.put("GET /api/settings", new Call("/api/settings?page=features&section=dnd", null));
        CALLS.put("POST /api/settings", new Call("/api/settings", Map.of("values", Map.of("features.dnd.enable", "1"))));
        CALLS.put("POST /api/settings/reset", new Call("/api/settings/reset", Map.of("names", List.of("features.dnd.enable"))));
        CALLS.put("GET /api/provision", new Call("/api/provision", null));
        CALLS.put("POST /api/provision/run", new Call("/api/provision/run", Map.of()));
        CALLS.put("GET /api/provision/events", new Call("/api/provision/events", null));
        CALLS.put("POST /api/dialplan/test", new Call("/api/dialplan/test", Map.of("inputs", List.of("911"))));
        CALLS.put("GET /api/phone", new Call("/api/phone", null));
        CALLS.put("GET /api/phone/events", new Call("/api/phone/events", null));
        CALLS.put("POST /api/phone/key", new Call("/api/phone/key", Map.of("key", "5")));
        CALLS.put("POST /api/phone/hook", new Call("/api/phone/hook", Map.of("offHook", false)));
        CALLS.put("GET /api/keys", new Call("/api/keys", null));
        CALLS.put("GET /api/directory", new Call("/api/directory", null));
        CALLS.put("POST /api/directory/import", new Call("/api/directory/import", ApiClient.upload("x.xml", "not contacts".getBytes())));
        CALLS.put("GET /api/directory/export", new Call("/api/directory/export?format=csv", null));
        CALLS.put("GET /api/history", new Call("/api/history", null));
        CALLS.put("POST /api/history/clear", new Call("/api/history/clear", Map.of()));
        CALLS.put("GET /api/users", new Call("/api/users", null));
        CALLS.put("POST /api/users/password", new Call("/api/users/password", Map.of("level", "user", "password", "ab")));
        CALLS.put("GET /api/security/certificate", new Call("/api/security/certificate", null));
        CALLS.put("POST /api/security/certificate", new Call("/api/security/certificate", ApiClient.upload("x.p12", new byte[] {1, 2, 3})));
        CALLS.put("GET /api/security/trusted", new Call("/api/security/trusted", null));
        CALLS.put("POST /api/security/trusted", new Call("/api/security/trusted", ApiClient.upload("x.pem", "not a certificate".getBytes())));
        CALLS.put("DELETE /api/security/trusted", new Call("/api/security/trusted?file=none.pem", null));
        CALLS.put("GET /api/security/permissions", new Call("/api/security/permissions", null));
        CALLS.put("POST /api/security/permissions", new Call("/api/security/permissions", ApiClient.upload("p.xml", "<settings/>".getBytes())));
        CALLS.put("DELETE /api/security/permissions", new Call("/api/security/permissions", null));
        CALLS.put("GET /api/config/export", new Call("/api/config/export?format=xml", null));
        CALLS.put("POST /api/config/import", new Call("/api/config/import", ApiClient.upload("bad.cfg", "no header\n".getBytes())));
        CALLS.put("POST /api/reboot", new Call("/api/reboot", Map.of()));
        CALLS.put("POST /api/factory-reset", new Call("/api/factory-reset", Map.of("confirm", "not sure")));
        CALLS.put("POST /api/upgrade", new Call("/api/upgrade", Map.of()));
        CALLS.put("GET /api/logs", new Call("/api/logs?since=0", null));
        CALLS.put("GET /api/logs/download", new Call("/api/logs/download", null));
        CALLS.put("POST /api/logout", new Call("/api/logout", Map.of()));
    }

    private static final Map<Access, String[]> LOGINS = Map.of(
            Access.USER, new String[] {"user", "user"}, Access.VAR, new String[] {"var", "var"}, Access.ADMIN, new String[] {"admin", "123456"});

    @BeforeAll
    void start() throws Exception {
        phone = WebPhone.start(root, Map.of(Permissions.VAR_ENABLE, "1"));
    }

    @AfterAll
    void stop() {
        phone.close();
    }

    @Test
    void everyRouteHasACallHereAndALineInTheReadme() throws Exception {
        List<String> routes = phone.web.routes().stream().map(r -> r.method() + " " + r.path()).toList();
        assertThat(CALLS.keySet()).containsAll(routes.stream().filter(r -> !r.equals("POST /api/login")).toList());
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        for (Routes.Route route : phone.web.routes()) {
            assertThat(readme).as("README documents %s %s", route.method(), route.path())
                    .contains("| `" + route.method() + " " + route.path() + "` |");
        }
    }

    @Test
    void withoutASessionEveryRouteButLoginAnswers401() throws Exception {
        ApiClient nobody = new ApiClient(phone);
        for (Map.Entry<String, Call> entry : CALLS.entrySet()) {
            ApiClient.Response response = call(nobody, entry.getKey(), entry.getValue());
            assertThat(response.status()).as(entry.getKey()).isEqualTo(401);
            assertThat(response.json().get("login").getAsBoolean()).isTrue();
        }
    }

    @Test
    void eachLevelReachesExactlyTheRoutesAtOrBelowIt() throws Exception {
        for (Access level : Access.values()) {
            String[] login = LOGINS.get(level);
            ApiClient client = ApiClient.as(phone, login[0], login[1]);
            List<String> wrong = new ArrayList<>();
            List<Routes.Route> routes = new ArrayList<>(phone.web.routes());
            // Logging out last: the session is needed until then.
            routes.sort(java.util.Comparator.comparing(r -> r.path().equals("/api/logout")));
            for (Routes.Route route : routes) {
                String key = route.method() + " " + route.path();
                if (route.level() == null) {
                    continue;
                }
                Call call = CALLS.get(key);
                if (call.body() instanceof Map<?, ?> body && body.containsValue("PASSWORD")) {
                    call = new Call(call.path(), Map.of("current", login[1], "password", "ab"));
                }
                ApiClient.Response response = call(client, key, call);
                boolean allowed = level.ordinal() >= route.level().ordinal();
                boolean refused = response.status() == 401 || response.status() == 403;
                if (allowed == refused || !allowed && response.status() != 403) {
                    wrong.add(level + " " + key + " -> " + response.status() + " " + response.body());
                }
            }
            assertThat(wrong).as("routes answered against the table for %s", level).isEmpty();
        }
        // The administrator's reboot reached whoever runs the phone; the factory reset wanted its confirmation.
        Thread.sleep(600);
        assertThat(phone.actions).containsExactly("reboot");
    }

    @Test
    void everyRequestThatChangesSomethingNeedsTheSessionsCsrfToken() throws Exception {
        ApiClient admin = ApiClient.as(phone, "admin", "123456");
        String token = admin.csrf();
        String dnd = phone.setting("features.dnd.enable");
        int keys = phone.keys.size();
        for (Routes.Route route : phone.web.routes()) {
            if (!route.changes() || route.level() == null) {
                continue;
            }
            String key = route.method() + " " + route.path();
            for (String bad : new String[] {null, "", token.substring(1) + "x", WebSessions.token()}) {
                admin.withToken(bad);
                ApiClient.Response response = call(admin, key, CALLS.get(key));
                assertThat(response.status()).as("%s with token %s", key, bad).isEqualTo(403);
                assertThat(response.error()).contains("X-CSRF-Token");
            }
        }
        admin.withToken(token);
        assertThat(admin.get("/api/session").status()).as("the session survived the refusals").isEqualTo(200);
        assertThat(phone.setting("features.dnd.enable")).as("no refused change applied").isEqualTo(dnd);
        assertThat(phone.keys).as("no refused key press reached the phone").hasSize(keys);
    }

    @Test
    void theCsrfTokenOfAnotherSessionIsNotThisOnes() throws Exception {
        ApiClient user = ApiClient.as(phone, "user", "user");
        ApiClient other = ApiClient.as(phone, "user", "user");
        user.withToken(other.csrf());
        assertThat(user.post("/api/settings", Map.of("values", Map.of("features.dnd.enable", "1"))).status()).isEqualTo(403);
    }

    private ApiClient.Response call(ApiClient client, String key, Call call) throws Exception {
        String method = key.substring(0, key.indexOf(' '));
        if (key.endsWith("/events")) {
            return stream(client, call.path());
        }
        return switch (method) {
            case "GET" -> client.get(call.path());
            case "DELETE" -> client.delete(call.path());
            default -> key.equals("POST /api/upgrade") ? client.postBytes(call.path(), new byte[] {1, 2, 3}) : client.post(call.path(), call.body());
        };
    }

    /** A server-sent event stream: only its status matters here, then it is closed. */
    private ApiClient.Response stream(ApiClient client, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(phone.trust()).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(phone.base().resolve(path)).timeout(Duration.ofSeconds(10));
        client.cookieHeader().ifPresent(cookie -> request.header("Cookie", cookie));
        HttpResponse<java.io.InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String body;
        try (java.io.InputStream in = response.body()) {
            body = response.statusCode() == 200 ? "{\"stream\":true}" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() == 200) {
            assertThat(type.toLowerCase(Locale.ROOT)).startsWith("text/event-stream");
        }
        return new ApiClient.Response(response.statusCode(), body, response.headers());
    }
}
