package org.deskphone.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deskphone.testing.Kamailio;
import org.deskphone.testing.Peers;
import org.deskphone.testing.ProcessLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real process, as issue 9's "done when" has it: {@code tools/deskphone run} names its web UI on the
 * ready line, serves it over HTTPS with the certificate it made on first start (on loopback: the PC board's
 * descriptor), shows the account's registration with Kamailio as the SIP user agent reports it, and serves
 * the virtual phone, whose keys and hook reach the running phone.
 */
@ExtendWith(Peers.class)
class WebProcessIT {
    private static final Path HOME = Path.of(System.getProperty("deskphone.home", ".")).toAbsolutePath();
    private static final Pattern WEB = Pattern.compile(" web=(https://127\\.0\\.0\\.1:[0-9]+/)");

    @TempDir
    Path data;
    private Process phone;

    @AfterEach
    void stop() throws Exception {
        if (phone != null && phone.isAlive()) {
            new ProcessBuilder("kill", "-TERM", Long.toString(phone.pid())).start().waitFor(5, TimeUnit.SECONDS);
            if (!phone.waitFor(5, TimeUnit.SECONDS)) {
                phone.destroyForcibly();
            }
        }
    }

    @Test
    void runServesTheWebUiItsReadyLineNamesWithTheRegistrationAndTheVirtualPhone(Kamailio kamailio) throws Exception {
        listenAnywhere();
        phone = new ProcessBuilder(HOME.resolve("tools/deskphone").toString(), "run", "--data", data.toString()).directory(data.toFile()).start();
        phone.getOutputStream().close();
        ProcessLines output = new ProcessLines(phone);
        String ready = output.awaitOut("ready ");
        Matcher web = WEB.matcher(ready);
        assertThat(web.find()).as("the ready line names the web UI on loopback: %s", ready).isTrue();
        URI base = URI.create(web.group(1));

        // The browser's first request: the page, over TLS with the phone's own certificate.
        ApiClient admin = new ApiClient(base, WebPhone.trusting(data));
        ApiClient.Response page = admin.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>").contains("app.js");
        assertThat(admin.login("admin", "123456").status()).isEqualTo(200);

        // The account, set as the accounts page sets it: the running phone's user agent takes it up and registers.
        admin.set(Map.of("account.1.enable", "1", "account.1.user_name", "1002", "account.1.password", Kamailio.password("1002"),
                "account.1.sip_server.1.address", "127.0.0.1", "account.1.sip_server.1.port", Integer.toString(kamailio.port()),
                "account.1.sip_server.1.expires", "300"));
        output.awaitErr("line 1: registered with 127.0.0.1:" + kamailio.port());
        JsonObject account = admin.get("/api/status").json().getAsJsonObject("accounts").getAsJsonArray("items").get(0).getAsJsonObject();
        assertThat(account.get("user_name").getAsString()).isEqualTo("1002");
        JsonObject registration = account.getAsJsonObject("registration");
        assertThat(registration.get("state").getAsString()).isEqualTo("registered");
        assertThat(registration.get("detail").getAsString()).startsWith("with 127.0.0.1:" + kamailio.port());
        assertThat(registration.has("until")).isTrue();
        assertThat(admin.get("/api/status").body()).doesNotContain(Kamailio.password("1002"));

        JsonObject panel = admin.get("/api/phone").json();
        assertThat(panel.get("pressable").getAsBoolean()).as("the PC's keys are pressable from the page").isTrue();
        assertThat(String.join("\n", Json.GSON.fromJson(panel.get("lcd"), String[].class))).contains("deskphone");
        assertThat(admin.post("/api/phone/key", Map.of("key", "5")).status()).isEqualTo(200);
        ApiClient.Response lifted = admin.post("/api/phone/hook", Map.of("offHook", true));
        assertThat(lifted.status()).isEqualTo(200);
        assertThat(lifted.json().get("offHook").getAsBoolean()).as("the running phone's hook went off").isTrue();
    }

    /** SIP on any free port (0), set as a user sets it on a stopped phone, through the launcher. */
    private void listenAnywhere() throws Exception {
        Process set = new ProcessBuilder(HOME.resolve("tools/deskphone").toString(), "config", "set", "--data", data.toString(),
                "account.1.sip_listen_port=0").redirectErrorStream(true).start();
        String said = new String(set.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(set.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(set.exitValue()).as(said).isZero();
    }
}
