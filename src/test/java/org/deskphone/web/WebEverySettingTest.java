package org.deskphone.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.deskphone.config.Access;
import org.deskphone.config.Catalogue;
import org.deskphone.config.Parameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every setting of the catalogue through the API, as the pages reach it: the administrator finds each one on
 * some page's section and can save each writable one as it is shown; the user and var logins find exactly
 * what the catalogue's access codes let them read, may save what they may write, and are refused the rest on
 * the server. Secrets come back as "set" or not, never as their value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebEverySettingTest {
    @TempDir
    static Path root;
    private WebPhone phone;

    @BeforeAll
    void start() throws Exception {
        // The var login exists only with the three-level permissions on (ALE L2831).
        phone = WebPhone.start(root, Map.of("security.var_enable", "1", "account.1.password", "s3cret-sip",
                "auto_provision.server.password", "s3cret-prov"));
    }

    @AfterAll
    void stop() {
        phone.close();
    }

    /** Every item of every section this login may see, by name, as the pages load them. */
    private static Map<String, JsonObject> everything(ApiClient client) throws Exception {
        Map<String, JsonObject> items = new LinkedHashMap<>();
        for (JsonElement page : client.get("/api/pages").tree().getAsJsonArray()) {
            String pageId = page.getAsJsonObject().get("id").getAsString();
            for (JsonElement section : page.getAsJsonObject().getAsJsonArray("sections")) {
                String sectionId = section.getAsJsonObject().get("id").getAsString();
                ApiClient.Response answer = client.get("/api/settings?page=" + pageId + "&section=" + URLEncoder.encode(sectionId, StandardCharsets.UTF_8));
                assertThat(answer.status()).as("%s/%s: %s", pageId, sectionId, answer.body()).isEqualTo(200);
                for (JsonElement item : answer.json().getAsJsonArray("items")) {
                    JsonObject object = item.getAsJsonObject();
                    assertThat(items.put(object.get("name").getAsString(), object)).as("one home for %s", object.get("name")).isNull();
                }
            }
        }
        return items;
    }

    @Test
    void theAdministratorReachesEverySettingOnSomePageAndCanSaveEachAsItIsShown() throws Exception {
        ApiClient admin = ApiClient.as(phone, "admin", "123456");
        Map<String, JsonObject> items = everything(admin);
        Set<String> catalogue = new TreeSet<>();
        Catalogue.builtIn().all().filter(p -> !Pages.hidden(p)).forEach(p -> catalogue.add(p.name()));
        assertThat(new TreeSet<>(items.keySet())).isEqualTo(catalogue);

        // Saved back as shown, a section at a time, as the page's Save button would send it: nothing is refused.
        Map<String, List<String>> bySection = new LinkedHashMap<>();
        items.values().forEach(item -> {
            Parameter parameter = Catalogue.builtIn().parameter(item.get("name").getAsString());
            bySection.computeIfAbsent(Pages.home(parameter).orElseThrow().section().id(), s -> new ArrayList<>()).add(parameter.name());
        });
        for (Map.Entry<String, List<String>> section : bySection.entrySet()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String name : section.getValue()) {
                JsonObject item = items.get(name);
                assertThat(item.get("writable").getAsBoolean()).as("%s writable by the administrator", name)
                        .isEqualTo(Catalogue.builtIn().parameter(name).permission().canWrite(Access.ADMIN));
                if (item.get("writable").getAsBoolean() && !item.get("secret").getAsBoolean()) {
                    values.put(name, item.get("value").getAsString());
                }
            }
            if (!values.isEmpty()) {
                ApiClient.Response saved = admin.post("/api/settings", Map.of("values", values));
                assertThat(saved.status()).as("section %s saved as shown: %s", section.getKey(), saved.body()).isEqualTo(200);
            }
        }
        assertThat(phone.setting("account.1.password")).as("a secret not sent back is kept").isEqualTo("s3cret-sip");
    }

    @Test
    void eachLevelSeesWhatItsCodesAllowAndTheServerRefusesTheRest() throws Exception {
        Map<Access, String[]> logins = Map.of(Access.USER, new String[] {"user", "user"}, Access.VAR, new String[] {"var", "var"});
        for (Map.Entry<Access, String[]> login : logins.entrySet()) {
            Access level = login.getKey();
            ApiClient client = ApiClient.as(phone, login.getValue()[0], login.getValue()[1]);
            Map<String, JsonObject> items = everything(client);
            Permissions.Rules rules = new Permissions(root.resolve("none")).rules(phone.config.current());
            List<String> readable = new ArrayList<>();
            List<String> writable = new ArrayList<>();
            List<String> readOnly = new ArrayList<>();
            Catalogue.builtIn().all().forEach(p -> {
                Permissions.Rights rights = rules.parameter(p, level);
                if (rights.read()) {
                    readable.add(p.name());
                    (rights.write() ? writable : readOnly).add(p.name());
                }
                // What a level may not change is what the catalogue keeps from it.
                if (rights.write()) {
                    assertThat(p.permission().canWrite(level)).as("%s writable by %s", p.name(), level).isTrue();
                }
            });
            assertThat(items.keySet()).as("%s sees", level).containsExactlyInAnyOrderElementsOf(readable);
            assertThat(readable).as("%s sees some settings", level).isNotEmpty();
            assertThat(readOnly).as("%s is kept from changing some", level).isNotEmpty();
            items.forEach((name, item) -> assertThat(item.get("writable").getAsBoolean()).as("%s for %s", name, level)
                    .isEqualTo(writable.contains(name)));

            String mine = writable.stream().filter(n -> !items.get(n).get("secret").getAsBoolean()).findFirst().orElseThrow();
            assertThat(client.post("/api/settings", Map.of("values", Map.of(mine, items.get(mine).get("value").getAsString()))).status())
                    .as("%s saves %s", level, mine).isEqualTo(200);
            String notMine = readOnly.get(0);
            ApiClient.Response refused = client.post("/api/settings", Map.of("values", Map.of(notMine, items.get(notMine).get("value").getAsString())));
            assertThat(refused.status()).as("%s may not change %s", level, notMine).isEqualTo(403);
            String hidden = Catalogue.builtIn().all().filter(p -> !rules.parameter(p, level).read()).findFirst().orElseThrow().name();
            assertThat(client.get("/api/settings?names=" + hidden).status()).as("%s may not read %s", level, hidden).isEqualTo(403);
            assertThat(client.post("/api/settings", Map.of("values", Map.of(hidden, "1"))).status()).isEqualTo(403);
        }
    }

    @Test
    void noSettingsAnswerHoldsASecretsValue() throws Exception {
        ApiClient admin = ApiClient.as(phone, "admin", "123456");
        Map<String, JsonObject> items = everything(admin);
        JsonObject password = items.get("account.1.password");
        assertThat(password.get("secret").getAsBoolean()).isTrue();
        assertThat(password.get("set").getAsBoolean()).isTrue();
        assertThat(password.get("value").getAsString()).isEmpty();
        assertThat(items.values().toString()).doesNotContain("s3cret-sip").doesNotContain("s3cret-prov");
        assertThat(admin.get("/api/settings?names=account.1.password,auto_provision.server.password").body())
                .doesNotContain("s3cret");
    }
}
