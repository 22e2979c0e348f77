package org.deskphone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deskphone.config.Access;
import org.deskphone.config.Catalogue;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.Parameter;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The permission file on top of the catalogue: it narrows, never widens, and applies only with var_enable. */
class PermissionRulesTest {
    @TempDir
    Path folder;

    private Config config(boolean threeLevels) {
        PhoneLoop loop = new PhoneLoop(new VirtualClock(java.time.Instant.EPOCH));
        ConfigStore store = ConfigStore.inMemory(loop);
        loop.post(() -> store.change(Access.ADMIN, java.util.Map.of(Permissions.VAR_ENABLE, threeLevels ? "1" : "0")));
        loop.runPending();
        return store.current();
    }

    private void file(String text) throws Exception {
        Files.writeString(folder.resolve(PermissionFile.NAME), text, StandardCharsets.UTF_8);
    }

    @Test
    void aParameterNamedByItsAleIdIsNarrowedButNeverWidened() throws Exception {
        file("<settings>\n<setting id=\"FeatureDndEnable\" value=\"02\"/>\n<setting id=\"Account1Label\" value=\"0\"/>\n</settings>\n");
        Permissions.Rules rules = new Permissions(folder).rules(config(true));
        Parameter dnd = Catalogue.builtIn().parameter("features.dnd.enable");
        assertThat(rules.parameter(dnd, Access.ADMIN)).isEqualTo(new Permissions.Rights(true, true));
        assertThat(rules.parameter(dnd, Access.VAR)).isEqualTo(new Permissions.Rights(true, false));
        assertThat(rules.parameter(dnd, Access.USER)).isEqualTo(new Permissions.Rights(true, false));
        // The catalogue keeps account settings for the administrator (code 2); a file's 0 does not open them.
        Parameter label = Catalogue.builtIn().parameter("account.1.label");
        assertThat(rules.parameter(label, Access.USER)).isEqualTo(Permissions.Rights.NONE);
        assertThat(rules.parameter(label, Access.ADMIN)).isEqualTo(new Permissions.Rights(true, true));
    }

    /** ALE L2831: the file defines the three-level permissions; with them off it does not apply. */
    @Test
    void theFileAppliesOnlyWithThreeLevelPermissionsOn() throws Exception {
        file("FeatureDndEnable = 3\n");
        Parameter dnd = Catalogue.builtIn().parameter("features.dnd.enable");
        assertThat(new Permissions(folder).rules(config(false)).parameter(dnd, Access.USER).write()).isTrue();
        assertThat(new Permissions(folder).rules(config(true)).parameter(dnd, Access.ADMIN).read()).isFalse();
    }

    @Test
    void unknownItemsAndBadCodesAreWarningsNamingTheLine() throws Exception {
        PermissionFile read = PermissionFile.parse("UserAccessPermission.xml", ("<settings>\n"
                + "<setting id=\"WBMFeatureForward\" value=\"1\"/>\n"
                + "<setting id=\"NoSuchThing\" value=\"0\"/>\n"
                + "<setting id=\"WBMFeatureDnd\" value=\"4\"/>\n"
                + "<setting id=\"MMIFeatureBusyForward\" value=\"1\"/>\n</settings>\n").getBytes(StandardCharsets.UTF_8));
        assertThat(read.entries()).containsOnlyKeys("wbmfeatureforward", "mmifeaturebusyforward");
        assertThat(read.warnings()).anySatisfy(w -> assertThat(w).contains(":3:").contains("NoSuchThing"))
                .anySatisfy(w -> assertThat(w).contains(":4:").contains("'4' is not a permission code"));
    }
}
