package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.ProvisioningFile;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialplanCommandTest {
    @TempDir
    Path dataRoot;
    private final CommandLine deskphone = new CommandLine();

    @Test
    void printsOneJsonObjectPerInputWithDecisionNumberAndTime() {
        assertThat(deskphone.run("dialplan", "--json", "--map", "default", "911", "0", "1234", "2351")).isZero();
        assertThat(deskphone.out().lines()).containsExactly(
                "{\"input\":\"911\",\"result\":\"dial\",\"number\":\"911\",\"after_s\":0,\"account\":1,"
                        + "\"trigger\":\"digit_map\",\"rule\":\"emergency number; DigitMap string \\\"[2-9]11\\\"\"}",
                "{\"input\":\"0\",\"result\":\"dial\",\"number\":\"0\",\"after_s\":3,\"account\":1,"
                        + "\"trigger\":\"digit_map\",\"rule\":\"DigitMap string \\\"0T\\\"\"}",
                "{\"input\":\"1234\",\"result\":\"dial\",\"number\":\"1234\",\"after_s\":5,\"account\":1,"
                        + "\"trigger\":\"auto_dial\",\"rule\":\"no digit-map string matched\"}",
                "{\"input\":\"2351\",\"result\":\"dial\",\"number\":\"2351\",\"after_s\":3,\"account\":1,"
                        + "\"trigger\":\"digit_map\",\"rule\":\"DigitMap string \\\"[2-9]xxxT\\\"\"}");
    }

    @Test
    void everyLineIsAJsonObject() {
        assertThat(deskphone.run("dialplan", "--json", "--auto-dial", "2", "12\"3", "")).isZero();
        List<JsonObject> objects = deskphone.out().lines().map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
        assertThat(objects).hasSize(2);
        assertThat(objects.get(0).get("input").getAsString()).isEqualTo("12\"3");
        assertThat(objects.get(0).get("number").getAsString()).isEqualTo("123");
        assertThat(objects.get(0).get("after_s").getAsDouble()).isEqualTo(2.0);
        assertThat(objects.get(1).get("result").getAsString()).isEqualTo("incomplete");
        assertThat(objects.get(1).get("after_s").isJsonNull()).isTrue();
    }

    @Test
    void theFourResults() {
        assertThat(deskphone.run("dialplan", "--json", "--map", "235x!;9xxx", "--impossible", "refuse", "--auto-dial", "0",
                "2351", "9123", "4", "91")).isZero();
        assertThat(deskphone.out().lines()).satisfiesExactly(
                line -> assertThat(line).contains("\"result\":\"block\"", "\"number\":\"2351\"", "\"after_s\":0"),
                line -> assertThat(line).contains("\"result\":\"dial\"", "\"number\":\"9123\""),
                line -> assertThat(line).contains("\"result\":\"nomatch\"", "\"number\":\"4\""),
                line -> assertThat(line).contains("\"result\":\"incomplete\"", "\"number\":null", "\"after_s\":null"));
    }

    @Test
    void textOutputAndYealinkRules() {
        assertThat(deskphone.run("dialplan", "--replace", "1=05928665234;2(xx)=002$1", "--dial-now", "52[0-6]@1",
                "--area-code", "0592:7-8", "--block-out", "1900@1", "234#", "523", "8665234#", "1900#")).isZero();
        assertThat(deskphone.out().lines()).containsExactly(
                "'234#': dial 00234 on account 1 after 0 s (send; replace rule 2(xx) -> 002$1 (all lines))",
                "'523': dial 523 on account 1 after 1 s (dial now; dial-now rule 52[0-6])",
                "'8665234#': dial 05928665234 on account 1 after 0 s (send; area code 0592)",
                "'1900#': block 1900 after 0 s (block-out number 1900 (dialplan.block_out.number.1, line 1))");
    }

    @Test
    void anIncompleteDiallingSaysWhatItWaitsFor() {
        assertThat(deskphone.run("dialplan", "--map", "9xxxx", "--auto-dial", "0", "91", "5")).isZero();
        assertThat(deskphone.out().lines()).containsExactly(
                "'91': incomplete '91' (waits for more keys or Send; digit map: partial match)",
                "'5': incomplete '5' (waits for more keys or Send; digit map: impossible match)");
    }

    @Test
    void completeNumbersFromOtherSourcesAndTheDialingRule() {
        assertThat(deskphone.run("dialplan", "--json", "--source", "directory", "--dialing-rule", "FR,,0,5,112",
                "+33 1 23 45 67 89", "4567")).isZero();
        assertThat(deskphone.out().lines()).satisfiesExactly(
                line -> assertThat(line).contains("\"number\":\"00123456789\"", "\"trigger\":\"complete_number\""),
                line -> assertThat(line).contains("\"number\":\"4567\""));
    }

    @Test
    void anInvalidMapIsAUsageErrorShowingWhere() {
        assertThat(deskphone.run("dialplan", "--map", "12;[3-x]", "123")).isEqualTo(Main.USAGE);
        assertThat(deskphone.err()).contains("DigitMap: a range needs two concrete digits (0-9), as in [5-7] at position 7")
                .contains("  12;[3-x]\n        ^");
        assertThat(deskphone.out()).isEmpty();
    }

    @Test
    void withoutInputsItPrintsItsUsage() {
        assertThat(deskphone.run("dialplan")).isEqualTo(Main.USAGE);
        assertThat(deskphone.err()).contains("usage: deskphone dialplan");
        assertThat(deskphone.run("dialplan", "--account", "one", "1")).isEqualTo(Main.USAGE);
        assertThat(deskphone.err()).contains("--account takes a whole number");
        assertThat(deskphone.run("dialplan", "--source", "phonebook", "1")).isEqualTo(Main.USAGE);
        assertThat(deskphone.err()).contains("--source is manual, history, directory or forward, not phonebook");
    }

    @Test
    void theConfiguredPlanWithTheInstalledRuleFiles() throws Exception { // Yealink L8593-8617, L1109-1178
        configure(dataRoot, "#!version:1.0.0.1\ndialplan.item.1 = 1,2(xx),002$1,0\nphone_setting.dialnow_delay = 2\n"
                + "dialplan_dialnow.url = http://srv/now.xml\n");
        Files.createDirectories(dataRoot.resolve("resources/dial-now"));
        Files.writeString(dataRoot.resolve("resources/dial-now/now.xml"), "<DialNow><Data DialNowRule=\"52[0-6]\" LineID=\"1\"/></DialNow>");
        assertThat(deskphone.run("dialplan", "--data", dataRoot.toString(), "234#", "523", "9")).as(deskphone.err()).isZero();
        assertThat(deskphone.out().lines()).containsExactly(
                "'234#': dial 00234 on account 1 after 0 s (send; replace rule 2(xx) -> 002$1 (all lines))",
                "'523': dial 523 on account 1 after 2 s (dial now; dial-now rule 52[0-6])",
                "'9': dial 9 on account 1 after 5 s (auto dial; as typed)");
        assertThat(deskphone.run("dialplan", "--data", dataRoot.toString(), "--auto-dial", "0", "--dial-now-delay", "1", "523", "9")).isZero();
        assertThat(deskphone.out().lines()).as("the options change the configured plan").containsExactly(
                "'523': dial 523 on account 1 after 1 s (dial now; dial-now rule 52[0-6])",
                "'9': incomplete '9' (waits for more keys or Send; no digit map)");
    }

    @Test
    void aConfiguredPlanThePhoneRefusesIsSaidSo() throws Exception {
        configure(dataRoot, "#!version:1.0.0.1\ndialplan.item.3 = yes,1,2\n");
        assertThat(deskphone.run("dialplan", "--data", dataRoot.toString(), "123")).isEqualTo(Main.FAILED);
        assertThat(deskphone.err()).contains("the configured dial plan is refused: dialplan.item.3: ").contains("Enabled must be 0 or 1")
                .contains("a running phone keeps the plan it had");
        assertThat(deskphone.run("dialplan", "--data", dataRoot.resolve("nowhere").toString(), "123")).isEqualTo(Main.FAILED);
        assertThat(deskphone.err()).contains("--data: no data folder");
    }

    /** A data folder whose store holds {@code cfg}, as a provisioning run leaves it. */
    private static void configure(Path root, String cfg) throws Exception {
        PhoneLoop loop = new PhoneLoop(new VirtualClock(Instant.parse("2026-01-01T00:00:00Z")));
        loop.runPending();
        ConfigStore store = ConfigStore.open(root.resolve(Lifecycle.CONFIG_FOLDER), loop);
        assertThat(store.applyProvisioning(List.of(ProvisioningFile.of("http://srv/001565aabbcc.cfg", cfg))).allApplied()).isTrue();
        assertThat(store.close(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void helpListsIt() {
        assertThat(deskphone.run("help")).isZero();
        assertThat(deskphone.out()).contains("dialplan");
    }
}
