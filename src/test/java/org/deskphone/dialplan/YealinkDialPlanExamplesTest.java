package org.deskphone.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deskphone.dialplan.Decision.Block;
import org.deskphone.dialplan.Decision.Blocker;
import org.deskphone.dialplan.Decision.Collect;
import org.deskphone.dialplan.Decision.Dial;
import org.deskphone.dialplan.Decision.MapState;
import org.deskphone.dialplan.Decision.Trigger;
import org.deskphone.dialplan.DialPlanSettings.AreaCodeSettings;
import org.deskphone.dialplan.DialPlanSettings.BlockOutSettings;
import org.deskphone.dialplan.DialPlanSettings.DialNowSettings;
import org.deskphone.dialplan.DialPlanSettings.ReplaceRuleSettings;
import org.deskphone.testing.PhoneConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Yealink dial-plan examples (Yealink digest §3.7, §3.8, §4.12, E31-E37, E49, E54) through the
 * dialler with the virtual clock. Seed lines are those of {@code ../shared/seeds/000_814a585bf900fd91.txt}.
 */
class YealinkDialPlanExamplesTest {
    /** The example replace-rule file, L1087-1093. */
    private static final List<ReplaceRuleSettings> EXAMPLE_REPLACE_RULES = List.of(
            new ReplaceRuleSettings("1", "05928665234", ""),
            new ReplaceRuleSettings("2(xx)", "002$1", "0"));
    /** The example dial-now file, L1156-1164. */
    private static final List<DialNowSettings> EXAMPLE_DIAL_NOW = List.of(
            new DialNowSettings("1234", "1"),
            new DialNowSettings("52[0-6]", "1"),
            new DialNowSettings("xxxxxx", ""));

    private static DialPlanSettings.Builder replaceRules() {
        return DialPlanSettings.builder().replaceRules(EXAMPLE_REPLACE_RULES);
    }

    private static DialPlanSettings.Builder dialNow() {
        return DialPlanSettings.builder().dialNowRules(EXAMPLE_DIAL_NOW);
    }

    @Test
    @DisplayName("E31: replace rule Prefix=1 Replace=05928665234 dials 1 as 05928665234 on every line (L1089)")
    void e31SpeedDialReplace() {
        for (int line : new int[] {1, 2, 6}) {
            Dial dial = Dialing.start(replaceRules().build(), line, false, Dialer.Start.OFF_HOOK).type("1").send().dialled();
            assertThat(dial.number()).isEqualTo("05928665234");
            assertThat(dial.rule()).contains("replace rule 1 -> 05928665234");
        }
    }

    @Test
    @DisplayName("E31: replace rule 2(xx) → 002$1 dials 234 as 00234; 2345 is not matched (L1091)")
    void e31CaptureReplace() {
        assertThat(Dialing.offHook(replaceRules()).type("234").send().dialled().number()).isEqualTo("00234");
        assertThat(Dialing.offHook(replaceRules()).type("2345").send().dialled().number()).isEqualTo("2345");
        assertThat(Dialing.offHook(replaceRules()).type("23").send().dialled().number()).isEqualTo("23");
    }

    @Test
    @DisplayName("Replace rules apply to complete numbers too, the first matching rule only")
    void replaceRulesEnBloc() {
        DialPlan plan = AleDialPlanExamplesTest.compile(replaceRules());
        assertThat(((Dial) plan.resolve("234", 3, Source.HISTORY)).number()).isEqualTo("00234");
        DialPlan both = AleDialPlanExamplesTest.compile(DialPlanSettings.builder().replaceRules(List.of(
                new ReplaceRuleSettings("0(.)", "9$1", ""), new ReplaceRuleSettings("9(.)", "8$1", ""))));
        assertThat(((Dial) both.resolve("0123", 1, Source.DIRECTORY)).number()).isEqualTo("9123");
    }

    @Test
    @DisplayName("Yealink's own syntax example: 001(xxx)45(xx) → 9001$145$2 dials 0012354599 as 90012354599")
    void twoGroups() {
        DialPlan plan = AleDialPlanExamplesTest.compile(DialPlanSettings.builder().replaceRules(List.of(
                new ReplaceRuleSettings("001(xxx)45(xx)", "9001$145$2", ""))));
        assertThat(((Dial) plan.resolve("0012354599", 1, Source.MANUAL)).number()).isEqualTo("90012354599");
    }

