package org.deskphone.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No password ever leaves the phone through the web UI: not in settings, status, exports (ALE L14943, E-34),
 * the log or any other answer. Every readable route and every section of every page is read as the
 * administrator, who may read the most.
 */
class WebSecretsTest {
    /** Long enough that no timestamp or port in a log line holds one by chance. */
    private static final List<String> SECRETS = List.of("Sip-Secret-77", "Url-Secret-88", "Prov-Secret-99", "Wifi-Secret-66",
            "Admin-Secret-55", "902417368531", "Acs-Secret-44");

    @TempDir
    Path root;

    @Test
    void noAnswerLogOrExportHoldsASecret() throws Exception {
        try (WebPhone phone = WebPhone.start(root, Map.of())) {
            ApiClient admin = ApiClient.as(phone, "admin", "123456");
            admin.set(Map.of("account.1.enable", "1", "account.1.user_name", "1001", "account.1.password", "Sip-Secret-77",
                    "auto_provision.server.url", "ftp://phone:Url-Secret-88@198.51.100.9/cfg/",
                    "auto_provision.server.password", "Prov-Secret-99", "wifi.1.password", "Wifi-Secret-66",
                    "phone_setting.phone_lock.unlock_pin", "902417368531", "managementserver.password", "Acs-Secret-44"));
            assertThat(admin.post("/api/users/password", Map.of("level", "admin", "password", "Admin-Secret-55")).status()).isEqualTo(200);
            admin = ApiClient.as(phone, "admin", "Admin-Secret-55");

            List<String> answers = new ArrayList<>();
            for (Routes.Route route : phone.web.routes()) {
                if (route.method().equals("GET") && !route.path().endsWith("/events") && !route.path().equals("/api/settings")) {
                    answers.add(route.path() + " " + admin.get(route.path()).body());
                }
            }
            for (String format : new String[] {"cfg", "xml"}) {
                for (String all : new String[] {"0", "1"}) {
                    ApiClient.Response export = admin.get("/api/config/export?format=" + format + "&all=" + all);
                    assertThat(export.status()).isEqualTo(200);
                    answers.add("export " + format + " " + all + " " + export.body());
                }
            }
            int items = 0;
            for (JsonElement page : admin.get("/api/pages").tree().getAsJsonArray()) {
                String pageId = page.getAsJsonObject().get("id").getAsString();
                for (JsonElement section : page.getAsJsonObject().getAsJsonArray("sections")) {
                    String path = "/api/settings?page=" + pageId + "&section=" + section.getAsJsonObject().get("id").getAsString();
                    ApiClient.Response settings = admin.get(path);
                    assertThat(settings.status()).isEqualTo(200);
                    items += settings.json().getAsJsonArray("items").size();
                    answers.add(path + " " + settings.body());
                }
            }
            assertThat(items).as("every setting was read").isGreaterThan(5000);
            JsonObject password = admin.get("/api/settings?names=account.1.password").json().getAsJsonArray("items").get(0).getAsJsonObject();
            assertThat(password.get("value").getAsString()).isEmpty();
            assertThat(password.get("set").getAsBoolean()).isTrue();
            assertThat(admin.get("/api/settings?names=auto_provision.server.url").body()).contains("ftp://phone:********@198.51.100.9/cfg/");

            // The masked URL sent back unchanged keeps its password; the log never had it.
            admin.set(Map.of("auto_provision.server.url", "ftp://phone:********@198.51.100.9/cfg/", "account.1.label", "Desk"));
            assertThat(phone.setting("auto_provision.server.url")).isEqualTo("ftp://phone:Url-Secret-88@198.51.100.9/cfg/");
            answers.add("log " + String.join("\n", RecentLog.get().since(-1).stream().map(RecentLog.Line::message).toList()));

            for (String answer : answers) {
                for (String secret : SECRETS) {
                    assertThat(answer).as("%s", answer.substring(0, Math.min(80, answer.length()))).doesNotContain(secret);
                }
            }
        }
    }
}
