package org.deskphone.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.deskphone.dialplan.Decision.Block;
import org.deskphone.dialplan.Decision.Blocker;
import org.deskphone.dialplan.Decision.Collect;
import org.deskphone.dialplan.Decision.Dial;
import org.deskphone.dialplan.Decision.MapState;
import org.deskphone.dialplan.Decision.Trigger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dial-plan examples of the ALE manual, D-01 to D-32 of the ALE digest §10.4, through the dialler
 * with the virtual clock. Seed lines are those of {@code ../shared/seeds/004_bd31c2179489e0df.txt}.
 */
class AleDialPlanExamplesTest {

    private static DialPlanSettings.Builder map(String map) {
        return DialPlanSettings.builder().digitMap(map, 3);
    }

    private static DialPlanSettings.Builder defaultMap() {
        return map(DigitMap.ALE_DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "1233", "12333", "123333"})
    @DisplayName("D-01: 123.T matches 123, 1233, 12333… complete when the timer runs out (L6213)")
    void d01(String typed) {
        Dialing dialing = Dialing.offHook(map("123.T")).type(typed);
        assertThat(dialing.last()).isEqualTo(new Collect(typed, Tone.NONE, MapState.COMPLETE));
        dialing.waitSeconds(10);
        assertThat(dialing.dialled().number()).isEqualTo(typed);
        assertThat(dialing.dialled().trigger()).isEqualTo(Trigger.DIGIT_MAP);
        assertThat(dialing.finalAtMillis()).isEqualTo(3000);
    }

    @Test
    @DisplayName("D-02: 123.T does not match 1234: '.' repeats only the 3 (L6210-6213)")
    void d02() {
        Dialing dialing = Dialing.offHook(map("123.T")).type("1234");
        assertThat(dialing.last()).isEqualTo(new Collect("1234", Tone.NONE, MapState.IMPOSSIBLE));
        dialing.waitSeconds(10);
        // No string matched: the auto-dial timer (5 s) dials it as typed (ImpossibleMatch.DIAL_AS_TYPED).
        assertThat(dialing.dialled().trigger()).isEqualTo(Trigger.AUTO_DIAL);
        assertThat(dialing.dialled().rule()).contains("no digit-map string matched");
        assertThat(dialing.finalAtMillis()).isEqualTo(5000);
    }

    @Test
    @DisplayName("D-03: x.T matches any number, after the timer (L6214)")
    void d03() {
        Dialing dialing = Dialing.offHook(map("x.T")).type("5551234").waitSeconds(10);
        assertThat(dialing.dialled().number()).isEqualTo("5551234");
        assertThat(dialing.finalAtMillis()).isEqualTo(3000);
    }

    @Test
    @DisplayName("D-04: [x*#+].T matches any string of digits, *, # and + (L6215)")
    void d04() {
        Dialing dialing = Dialing.offHook(map("[x*#+].T").keyAsSend(KeyAsSend.NONE)).type("*72#+1").waitSeconds(10);
        assertThat(dialing.dialled().number()).isEqualTo("*72#+1");
        assertThat(dialing.finalAtMillis()).isEqualTo(3000);
    }

    @Test
    @DisplayName("D-05: 123. matches as soon as 123 is typed, the dot allowing zero repeats (L6216-6218)")
    void d05() {
        Dialing dialing = Dialing.offHook(map("123.")).type("12");
        assertThat(dialing.last().isFinal()).isFalse();
        dialing.type("3");
        assertThat(dialing.dialled().number()).isEqualTo("123");
        assertThat(dialing.finalAtMillis()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"121", "122", "123"})
    @DisplayName("D-06: 12x matches 121, 122, 123 at once (L6225)")
    void d06(String typed) {
        assertThat(Dialing.offHook(map("12x")).type(typed).dialled().number()).isEqualTo(typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "5", "6", "7"})
    @DisplayName("D-07: [35-7] matches 3, 5, 6, 7 (L6231)")
    void d07(String typed) {
        assertThat(Dialing.offHook(map("[35-7]")).type(typed).dialled().number()).isEqualTo(typed);
    }

