package org.deskphone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logins (ALE §5.1, L2738-2827), auto logout (L3056-3060), lockout, and how passwords are kept. */
class WebLoginTest {
    @TempDir
    Path root;
    private WebPhone phone;

    @AfterEach
    void stop() {
        if (phone != null) {
            phone.close();
        }
    }

    /** E-47 (L2003, L2747-2748): admin/123456 and user/user log in with their levels; var only with three levels on. */
    @Test
    void theManualsDefaultLoginsWorkWithTheirLevelsAndAskForANewPassword() throws Exception {
        phone = WebPhone.start(root, Map.of());
        ApiClient.Response admin = new ApiClient(phone).login("admin", "123456");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().get("level").getAsString()).isEqualTo("admin");
        assertThat(admin.json().get("defaultPassword").getAsBoolean()).isTrue();
        assertThat(admin.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("__Host-deskphone=").contains("HttpOnly").contains("Secure").contains("SameSite=Strict");
        ApiClient.Response user = new ApiClient(phone).login("user", "user");
        assertThat(user.json().get("level").getAsString()).isEqualTo("user");
        assertThat(new ApiClient(phone).login("var", "var").status()).as("var is off until three levels are on (L2831)").isEqualTo(401);
        assertThat(new ApiClient(phone).login("admin", "user").status()).isEqualTo(401);
        assertThat(new ApiClient(phone).login("Admin", "123456").status()).isEqualTo(401);

        phone.change(Map.of(Permissions.VAR_ENABLE, "1", "security.user_name.admin", "boss"));
        assertThat(new ApiClient(phone).login("var", "var").json().get("level").getAsString()).isEqualTo("var");
        assertThat(new ApiClient(phone).login("admin", "123456").status()).as("the login name is the configuration's").isEqualTo(401);
        assertThat(new ApiClient(phone).login("boss", "123456").json().get("level").getAsString()).isEqualTo("admin");
    }

    /** E-48 (L2792-2822): the administrator's password has 4-32 characters, the others 3-32. */
    @Test
    void passwordsOutsideTheManualsLengthsAreRefusedAndGoodOnesAreKeptOnlyAsHashes() throws Exception {
        phone = WebPhone.start(root, Map.of());
        ApiClient admin = ApiClient.as(phone, "admin", "123456");
        ApiClient.Response tooShort = admin.post("/api/users/password", Map.of("level", "admin", "password", "123"));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.error()).contains("security.password.admin").contains("4 to 32 characters").doesNotContain("'123'");
        assertThat(admin.post("/api/users/password", Map.of("level", "user", "password", "ab")).status()).isEqualTo(422);
        assertThat(admin.post("/api/users/password", Map.of("level", "user", "password", "a".repeat(33))).status()).isEqualTo(422);
        assertThat(new ApiClient(phone).login("user", "user").status()).as("refused changes changed nothing").isEqualTo(200);

