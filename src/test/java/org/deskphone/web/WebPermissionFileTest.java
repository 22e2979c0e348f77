package org.deskphone.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deskphone.config.Access;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ALE permission file through the API, with the manual's permission table (L2908-2945) and example
 * items (L2967-2979): ALE digest examples E-40, E-41 and E-45, checked on the server for reads and writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPermissionFileTest {
    /** The manual's table, verbatim: per code, what admin, var and user get (WR, R, N). */
    private static final Map<String, String[]> TABLE = new LinkedHashMap<>();

    static {
        String[][] rows = {
            {"0", "WR", "WR", "WR"}, {"1", "WR", "WR", "N"}, {"2", "WR", "N", "N"}, {"3", "N", "N", "N"},
            {"00", "WR", "WR", "WR"}, {"01", "WR", "WR", "R"}, {"02", "WR", "R", "R"}, {"03", "R", "R", "R"},
            {"10", "WR", "WR", "N"}, {"11", "WR", "WR", "N"}, {"12", "WR", "R", "N"}, {"13", "R", "R", "N"},
            {"20", "WR", "N", "N"}, {"21", "WR", "N", "N"}, {"22", "WR", "N", "N"}, {"23", "R", "N", "N"},
            {"30", "N", "N", "N"}, {"31", "N", "N", "N"}, {"32", "N", "N", "N"}, {"33", "N", "N", "N"}};
        for (String[] row : rows) {
            TABLE.put(row[0], new String[] {row[1], row[2], row[3]});
        }
    }

    @TempDir
    static Path root;
    private WebPhone phone;
    private ApiClient admin;
    private final Map<Access, ApiClient> clients = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        phone = WebPhone.start(root, Map.of(Permissions.VAR_ENABLE, "1"));
        admin = ApiClient.as(phone, "admin", "123456");
        clients.put(Access.ADMIN, admin);
        clients.put(Access.VAR, ApiClient.as(phone, "var", "var"));
        clients.put(Access.USER, ApiClient.as(phone, "user", "user"));
    }

    @AfterAll
    void stop() {
        phone.close();
    }

    private void install(String xml) throws Exception {
        ApiClient.Response response = admin.post("/api/security/permissions", ApiClient.upload(PermissionFile.NAME, xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** E-40 and E-41: each code of the table gives each level exactly its cell, for reading and for writing. */
    @Test
    void everyCodeOfTheTableGivesEachLevelExactlyItsCell() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String[]> row : TABLE.entrySet()) {
            // FeatureDndEnable is everybody's in the catalogue (code 0), so the file alone decides.
            install("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<settings>\n <setting id=\"FeatureDndEnable\" value=\""
                    + row.getKey() + "\" override=\"true\"/>\n</settings>\n");
            String[] cells = row.getValue();
            Access[] levels = {Access.ADMIN, Access.VAR, Access.USER};
            for (int i = 0; i < 3; i++) {
                String got = rights(clients.get(levels[i]));
                if (!got.equals(cells[i])) {
                    wrong.add("code " + row.getKey() + " " + levels[i] + ": expected " + cells[i] + ", got " + got);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(admin.delete("/api/security/permissions").status()).isEqualTo(200);
        assertThat(rights(clients.get(Access.USER))).as("without the file the catalogue's code 0 applies").isEqualTo("WR");
    }

    /** WR, R or N, as the server enforces it: may it read the setting, and may it change it? */
    private String rights(ApiClient client) throws Exception {
        ApiClient.Response read = client.get("/api/settings?names=features.dnd.enable");
        if (read.status() == 403) {
            assertThat(client.post("/api/settings", Map.of("values", Map.of("features.dnd.enable", "1"))).status())
                    .as("a hidden setting cannot be written either").isEqualTo(403);
            return "N";
        }
        assertThat(read.status()).isEqualTo(200);
        boolean shownWritable = read.json().getAsJsonArray("items").get(0).getAsJsonObject().get("writable").getAsBoolean();
        String value = phone.setting("features.dnd.enable").equals("1") ? "0" : "1";
        int write = client.post("/api/settings", Map.of("values", Map.of("features.dnd.enable", value))).status();
        assertThat(write == 200).as("what the page is told matches what the server does").isEqualTo(shownWritable);
        return write == 200 ? "WR" : write == 403 ? "R" : "status " + write;
    }

    /**
     * E-45 (L2967-2979), the manual's file verbatim: the user sees only the 0-items, var the 0- and 1-items,
     * the administrator all ten.
     */
    @Test
    void theManualsExampleFileShowsEachLevelItsFeatureSections() throws Exception {
        install("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <settings>
                 <setting id="WBMFeaturegeneral" value="0" override="true"/>
                 <setting id="WBMFeatureForward" value="0" override="true"/>
                 <setting id="WBMFeatureDnd" value="0" override="true"/>
                 <setting id="WBMFeatureIntercom" value="0" override="true"/>
                 <setting id="WBMFeatureMulticast" value="1" override="true"/>
                 <setting id="WBMFeatureHotLine" value="1" override="true"/>
                 <setting id="WBMFeatureAcd" value="2" override="true"/>
                 <setting id="WBMFeatureSip" value="2" override="true"/>
                 <setting id="WBMFeatureRemoteControl" value="2" override="true"/>
                 <setting id="WBMFeatureActionUrl" value="2" override="true"/>
                </settings>
                """);
        List<String> zero = List.of("general", "forward", "dnd", "intercom");
        List<String> one = List.of("multicast", "hotline");
        List<String> two = List.of("acd", "sip", "remote", "actionurl");
        assertThat(sectionsAllowed(clients.get(Access.USER))).containsExactlyElementsOf(zero);
        List<String> var = new ArrayList<>(zero);
        var.addAll(one);
        assertThat(sectionsAllowed(clients.get(Access.VAR))).containsExactlyElementsOf(var);
        List<String> all = new ArrayList<>(var);
        all.addAll(two);
        assertThat(sectionsAllowed(clients.get(Access.ADMIN))).containsExactlyElementsOf(all);

        // A hidden section's settings are hidden wherever they are asked for, not only on its page.
        ApiClient.Response hotline = clients.get(Access.USER).get("/api/settings?names=features.hotline_number");
        assertThat(hotline.status()).isEqualTo(403);
        assertThat(clients.get(Access.USER).post("/api/settings", Map.of("values", Map.of("features.hotline_number", "100"))).status()).isEqualTo(403);
        // The navigation a user gets lists none of them.
        List<String> listed = new ArrayList<>();
        for (JsonElement page : clients.get(Access.USER).get("/api/pages").tree().getAsJsonArray()) {
            if (page.getAsJsonObject().get("id").getAsString().equals("features")) {
                page.getAsJsonObject().getAsJsonArray("sections").forEach(s -> listed.add(s.getAsJsonObject().get("id").getAsString()));
            }
        }
        assertThat(listed).isNotEmpty().allMatch(zero::contains);
        assertThat(admin.delete("/api/security/permissions").status()).isEqualTo(200);
    }

    /** The sections of the features page the server lets {@code client} read. */
    private List<String> sectionsAllowed(ApiClient client) throws Exception {
        List<String> allowed = new ArrayList<>();
        for (Pages.Section section : Pages.require("features").sections()) {
            int status = client.get("/api/settings?page=features&section=" + section.id() + "&index=1").status();
            assertThat(status).isIn(200, 403);
            if (status == 200) {
                allowed.add(section.id());
            }
        }
        return allowed;
    }

    @Test
    void aFileThatIsNotOneIsRefusedAndTheOneInForceStays() throws Exception {
        install("<settings><setting id=\"WBMFeatureDnd\" value=\"2\"/></settings>");
        ApiClient.Response broken = admin.post("/api/security/permissions", ApiClient.upload(PermissionFile.NAME, "<settings><setting".getBytes()));
        assertThat(broken.status()).isEqualTo(422);
        ApiClient.Response nothing = admin.post("/api/security/permissions", ApiClient.upload(PermissionFile.NAME,
                "<settings><setting id=\"NoSuchItem\" value=\"0\"/></settings>".getBytes()));
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.body()).contains("NoSuchItem");
        assertThat(clients.get(Access.USER).get("/api/settings?names=features.dnd.enable").status()).isEqualTo(403);
        assertThat(admin.get("/api/security/permissions").json().getAsJsonObject("items").get("wbmfeaturednd").getAsString()).isEqualTo("2");
        assertThat(admin.delete("/api/security/permissions").status()).isEqualTo(200);
    }
}
