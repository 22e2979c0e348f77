package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deskphone.dialplan.Decision;
import org.deskphone.dialplan.DialPlan;
import org.deskphone.dialplan.Source;
import org.deskphone.provision.ResourceKind;
import org.deskphone.testing.PhoneConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phone's one owner of the dial plan in force: it follows the configuration, takes the rule files
 * provisioning installs, and keeps the plan in force when the configuration gives one it cannot use.
 */
class PhoneDialPlanTest {
    @TempDir
    Path resources;
    private final PhoneConfig config = new PhoneConfig();

    @Test
    void followsTheConfigurationAndKeepsThePreviousPlanWhenTheNewOneIsRefused() { // issue 7, "Bad input"
        PhoneDialPlan dialPlan = new PhoneDialPlan(config.store, resources);
        dialPlan.start();
        assertThat(dialled(dialPlan.current(), "234")).isEqualTo("234");
        assertThat(dialPlan.refused()).isEmpty();

        config.cfg("dialplan.item.1 = 1,2(xx),002$1,0");
        DialPlan configured = dialPlan.current();
        assertThat(dialled(configured, "234")).isEqualTo("00234");

        config.xml("DigitMapEnable", "true", "DigitMap", "12;[3-x]");
        assertThat(dialPlan.current()).as("the previous plan stays in force").isSameAs(configured);
        assertThat(dialPlan.refused()).hasValueSatisfying(why -> assertThat(why.getMessage())
                .startsWith("DigitMap: a range needs two concrete digits"));

        config.xml("DigitMap", "[2-9]xx");
        assertThat(dialPlan.refused()).isEmpty();
        assertThat(dialled(dialPlan.current(), "234")).as("the map's string, then the replace rule").isEqualTo("00234");

        DialPlan mapped = dialPlan.current();
        config.cfg("account.1.label = Alice");
        assertThat(dialPlan.current()).as("a setting the plan does not read leaves it as it is").isSameAs(mapped);
    }

    @Test
    void anInstalledReplaceRuleFileIsTakenWhenProvisioningSaysSo() throws Exception { // Yealink L1036-1107
        config.cfg("dialplan.item.1 = 1,2(xx),002$1,0", "dialplan_replace_rule.url = http://srv/rules.xml");
        PhoneDialPlan dialPlan = new PhoneDialPlan(config.store, resources);
        dialPlan.start();
        assertThat(dialled(dialPlan.current(), "234")).as("no file installed yet: the item").isEqualTo("00234");

        Files.createDirectories(resources.resolve("replace-rules"));
        Files.writeString(resources.resolve("replace-rules/rules.xml"), "<DialRule><Data Prefix=\"2(xx)\" Replace=\"9$1\"/></DialRule>");
        dialPlan.rulesInstalled(ResourceKind.REPLACE_RULES);
        assertThat(dialled(dialPlan.current(), "234")).as("the file overwrites the items").isEqualTo("934");

        config.cfg("dialplan_replace_rule.url = %NULL%");
        assertThat(dialled(dialPlan.current(), "234")).as("with the URL reset the items are back").isEqualTo("00234");
    }

    private static String dialled(DialPlan plan, String number) {
        Decision decision = plan.resolve(number, 1, Source.MANUAL);
        assertThat(decision).isInstanceOf(Decision.Dial.class);
        return ((Decision.Dial) decision).number();
    }
}