        ApiClient user = ApiClient.as(phone, "user", "user");
        assertThat(admin.post("/api/users/password", Map.of("level", "user", "password", "Tulip-Garden-42")).status()).isEqualTo(200);
        assertThat(user.get("/api/status").status()).as("the user's other sessions end").isEqualTo(401);
        assertThat(admin.get("/api/status").status()).isEqualTo(200);
        assertThat(new ApiClient(phone).login("user", "user").status()).isEqualTo(401);
        ApiClient.Response login = new ApiClient(phone).login("user", "Tulip-Garden-42");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("defaultPassword").getAsBoolean()).isFalse();

        String stored = Files.readString(phone.data.resolve("web").resolve(Passwords.FILE), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("Tulip-Garden-42").containsPattern("user = 600000:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]{44} 600000:");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(phone.data.resolve("web").resolve(Passwords.FILE)))).isEqualTo("rw-------");
        try (var files = Files.walk(phone.data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as("%s", file).doesNotContain("Tulip-Garden-42");
            }
        }

        ApiClient.Response own = ApiClient.as(phone, "user", "Tulip-Garden-42").post("/api/password", Map.of("current", "wrong", "password", "Other-9"));
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.error()).contains("current password is wrong");
    }

    /** A newer password from provisioning replaces one set in the web UI, as provisioned values override local ones. */
    @Test
    void aProvisionedPasswordReplacesTheOneSetHereEvenWhenItChangedWhileThePhoneWasOff() throws Exception {
        phone = WebPhone.start(root, Map.of());
        ApiClient admin = ApiClient.as(phone, "admin", "123456");
        assertThat(admin.post("/api/users/password", Map.of("level", "admin", "password", "Web-Set-1")).status()).isEqualTo(200);
        phone.change(Map.of("security.password.admin", "Provisioned-2"));
        Thread.sleep(200);
        assertThat(new ApiClient(phone).login("admin", "Web-Set-1").status()).isEqualTo(401);
        assertThat(new ApiClient(phone).login("admin", "Provisioned-2").status()).isEqualTo(200);
        assertThat(admin.get("/api/status").status()).as("sessions of that level ended").isEqualTo(401);

        // The web password again, then the configuration changes while the web UI is not watching (the phone is off).
        assertThat(ApiClient.as(phone, "admin", "Provisioned-2").post("/api/users/password", Map.of("level", "admin", "password", "Web-Set-3"))
                .status()).isEqualTo(200);
        Path data = phone.data;
        phone.close();
        phone = null;
        var loop = new org.deskphone.loop.PhoneLoop(org.deskphone.loop.Clock.system());
        var store = org.deskphone.config.ConfigStore.open(data.resolve("config"), loop);
        loop.start("offline");
        loop.ask(() -> store.change(org.deskphone.config.Access.ADMIN, Map.of("security.password.admin", "Provisioned-4"))).get();
        store.saved().get();
        loop.stop(Duration.ofSeconds(1));
        store.close(Duration.ofSeconds(2));
        phone = WebPhone.start(data, Map.of());
        assertThat(new ApiClient(phone).login("admin", "Web-Set-3").status()).isEqualTo(401);
        assertThat(new ApiClient(phone).login("admin", "Provisioned-4").status()).isEqualTo(200);
    }

    /** E-51 (L3056-3060): after 10 minutes without a request the session is gone; activity keeps it. */
    @Test
    void tenIdleMinutesEndTheSessionAndTheNextRequestAsksForALogin() throws Exception {
        phone = WebPhone.start(root, Map.of());
        ApiClient admin = ApiClient.as(phone, "admin", "123456");
        for (int i = 0; i < 3; i++) {
            phone.sessionsClock.advance(Duration.ofMinutes(9));
            assertThat(admin.get("/api/status").status()).as("used every 9 minutes").isEqualTo(200);
        }
        phone.sessionsClock.advance(Duration.ofMinutes(10).plusSeconds(1));
        ApiClient.Response expired = admin.get("/api/status");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("login").getAsBoolean()).isTrue();
        assertThat(expired.error()).contains("10 minutes without activity");
        assertThat(admin.get("/api/status").error()).as("the session is gone for good").isEqualTo("log in first");
        assertThat(admin.login("admin", "123456").status()).isEqualTo(200);

        // Yealink's features.relog_offtime (L10178), once set, is the limit.
        phone.change(Map.of("features.relog_offtime", "2"));
        phone.sessionsClock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertThat(admin.get("/api/status").status()).isEqualTo(401);
    }

    @Test
    void fiveWrongPasswordsLockTheNameOutWithBackoffAndTheRightOneWaitsToo() throws Exception {
        phone = WebPhone.start(root, Map.of());
        ApiClient guesser = new ApiClient(phone);
        for (int i = 1; i < LoginGuard.FREE_ATTEMPTS; i++) {
            assertThat(guesser.login("admin", "guess" + i).status()).isEqualTo(401);
        }
        ApiClient.Response fifth = guesser.login("admin", "guess5");
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.headers().firstValue("Retry-After")).hasValue("30");
        ApiClient.Response right = guesser.login("admin", "123456");
        assertThat(right.status()).as("locked even with the right password").isEqualTo(429);
        assertThat(right.error()).contains("too many failed logins");
        assertThat(new ApiClient(phone).login("user", "user").status()).as("other names are not locked").isEqualTo(200);

        phone.sessionsClock.advance(Duration.ofSeconds(31));
        ApiClient.Response sixth = guesser.login("admin", "guess6");
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).hasValue("60");
        phone.sessionsClock.advance(Duration.ofSeconds(61));
        assertThat(guesser.login("admin", "123456").status()).isEqualTo(200);
        assertThat(guesser.login("admin", "wrong").status()).as("a success clears the count").isEqualTo(401);

        // Made-up names share one count, so they cannot be used to fill the table or to dodge the lock.
        for (int i = 0; i < LoginGuard.FREE_ATTEMPTS - 1; i++) {
            assertThat(guesser.login("nobody" + i, "x").status()).isEqualTo(401);
        }
        assertThat(guesser.login("nobody-else", "x").status()).isEqualTo(429);
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() throws Exception {
        phone = WebPhone.start(root, Map.of());
        ApiClient admin = ApiClient.as(phone, "admin", "123456");
        ApiClient.Response out = admin.post("/api/logout", Map.of());
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(admin.get("/api/session").status()).isEqualTo(401);
    }
}