    @Test
    @DisplayName("A replace rule's LineID limits it to those lines (L1050-1054)")
    void replaceRuleLines() {
        DialPlanSettings settings = DialPlanSettings.builder().replaceRules(List.of(
                new ReplaceRuleSettings("1", "100", "2,3"))).build();
        assertThat(Dialing.start(settings, 1, false, Dialer.Start.OFF_HOOK).type("1").send().dialled().number()).isEqualTo("1");
        assertThat(Dialing.start(settings, 3, false, Dialer.Start.OFF_HOOK).type("1").send().dialled().number()).isEqualTo("100");
    }

    @Test
    @DisplayName("E32: dial-now 1234 on line 1 dials after phone_setting.dialnow_delay (1 s), not on line 2 (L1158, L11031-11045)")
    void e32Exact() {
        assertThat(DialPlanSettings.defaults().dialNowDelaySeconds()).isEqualTo(1);
        Dialing line1 = Dialing.offHook(dialNow()).type("1234").waitMillis(999);
        assertThat(line1.last().isFinal()).isFalse();
        line1.waitMillis(1);
        assertThat(line1.dialled().number()).isEqualTo("1234");
        assertThat(line1.dialled().trigger()).isEqualTo(Trigger.DIAL_NOW);
        assertThat(line1.dialled().rule()).contains("dial-now rule 1234");
        assertThat(line1.finalAtMillis()).isEqualTo(1000);

        Dialing line2 = Dialing.start(dialNow().build(), 2, false, Dialer.Start.OFF_HOOK).type("1234").waitSeconds(60);
        assertThat(line2.dialled().trigger()).isEqualTo(Trigger.AUTO_DIAL);
        assertThat(line2.finalAtMillis()).isEqualTo(5000);
    }

    @Test
    @DisplayName("E32: dial-now 52[0-6] dials 520-526, not 527 (L1160)")
    void e32Range() {
        for (String number : List.of("520", "523", "526")) {
            Dialing dialing = Dialing.offHook(dialNow()).type(number).waitSeconds(10);
            assertThat(dialing.dialled().trigger()).isEqualTo(Trigger.DIAL_NOW);
            assertThat(dialing.finalAtMillis()).isEqualTo(1000);
        }
        Dialing other = Dialing.offHook(dialNow()).type("527").waitSeconds(10);
        assertThat(other.dialled().trigger()).isEqualTo(Trigger.AUTO_DIAL);
    }

    @Test
    @DisplayName("E32: dial-now xxxxxx on all lines dials any 6 digits; a 7th key in the delay cancels it (L1162)")
    void e32AnySix() {
        Dialing dialing = Dialing.start(dialNow().dialNowDelaySeconds(3).build(), 4, false, Dialer.Start.OFF_HOOK)
                .type("987654").waitSeconds(10);
        assertThat(dialing.dialled().number()).isEqualTo("987654");
        assertThat(dialing.finalAtMillis()).isEqualTo(3000);

        Dialing longer = Dialing.offHook(dialNow()).type("987654").waitMillis(500).type("3").waitSeconds(10);
        assertThat(longer.dialled().number()).isEqualTo("9876543");
        assertThat(longer.dialled().trigger()).isEqualTo(Trigger.AUTO_DIAL);
    }

