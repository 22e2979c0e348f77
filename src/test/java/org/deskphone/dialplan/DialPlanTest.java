package org.deskphone.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.deskphone.dialplan.Decision.Block;
import org.deskphone.dialplan.Decision.Blocker;
import org.deskphone.dialplan.Decision.Collect;
import org.deskphone.dialplan.Decision.Dial;
import org.deskphone.dialplan.Decision.MapState;
import org.deskphone.dialplan.Decision.NoMatch;
import org.deskphone.dialplan.Decision.Trigger;
import org.deskphone.dialplan.DialPlanSettings.AccountSettings;
import org.deskphone.dialplan.DialPlanSettings.BlockOutSettings;
import org.deskphone.dialplan.DialPlanSettings.DialingRuleSettings;
import org.deskphone.dialplan.DialPlanSettings.DigitMapSettings;
import org.deskphone.dialplan.DialPlanSettings.ReplaceRuleSettings;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DialPlanTest {

    @Test
    @DisplayName("a configuration carrying an invalid map keeps the previous valid plan and says why")
    void invalidConfigurationKeepsThePreviousPlan() {
        DialPlan before = AleDialPlanExamplesTest.compile(DialPlanSettings.builder().digitMap("9xxx", 3));
        DialPlanSettings bad = DialPlanSettings.builder().digitMap("9xxx;[3-x]", 3).build();

        DialPlan.Update update = DialPlan.update(before, bad);
        assertThat(update.accepted()).isFalse();
        assertThat(update.plan()).isSameAs(before);
        assertThat(update.refused().setting()).isEqualTo("DigitMap");
        assertThat(update.refused().offset()).isEqualTo(8);
        assertThat(update.refused().getMessage()).isEqualTo(
                "DigitMap: a range needs two concrete digits (0-9), as in [5-7] at position 9 in \"9xxx;[3-x]\"");

        DialPlan.Update good = DialPlan.update(before, DialPlanSettings.builder().digitMap("8xxx", 3).build());
        assertThat(good.accepted()).isTrue();
        assertThat(good.plan().settings().digitMap().map()).isEqualTo("8xxx");
    }

    @Test
    void everyRuleNamesItsSettingWhenRefused() {
        assertRefused(DialPlanSettings.builder().account(2, account("[9", null, DialingRuleSettings.DEFAULTS)),
                "Account2DigitMap");
        assertRefused(DialPlanSettings.builder().replaceRules(List.of(new ReplaceRuleSettings("2(xx", "1", ""))),
                "replace rule 1 Prefix");
        assertRefused(DialPlanSettings.builder().replaceRules(List.of(new ReplaceRuleSettings("2(xx)", "0$2", ""))),
                "replace rule 1 Replace");
        assertRefused(DialPlanSettings.builder().replaceRules(List.of(new ReplaceRuleSettings("2", "0", "1,a"))),
                "replace rule 1 LineID");
        assertRefused(DialPlanSettings.builder().dialNowRules(List.of(new DialPlanSettings.DialNowSettings("1)", ""))),
                "dial-now rule 1");
        assertRefused(DialPlanSettings.builder().blockOut(List.of(new BlockOutSettings("", ""), new BlockOutSettings("19?", ""))),
                "dialplan.block_out.number.2");
        assertRefused(DialPlanSettings.builder().emergencyNumbers("112,9-1-1"), "emergency numbers");
        assertRefused(DialPlanSettings.builder().account(1, account("", null,
                new DialingRuleSettings("XX", "", "", 0, "", Set.of()))), "Account1DialingRuleCountryCode");
        assertRefused(DialPlanSettings.builder().digitMap(new DigitMapSettings(false, "x", -1, Set.of())), "DigitMapTimer");
    }

    private static void assertRefused(DialPlanSettings.Builder settings, String setting) {
        assertThatThrownBy(() -> DialPlan.compile(settings.build())).isInstanceOfSatisfying(DialPlanException.class,
                e -> assertThat(e.setting()).isEqualTo(setting));
    }

    private static AccountSettings account(String map, Integer timer, DialingRuleSettings rule) {
        return new AccountSettings(true, map, timer, DialPlanSettings.ALL_SOURCES, rule);
    }

    @Test
    @DisplayName("the account's own map and timer beat the phone's; an account can switch the map off (ALE digest A-11e)")
    void whichMapIsInForce() {
        DialPlanSettings.Builder settings = DialPlanSettings.builder().digitMap("xxxT", 3)
                .account(2, account("9xxT", 6, DialingRuleSettings.DEFAULTS))
                .account(3, account("", 8, DialingRuleSettings.DEFAULTS))
                .account(4, new AccountSettings(false, "", null, DialPlanSettings.ALL_SOURCES, DialingRuleSettings.DEFAULTS))
                .autoDialSeconds(0);
        Dialing one = Dialing.start(settings.build(), 1, false, Dialer.Start.OFF_HOOK).type("123").waitSeconds(20);
        assertThat(one.finalAtMillis()).isEqualTo(3000);
        Dialing two = Dialing.start(settings.build(), 2, false, Dialer.Start.OFF_HOOK).type("912").waitSeconds(20);
        assertThat(two.dialled().rule()).contains("Account2DigitMap").contains("9xxT");
        assertThat(two.finalAtMillis()).isEqualTo(6000);
        Dialing three = Dialing.start(settings.build(), 3, false, Dialer.Start.OFF_HOOK).type("123").waitSeconds(20);
        assertThat(three.finalAtMillis()).as("blank account timer falls back… here it is set: 8").isEqualTo(8000);
        Dialing four = Dialing.start(settings.build(), 4, false, Dialer.Start.OFF_HOOK).type("123").waitSeconds(20);
        assertThat(four.last()).isEqualTo(new Collect("123", Tone.NONE, MapState.NO_MAP));

        Dialing accountMapAlone = Dialing.start(DialPlanSettings.builder()
                .account(1, account("12", null, DialingRuleSettings.DEFAULTS)).build(), 1, false, Dialer.Start.OFF_HOOK)
                .type("12");
        assertThat(accountMapAlone.dialled().rule()).as("an account map applies without DigitMapEnable").contains("Account1DigitMap");
    }

    @Test
    @DisplayName("the In*Enable flags choose the sources a map applies to (L6311-6365)")
    void sourceFlags() {
        DialPlan plan = AleDialPlanExamplesTest.compile(DialPlanSettings.builder().digitMap(
                new DigitMapSettings(true, "R0RRx.T", 3, Set.of(Source.HISTORY, Source.MANUAL))));
        assertThat(((Dial) plan.resolve("0123", 1, Source.HISTORY)).number()).isEqualTo("123");
        assertThat(((Dial) plan.resolve("0123", 1, Source.DIRECTORY)).number()).isEqualTo("0123");
        assertThat(((Dial) plan.resolve("0123", 1, Source.FORWARD)).number()).isEqualTo("0123");
    }

    @Test
    @DisplayName("ALE dialing rule: internal numbers, service codes and exceptions stay; others get the prefix (A-9)")
    void dialingRule() {
        DialingRuleSettings rule = new DialingRuleSettings("FR", "", "0", 5, "112, 15;0800", DialPlanSettings.ALL_SOURCES);
        DialPlan plan = AleDialPlanExamplesTest.compile(DialPlanSettings.builder().account(1, account("", null, rule)));
        assertThat(number(plan, "4567")).as("extension").isEqualTo("4567");
        assertThat(number(plan, "0123456789")).as("national").isEqualTo("00123456789");
        assertThat(number(plan, "+33123456789")).as("own country").isEqualTo("00123456789");
        assertThat(number(plan, "+442079460000")).as("abroad").isEqualTo("000442079460000");
        assertThat(number(plan, "0800123456")).as("exception").isEqualTo("0800123456");
        assertThat(number(plan, "*72123456")).as("service code").isEqualTo("*72123456");
        assertThat(number(plan, "+999123456789")).as("unknown country code").isEqualTo("+999123456789");
    }

    @Test
    @DisplayName("ALE dialing rule: the own area code is dropped when AreaCode is set (A-9)")
    void dialingRuleArea() {
        DialPlan us = AleDialPlanExamplesTest.compile(DialPlanSettings.builder().account(1, account("", null,
                new DialingRuleSettings("us", "212", "9", 7, "", DialPlanSettings.ALL_SOURCES))));
        assertThat(number(us, "+12125551234")).isEqualTo("95551234");
        assertThat(number(us, "+13105551234")).isEqualTo("913105551234");
        assertThat(number(us, "+442079460000")).isEqualTo("9011442079460000");
        DialPlan berlin = AleDialPlanExamplesTest.compile(DialPlanSettings.builder().account(1, account("", null,
                new DialingRuleSettings("DE", "30", "0", 6, "", DialPlanSettings.ALL_SOURCES))));
        assertThat(number(berlin, "+49301234567")).isEqualTo("01234567");
        assertThat(number(berlin, "+49891234567")).isEqualTo("00891234567");
    }

    @Test
    @DisplayName("ALE dialing rule flags: by default only numbers from contacts get it (L6126-6197)")
    void dialingRuleFlags() {
        DialPlan plan = AleDialPlanExamplesTest.compile(DialPlanSettings.builder().account(1, account("", null,
                new DialingRuleSettings("FR", "", "0", 5, "", DialingRuleSettings.DEFAULTS.appliesTo()))));
        assertThat(((Dial) plan.resolve("0123456789", 1, Source.DIRECTORY)).number()).isEqualTo("00123456789");
        assertThat(((Dial) plan.resolve("0123456789", 1, Source.HISTORY)).number()).isEqualTo("0123456789");
        assertThat(((Dial) plan.resolve("0123456789", 1, Source.MANUAL)).number()).isEqualTo("0123456789");
        assertThat(((Dial) plan.resolve("0123456789", 2, Source.DIRECTORY)).number()).as("other account").isEqualTo("0123456789");
    }

    private static String number(DialPlan plan, String number) {
        return ((Dial) plan.resolve(number, 1, Source.DIRECTORY)).number();
    }

    @Test
    @DisplayName("ALE E-49: a locked phone dials 112, 911, 110 and blocks 1234 (L3074, L3078-3087)")
    void lockedPhone() {
        DialPlanSettings settings = DialPlanSettings.defaults();
        for (String emergency : List.of("112", "911", "110")) {
            Dialing dialing = Dialing.start(settings, 1, true, Dialer.Start.OFF_HOOK).type(emergency);
            assertThat(dialing.dialled().number()).isEqualTo(emergency);
            assertThat(dialing.dialled().trigger()).isEqualTo(Trigger.EMERGENCY);
        }
        Dialing other = Dialing.start(settings, 1, true, Dialer.Start.OFF_HOOK).type("12");
        assertThat(other.last()).isInstanceOfSatisfying(Block.class, block -> assertThat(block.by()).isEqualTo(Blocker.LOCKED));
        Dialing partial = Dialing.start(settings, 1, true, Dialer.Start.OFF_HOOK).type("11").send();
        assertThat(partial.last()).isInstanceOf(Block.class);
        Dialing hotline = Dialing.start(settings.toBuilder().hotline(new DialPlanSettings.HotlineSettings("1000", 0)).build(),
                1, true, Dialer.Start.OFF_HOOK);
        assertThat(hotline.dialled().number()).as("a locked lobby phone keeps its hotline").isEqualTo("1000");
    }

    @Test
    @DisplayName("emergency numbers are never refused: not by block-out, a '!' string, nor REFUSE")
    void emergencyNumbersAreAlwaysAllowed() {
        DialPlanSettings settings = DialPlanSettings.builder().digitMap("1x!;[2-8]xxx", 3)
                .impossibleMatch(ImpossibleMatch.REFUSE)
                .blockOut(List.of(new BlockOutSettings("9.", ""))).build();
        Dialing e112 = Dialing.offHook(settings).type("11");
        assertThat(e112.last().isFinal()).as("11 may still become 112").isFalse();
        e112.type("2");
        assertThat(e112.last()).isInstanceOf(Collect.class);
        e112.send();
        assertThat(e112.dialled().number()).isEqualTo("112");
        assertThat(e112.dialled().rule()).startsWith("emergency number");
        assertThat(Dialing.offHook(settings).type("113").last()).as("113 is no emergency number").isInstanceOf(Block.class);
        assertThat(Dialing.offHook(settings).type("911").send().dialled().number()).isEqualTo("911");
        assertThat(Dialing.offHook(settings).type("912").last()).isInstanceOf(NoMatch.class);
        assertThat(AleDialPlanExamplesTest.compile(settings.toBuilder()).resolve("911", 1, Source.HISTORY)).isInstanceOf(Dial.class);
    }

    @Test
    @DisplayName("the earliest rule ends the dialling; on a tie: blocking string, dialling string, dial-now, auto-dial")
    void earliestRuleWinsAndTiesHaveAnOrder() {
        DialPlanSettings.Builder settings = DialPlanSettings.builder()
                .dialNowRules(List.of(new DialPlanSettings.DialNowSettings("1234", "")))
                .dialNowDelaySeconds(2).autoDialSeconds(2);
        Dialing dialNowBeatsAutoDial = Dialing.offHook(settings).type("1234").waitSeconds(10);
        assertThat(dialNowBeatsAutoDial.dialled().trigger()).isEqualTo(Trigger.DIAL_NOW);
        assertThat(dialNowBeatsAutoDial.finalAtMillis()).isEqualTo(2000);

        Dialing mapBeatsDialNow = Dialing.offHook(settings.digitMap("1234T2", 3)).type("1234").waitSeconds(10);
        assertThat(mapBeatsDialNow.dialled().trigger()).isEqualTo(Trigger.DIGIT_MAP);
        assertThat(mapBeatsDialNow.finalAtMillis()).isEqualTo(2000);

        Dialing blockBeatsMap = Dialing.offHook(settings.digitMap("1234T2;12xxT2!", 3)).type("1234").waitSeconds(10);
        assertThat(blockBeatsMap.last()).isInstanceOf(Block.class);
        assertThat(blockBeatsMap.finalAtMillis()).isEqualTo(2000);

        Dialing earlierWins = Dialing.offHook(settings.digitMap("1234T9", 3)).type("1234").waitSeconds(10);
        assertThat(earlierWins.dialled().trigger()).isEqualTo(Trigger.DIAL_NOW);
        assertThat(earlierWins.dialled().rule()).contains("dial-now rule 1234").contains("1234T9");
    }

    @Test
    @DisplayName("ImpossibleMatch.REFUSE refuses at the key that makes a match impossible")
    void refuseImpossible() {
        Dialing dialing = Dialing.offHook(DialPlanSettings.builder().digitMap(DigitMap.ALE_DEFAULT, 3)
                .impossibleMatch(ImpossibleMatch.REFUSE)).type("1");
        assertThat(dialing.last()).as("1 may still become 112").isEqualTo(new Collect("1", Tone.NONE, MapState.IMPOSSIBLE));
        dialing.type("2");
        assertThat(dialing.last()).isEqualTo(new NoMatch("12", 1));
        assertThat(dialing.dialer.key('3')).isEqualTo(new NoMatch("12", 1));
    }

    @Test
    void deleteTakesBackAKeyAndRestartsTheTimers() {
        Dialing dialing = Dialing.offHook(DialPlanSettings.builder().digitMap("235x!;x.T", 3)).type("235");
        dialing.dialer.delete();
        assertThat(dialing.last()).isEqualTo(new Collect("23", Tone.NONE, MapState.COMPLETE));
        dialing.type("41").waitSeconds(10);
        assertThat(dialing.dialled().number()).isEqualTo("2341");
        Dialing empty = Dialing.offHook(DialPlanSettings.builder()).type("1");
        empty.dialer.delete();
        assertThat(empty.last()).isEqualTo(new Collect("", Tone.DIAL, MapState.NO_MAP));
        empty.waitSeconds(30);
        assertThat(empty.last().isFinal()).isFalse();
    }

    @Test
    void liftingTheHandsetAfterNothingWasTypedStartsAnOffHookDialling() {
        Dialing dialing = Dialing.start(DialPlanSettings.builder().hotline(new DialPlanSettings.HotlineSettings("1000", 2))
                .build(), 1, false, Dialer.Start.PRE_DIAL);
        assertThat(dialing.last()).isEqualTo(new Collect("", Tone.NONE, MapState.NO_MAP));
        dialing.dialer.offHook();
        assertThat(dialing.last()).isEqualTo(new Collect("", Tone.DIAL, MapState.NO_MAP));
        dialing.waitSeconds(5);
        assertThat(dialing.dialled().trigger()).isEqualTo(Trigger.HOTLINE);
        assertThat(dialing.finalAtMillis()).isEqualTo(2000);
    }

    @Test
    void cancelStopsEverything() {
        Dialing dialing = Dialing.offHook(DialPlanSettings.builder()).type("12");
        dialing.dialer.cancel();
        dialing.type("3").send().waitSeconds(30);
        assertThat(dialing.last()).isEqualTo(new Collect("12", Tone.NONE, MapState.NO_MAP));
        assertThat(dialing.loop.pendingTimers()).isZero();
    }

    @Test
    void sendOnAnEmptyNumberDoesNothing() {
        Dialing dialing = Dialing.offHook(DialPlanSettings.builder()).send().type("#");
        assertThat(dialing.last()).isEqualTo(new Collect("", Tone.DIAL, MapState.NO_MAP));
    }

    @Test
    void completeNumbersThatAreNotDialStringsPassThrough() {
        DialPlan plan = DialPlan.defaults();
        assertThat(plan.resolve("alice@example.com", 1, Source.DIRECTORY)).isInstanceOfSatisfying(Dial.class,
                dial -> assertThat(dial.number()).isEqualTo("alice@example.com"));
        assertThat(plan.resolve(" ", 1, Source.DIRECTORY)).isInstanceOf(NoMatch.class);
        assertThat(plan.resolve("1".repeat(65), 1, Source.DIRECTORY)).isInstanceOf(NoMatch.class);
    }

    @Test
    @DisplayName("D-32: FeatureRingBackTimeout=60 cancels a call unanswered for 60 s; an answer stops it (L6584-6596)")
    void d32() {
        VirtualClock clock = new VirtualClock(Instant.EPOCH);
        PhoneLoop loop = new PhoneLoop(clock);
        AtomicInteger cancelled = new AtomicInteger();
        DialPlan plan = DialPlan.defaults();
        assertThat(plan.settings().ringBackTimeoutSeconds()).isEqualTo(60);
        RingbackTimeout.start(loop, plan, cancelled::incrementAndGet);
        loop.advance(Duration.ofMillis(59_999));
        assertThat(cancelled).hasValue(0);
        loop.advance(Duration.ofMillis(1));
        assertThat(cancelled).hasValue(1);

        RingbackTimeout answered = RingbackTimeout.start(loop, plan, cancelled::incrementAndGet);
        loop.advance(Duration.ofSeconds(30));
        answered.stop();
        loop.advance(Duration.ofSeconds(60));
        assertThat(cancelled).hasValue(1);
    }
}