    @Test
    @DisplayName("D-07: [35-7] does not match 4 (L6231)")
    void d07NoMatch() {
        assertThat(Dialing.offHook(map("[35-7]")).type("4").last())
                .isEqualTo(new Collect("4", Tone.NONE, MapState.IMPOSSIBLE));
    }

    @Test
    @DisplayName("D-08: [3-x] is invalid, refused with the position of the x (L6232)")
    void d08() {
        assertThatThrownBy(() -> DigitMap.parse("[3-x]"))
                .isInstanceOfSatisfying(DialPlanException.class, e -> {
                    assertThat(e.offset()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("concrete digits").contains("position 4");
                });
        assertThatThrownBy(() -> DialPlan.compile(map("[3-x]").build()))
                .isInstanceOfSatisfying(DialPlanException.class, e -> assertThat(e.setting()).isEqualTo("DigitMap"));
    }

    @Test
    @DisplayName("D-09: '9, xx' plays the secondary dial tone after 9, then dials 912 (L6236-6237)")
    void d09() {
        Dialing dialing = Dialing.offHook(map("9, xx"));
        assertThat(dialing.last()).isEqualTo(new Collect("", Tone.DIAL, MapState.PARTIAL));
        dialing.type("9");
        assertThat(dialing.last()).isEqualTo(new Collect("9", Tone.SECONDARY_DIAL, MapState.PARTIAL));
        dialing.type("1");
        assertThat(dialing.last()).isEqualTo(new Collect("91", Tone.NONE, MapState.PARTIAL));
        dialing.type("2");
        assertThat(dialing.dialled().number()).isEqualTo("912");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9151234", "9161234", "9171234"})
    @DisplayName("D-10: 91[5-7]1234 matches 9151234, 9161234, 9171234 (L6244)")
    void d10(String typed) {
        assertThat(Dialing.offHook(map("91[5-7]1234")).type(typed).dialled().number()).isEqualTo(typed);
    }

    @Test
    @DisplayName("D-10: 91[5-7]1234 does not match 9141234 (L6244)")
    void d10NoMatch() {
        Dialing dialing = Dialing.offHook(map("91[5-7]1234")).type("914");
        assertThat(((Collect) dialing.last()).map()).isEqualTo(MapState.IMPOSSIBLE);
    }

    @Test
    @DisplayName("D-11: 123T with DigitMapTimer=3 dials 3 s after the 3 (L6248-6249, L6300-6309)")
    void d11() {
        Dialing dialing = Dialing.offHook(map("123T")).type("123").waitMillis(2999);
        assertThat(dialing.last().isFinal()).isFalse();
        dialing.waitMillis(1);
        assertThat(dialing.dialled().number()).isEqualTo("123");
        assertThat(dialing.finalAtMillis()).isEqualTo(3000);
    }

    @Test
    @DisplayName("D-11: the bare T follows DigitMapTimer (here 7)")
    void d11OtherTimer() {
        Dialing dialing = Dialing.offHook(DialPlanSettings.builder().digitMap("123T", 7).autoDialSeconds(0))
                .type("123").waitSeconds(20);
        assertThat(dialing.finalAtMillis()).isEqualTo(7000);
    }

    @Test
    @DisplayName("D-12: 123T5 dials 5 s after the 3 (L6249-6251)")
    void d12() {
        Dialing dialing = Dialing.offHook(map("123T5").autoDialSeconds(0)).type("123").waitMillis(4999);
        assertThat(dialing.last().isFinal()).isFalse();
        dialing.waitMillis(1);
        assertThat(dialing.dialled().number()).isEqualTo("123");
        assertThat(dialing.finalAtMillis()).isEqualTo(5000);
    }

    @Test
    @DisplayName("D-13: 123 dials at once (L6251-6252)")
    void d13() {
        Dialing dialing = Dialing.offHook(map("123")).type("123");
        assertThat(dialing.dialled().number()).isEqualTo("123");
        assertThat(dialing.finalAtMillis()).isZero();
    }

    @Test
    @DisplayName("D-14: R12R234R replaces 12 with 234 (L6256-6260)")
    void d14() {
        Decision.Dial dial = Dialing.offHook(map("R12R234R")).type("12").dialled();
        assertThat(dial.number()).isEqualTo("234");
        assertThat(dial.typed()).isEqualTo("12");
    }

    @Test
    @DisplayName("D-15: R9R0Rxxxxxxx dials 95551234 as 05551234 (L6256-6260)")
    void d15() {
        assertThat(Dialing.offHook(map("R9R0Rxxxxxxx")).type("95551234").dialled().number()).isEqualTo("05551234");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2351", "2352", "2353"})
    @DisplayName("D-16: 235x! blocks 2351, 2352, 2353 (L6264-6268)")
    void d16(String typed) {
        Decision last = Dialing.offHook(map("235x!")).type(typed).last();
        assertThat(last).isInstanceOfSatisfying(Block.class, block -> {
            assertThat(block.by()).isEqualTo(Blocker.DIGIT_MAP);
            assertThat(block.rule()).contains("235x!");
        });
    }

    @Test
    @DisplayName("D-16: a number starting with 235x is blocked as a complete number too (L6267-6268)")
    void d16CompleteNumber() {
        DialPlan plan = compile(map("x.T;235x!"));
        assertThat(plan.resolve("23519999", 1, Source.DIRECTORY)).isInstanceOf(Block.class);
        assertThat(plan.resolve("2349999", 1, Source.DIRECTORY)).isInstanceOf(Dial.class);
    }

    @Test
    @DisplayName("D-17: default map, 911 dials at once by [2-9]11 (L6299)")
    void d17() {
        Dialing dialing = Dialing.offHook(defaultMap()).type("911");
        assertThat(dialing.dialled().number()).isEqualTo("911");
        assertThat(dialing.dialled().rule()).contains("[2-9]11");
        assertThat(dialing.finalAtMillis()).isZero();
    }

    @Test
    @DisplayName("D-18: default map, 0 then silence dials after 3 s by 0T (L6299)")
    void d18() {
        Dialing dialing = Dialing.offHook(defaultMap()).type("0").waitSeconds(10);
        assertThat(dialing.dialled().number()).isEqualTo("0");
        assertThat(dialing.dialled().rule()).contains("\"0T\"");
        assertThat(dialing.finalAtMillis()).isEqualTo(3000);
    }

    @Test
    @DisplayName("D-19: default map, 02125551234 dials on the 11th digit by 0[2-9]xxxxxxxxx (L6299)")
    void d19() {
        Dialing dialing = Dialing.offHook(defaultMap()).type("0212555123");
        assertThat(dialing.last().isFinal()).isFalse();
        dialing.type("4");
        assertThat(dialing.dialled().rule()).contains("0[2-9]xxxxxxxxx");
        assertThat(dialing.finalAtMillis()).isZero();
    }

    @Test
    @DisplayName("D-20: default map, 2125551234 dials on the 10th digit (L6299)")
    void d20() {
        Dialing dialing = Dialing.offHook(defaultMap()).type("212555123");
        assertThat(dialing.last().isFinal()).isFalse();
        dialing.type("4");
        assertThat(dialing.dialled().number()).isEqualTo("2125551234");
        assertThat(dialing.dialled().rule()).contains("[2-9]xxxxxxxxx");
    }

    @Test
    @DisplayName("D-21: default map, 2345 then silence dials after 3 s by [2-9]xxxT (L6299)")
    void d21() {
        Dialing dialing = Dialing.offHook(defaultMap()).type("2345").waitSeconds(10);
        assertThat(dialing.dialled().rule()).contains("[2-9]xxxT");
        assertThat(dialing.finalAtMillis()).isEqualTo(3000);
    }

    @Test
    @DisplayName("D-22: default map, +011447911123456 then silence dials after the timer (L6299)")
    void d22() {
        Dialing dialing = Dialing.offHook(defaultMap()).type("+011447911123456").waitSeconds(10);
        assertThat(dialing.dialled().number()).isEqualTo("+011447911123456");
        assertThat(dialing.dialled().rule()).contains("+011xxx.T");
        assertThat(dialing.finalAtMillis()).isEqualTo(3000);
    }

    @Test
    @DisplayName("D-23: default map, +1212555123 (9 digits after +1) dials at once: the default's +1 string has 8 x (L6299, A-10)")
    void d23() {
        Dialing dialing = Dialing.offHook(defaultMap()).type("+1212555123");
        assertThat(dialing.dialled().rule()).contains("+1[2-9]xxxxxxxx");
        assertThat(dialing.finalAtMillis()).isZero();
        assertThat(DigitMap.ALE_DEFAULT)
                .isEqualTo("[2-9]11;0T;+011xxx.T;0[2-9]xxxxxxxxx;+1[2-9]xxxxxxxx;[2-9]xxxxxxxxx;[2-9]xxxT");
    }

    @Test
    @DisplayName("D-24: with DigitMapEnable=true the digit map is used instead of the dialing rule (L6278-6280)")
    void d24() {
        DialPlanSettings.AccountSettings withRule = new DialPlanSettings.AccountSettings(true, "", null,
                DialPlanSettings.ALL_SOURCES, new DialPlanSettings.DialingRuleSettings("US", "", "9", 5, "",
                        DialPlanSettings.ALL_SOURCES));
        DialPlanSettings.Builder ruleOnly = DialPlanSettings.builder().account(1, withRule);
        assertThat(Dialing.offHook(ruleOnly).type("5551234").send().dialled().number()).isEqualTo("95551234");

        DialPlanSettings.Builder both = ruleOnly.digitMap("x.T", 3);
        Decision.Dial dial = Dialing.offHook(both).type("5551234").send().dialled();
        assertThat(dial.number()).isEqualTo("5551234");
        assertThat(dial.rule()).contains("x.T").doesNotContain("dialing rule");
    }

    @Test
    @DisplayName("D-25: DigitMapInManualEnable=true: off hook, 911 then Send is matched against the map (L6353-6365)")
    void d25() {
        // A map that rewrites 911 shows whether it was applied on Send.
        String map = "R9R0Rxx.T";
        Decision.Dial on = Dialing.offHook(map(map)).type("911").send().dialled();
        assertThat(on.number()).isEqualTo("011");
        assertThat(on.trigger()).isEqualTo(Trigger.SEND);

        DialPlanSettings.DigitMapSettings notManual = new DialPlanSettings.DigitMapSettings(true, map, 3,
                Set.of(Source.HISTORY, Source.DIRECTORY, Source.FORWARD));
        Decision.Dial off = Dialing.offHook(DialPlanSettings.builder().digitMap(notManual)).type("911").send().dialled();
        assertThat(off.number()).isEqualTo("911");

        // And with the default map, 911 is dialled before Send is pressed.
        assertThat(Dialing.offHook(defaultMap()).type("911").last()).isInstanceOf(Dial.class);
    }

    @Test
    @DisplayName("D-26: FeatureCallNumberFilter=,-() turns 10-1 into 101 (L6755-6763)")
    void d26() {
        assertThat(DialPlanSettings.defaults().numberFilter()).isEqualTo(",-()");
        assertThat(Dialing.offHook(DialPlanSettings.builder()).type("10-1").send().dialled().number()).isEqualTo("101");
        assertThat(DialPlan.defaults().resolve("10-1", 1, Source.DIRECTORY)).isInstanceOfSatisfying(Dial.class,
                dial -> assertThat(dial.number()).isEqualTo("101"));
    }

    @Test
    @DisplayName("D-27: the same filter turns (212)555-1234 into 2125551234 (L6755-6763)")
    void d27() {
        assertThat(Dialing.offHook(DialPlanSettings.builder()).type("(212)555-1234").send().dialled().number())
                .isEqualTo("2125551234");
        assertThat(DialPlan.defaults().resolve("(212) 555-1234", 1, Source.DIRECTORY)).isInstanceOfSatisfying(Dial.class,
                dial -> assertThat(dial.number()).isEqualTo("2125551234"));
    }

    @Test
    @DisplayName("D-28: hotline 1000 with delay 0 dials on off-hook (L6504-6512, L6528-6530)")
    void d28() {
        Dialing dialing = Dialing.offHook(DialPlanSettings.builder()
                .hotline(new DialPlanSettings.HotlineSettings("1000", 0)));
        assertThat(dialing.dialled()).isEqualTo(new Dial("1000", 1, "", Trigger.HOTLINE, "hotline"));
        assertThat(dialing.finalAtMillis()).isZero();
    }

    @Test
    @DisplayName("D-29: hotline 1000 with delay 5 dials after 5 s without a key; a key cancels it (L6504-6512)")
    void d29() {
        DialPlanSettings.Builder hotline = DialPlanSettings.builder().hotline(new DialPlanSettings.HotlineSettings("1000", 5));
        Dialing idle = Dialing.offHook(hotline).waitMillis(4999);
        assertThat(idle.last().isFinal()).isFalse();
        idle.waitMillis(1);
        assertThat(idle.dialled().number()).isEqualTo("1000");
        assertThat(idle.finalAtMillis()).isEqualTo(5000);

        Dialing typing = Dialing.offHook(hotline).waitSeconds(2).type("2").waitSeconds(30);
        assertThat(typing.dialled().number()).isEqualTo("2");
        assertThat(typing.dialled().trigger()).isEqualTo(Trigger.AUTO_DIAL);

        Dialing send = Dialing.offHook(hotline).waitSeconds(1).type("#").waitSeconds(30);
        assertThat(send.last().isFinal()).as("the Send key on an empty number is a key too").isFalse();

        Dialing predial = Dialing.start(hotline.build(), 1, false, Dialer.Start.PRE_DIAL).waitSeconds(30);
        assertThat(predial.last().isFinal()).as("the hotline needs the handset lifted").isFalse();
    }

    @Test
    @DisplayName("D-30: FeatureAutoDialOutTimer=5: 1234 dials 5 s after the last digit (L6599-6614)")
    void d30() {
        assertThat(DialPlanSettings.defaults().autoDialSeconds()).isEqualTo(5);
        Dialing dialing = Dialing.offHook(DialPlanSettings.builder()).type("12").waitSeconds(4).type("34").waitMillis(4999);
        assertThat(dialing.last().isFinal()).isFalse();
        dialing.waitMillis(1);
        assertThat(dialing.dialled().number()).isEqualTo("1234");
        assertThat(dialing.dialled().trigger()).isEqualTo(Trigger.AUTO_DIAL);
        assertThat(dialing.finalAtMillis()).isEqualTo(9000);
    }

    @Test
    @DisplayName("D-30: an auto-dial timer of 0 never dials on its own")
    void d30Off() {
        Dialing dialing = Dialing.offHook(DialPlanSettings.builder().autoDialSeconds(0)).type("1234").waitSeconds(60);
        assertThat(dialing.last()).isEqualTo(new Collect("1234", Tone.NONE, MapState.NO_MAP));
    }

    @Test
    @DisplayName("D-31: FeatureKeyAsSend=1: 1234# dials 1234 at once, # not dialled (L11498-11507)")
    void d31() {
        Dialing dialing = Dialing.offHook(DialPlanSettings.builder().keyAsSend(KeyAsSend.ofCode(1))).type("1234#");
        assertThat(dialing.dialled().number()).isEqualTo("1234");
        assertThat(dialing.dialled().trigger()).isEqualTo(Trigger.SEND);
        assertThat(dialing.finalAtMillis()).isZero();

        Dialing star = Dialing.offHook(DialPlanSettings.builder().keyAsSend(KeyAsSend.ofCode(2))).type("12#4*");
        assertThat(star.dialled().number()).isEqualTo("12#4");

        Dialing none = Dialing.offHook(DialPlanSettings.builder().keyAsSend(KeyAsSend.ofCode(0))).type("12#*");
        assertThat(none.last().isFinal()).isFalse();
    }

    static DialPlan compile(DialPlanSettings.Builder settings) {
        try {
            return DialPlan.compile(settings.build());
        } catch (DialPlanException e) {
            throw new AssertionError(e);
        }
    }
}