    @Test
    @DisplayName("E34: dialplan.item.1 = 1,2(xx),002$1,0 is enabled, prefix 2(xx), replace 002$1, all lines (L8605-8609)")
    void e34() throws DialPlanException {
        PhoneConfig config = new PhoneConfig();
        config.cfg("dialplan.item.1 = 1,2(xx),002$1,0", "dialplan.item.2 = 0,2(xx),003$1,0", "dialplan.item.3 = 1,[2,5](x),9$1,1,2");
        DialPlanSettings settings = DialPlanSettings.from(config.current());
        assertThat(settings.replaceRules()).as("item 2 is disabled").containsExactly(
                new ReplaceRuleSettings("2(xx)", "002$1", ""), new ReplaceRuleSettings("[2,5](x)", "9$1", "1,2"));
        assertThat(Dialing.offHook(settings.toBuilder()).type("234").send().dialled().number()).isEqualTo("00234");
        config.cfg("dialplan.item.4 = yes,1,2,0");
        assertThatThrownBy(() -> DialPlanSettings.from(config.current())).isInstanceOf(DialPlanException.class)
                .hasMessageStartingWith("dialplan.item.4: ").hasMessageContaining("Enabled must be 0 or 1");
        config.cfg("dialplan.item.4 = %NULL%", "dialplan.item.5 = 1,2");
        assertThatThrownBy(() -> DialPlanSettings.from(config.current())).isInstanceOf(DialPlanException.class)
                .hasMessageStartingWith("dialplan.item.5: ");
    }

    @Test
    @DisplayName("E35: dialnow.item.1 = 52[0-6],1 is rule 52[0-6] on line 1 (L8583-8585)")
    void e35() throws DialPlanException {
        PhoneConfig config = new PhoneConfig();
        config.cfg("dialnow.item.1 = 52[0-6],1", "dialnow.item.2 = [2,5,8]xx", "dialnow.item.3 = 1234, 1,2");
        DialPlanSettings settings = DialPlanSettings.from(config.current());
        assertThat(settings.dialNowRules()).containsExactly(new DialNowSettings("52[0-6]", "1"), new DialNowSettings("[2,5,8]xx", ""),
                new DialNowSettings("1234", "1,2"));
        assertThat(Dialing.offHook(settings.toBuilder()).type("523").waitSeconds(2).dialled().number()).isEqualTo("523");
    }

    @Test
    @DisplayName("E36: area code 0592 with lengths 7-8: 8665234 dials as 05928665234, 123 unchanged (L8424-8490)")
    void e36() {
        DialPlanSettings.Builder area = DialPlanSettings.builder().areaCode(new AreaCodeSettings("0592", 7, 8, ""));
        assertThat(Dialing.offHook(area).type("8665234").send().dialled().number()).isEqualTo("05928665234");
        assertThat(Dialing.offHook(area).type("123").send().dialled().number()).isEqualTo("123");
        assertThat(Dialing.offHook(area).type("123456789").send().dialled().number()).isEqualTo("123456789");
        assertThat(Dialing.offHook(area.keyAsSend(KeyAsSend.NONE)).type("*721234").send().dialled().number())
                .isEqualTo("*721234");
    }

    @Test
    @DisplayName("E36: a maximum length not larger than the minimum is refused (L8478-8480)")
    void e36Invalid() {
        assertThatThrownBy(() -> DialPlan.compile(DialPlanSettings.builder()
                .areaCode(new AreaCodeSettings("0592", 8, 8, "")).build()))
                .isInstanceOfSatisfying(DialPlanException.class,
                        e -> assertThat(e.setting()).isEqualTo("dialplan.area_code.max_len"));
    }

    @Test
    @DisplayName("E37: block-out 1900 on line 1 refuses 1900 on line 1, not on line 2 (L8520-8569)")
    void e37() {
        DialPlanSettings settings = DialPlanSettings.builder()
                .blockOut(List.of(new BlockOutSettings("1900", "1"))).build();
        Decision line1 = Dialing.start(settings, 1, false, Dialer.Start.OFF_HOOK).type("1900").send().last();
        assertThat(line1).isInstanceOfSatisfying(Block.class, block -> {
            assertThat(block.by()).isEqualTo(Blocker.BLOCK_OUT);
            assertThat(block.rule()).contains("dialplan.block_out.number.1");
        });
        assertThat(Dialing.start(settings, 2, false, Dialer.Start.OFF_HOOK).type("1900").send().last())
                .isInstanceOf(Dial.class);
    }

    @Test
    @DisplayName("A block-out number also refuses what a replace rule would turn into it")
    void blockOutAfterRewriting() {
        DialPlanSettings settings = DialPlanSettings.builder()
                .replaceRules(List.of(new ReplaceRuleSettings("7", "1900", "")))
                .blockOut(List.of(new BlockOutSettings("1900", ""))).build();
        assertThat(Dialing.offHook(settings).type("7").send().last()).isInstanceOfSatisfying(Block.class,
                block -> assertThat(block.number()).isEqualTo("1900"));
    }

    @Test
    @DisplayName("E49: features.redial_tone=125 keeps the dial tone after 125 (L10001-10028)")
    void e49RedialTone() {
        Dialing dialing = Dialing.offHook(DialPlanSettings.builder().redialTone("125")).type("12");
        assertThat(dialing.last()).isEqualTo(new Collect("12", Tone.NONE, MapState.NO_MAP));
        dialing.type("5");
        assertThat(dialing.last()).isEqualTo(new Collect("125", Tone.DIAL, MapState.NO_MAP));
        dialing.type("0");
        assertThat(dialing.last()).isEqualTo(new Collect("1250", Tone.NONE, MapState.NO_MAP));
        assertThat(Dialing.offHook(DialPlanSettings.builder()).type("125").last())
                .isEqualTo(new Collect("125", Tone.NONE, MapState.NO_MAP));
    }

    @Test
    @DisplayName("features.send_pound_key: # pressed twice enters ##; a single # still sends (L9836-9853)")
    void sendPoundKey() {
        DialPlanSettings.Builder twice = DialPlanSettings.builder().sendPoundKey(true);
        Dialing dialing = Dialing.offHook(twice).type("12##");
        assertThat(dialing.last()).isEqualTo(new Collect("12##", Tone.NONE, MapState.NO_MAP));
        dialing.type("3#").waitSeconds(10);
        assertThat(dialing.dialled().number()).isEqualTo("12##3");
        assertThat(dialing.dialled().trigger()).isEqualTo(Trigger.SEND);
        assertThat(dialing.finalAtMillis()).isEqualTo(Dialer.SECOND_POUND_WINDOW.toMillis());

        Dialing off = Dialing.offHook(DialPlanSettings.builder()).type("12#");
        assertThat(off.dialled().number()).isEqualTo("12");

        Dialing alone = Dialing.offHook(twice).type("##").send();
        assertThat(alone.dialled().number()).as("## on its own, for services such as voice mail").isEqualTo("##");
        Dialing changedMind = Dialing.offHook(twice).type("12#3").waitSeconds(10);
        assertThat(changedMind.dialled().number()).as("the 3 came after a Send").isEqualTo("12");
        assertThat(changedMind.finalAtMillis()).isZero();
    }

    @Test
    @DisplayName("E54: the emergency numbers default to 112,911,110 (L11113-11129; ALE L3078-3087)")
    void e54() {
        assertThat(DialPlanSettings.defaults().emergencyNumbers()).isEqualTo("112,911,110");
    }

    @Test
    @DisplayName("Yealink hotline: features.hotline_number with features.hotline_delay=4 dials after 4 s (L9559-9588)")
    void hotline() {
        Dialing dialing = Dialing.offHook(DialPlanSettings.builder().hotline(new DialPlanSettings.HotlineSettings("8000", 4)))
                .waitSeconds(10);
        assertThat(dialing.dialled().number()).isEqualTo("8000");
        assertThat(dialing.finalAtMillis()).isEqualTo(4000);
    }

    @Test
    @DisplayName("phone_setting.predial_autodial: on hook, keys wait for Send or the handset unless Live Dialpad is on (L10651-10669)")
    void liveDialpad() {
        DialPlanSettings.Builder settings = DialPlanSettings.builder().digitMap(DigitMap.ALE_DEFAULT, 3);
        Dialing predial = Dialing.start(settings.build(), 1, false, Dialer.Start.PRE_DIAL).type("911").waitSeconds(60);
        assertThat(predial.last()).isEqualTo(new Collect("911", Tone.NONE, MapState.COMPLETE));
        predial.dialer.offHook();
        assertThat(predial.dialled().number()).isEqualTo("911");
        assertThat(predial.dialled().trigger()).isEqualTo(Trigger.SEND);

        Dialing live = Dialing.start(settings.liveDialpad(true).build(), 1, false, Dialer.Start.PRE_DIAL).type("911");
        assertThat(live.dialled().trigger()).isEqualTo(Trigger.DIGIT_MAP);
    }
}
