package org.deskphone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.deskphone.call.CallState;
import org.deskphone.call.HistoryEntry;
import org.deskphone.call.Sound;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Key;
import org.deskphone.hal.Led;
import org.deskphone.hal.LedState;
import org.deskphone.media.tones.ToneKind;
import org.deskphone.sip.Call;
import org.junit.jupiter.api.Test;

/**
 * A person at the phone: handset, dial pad, feature keys and soft keys in; the LCD text, the LEDs and the
 * sounds out. SIP is played by the test ({@link FakeTelephony}); the end-to-end runs against Kamailio and
 * baresip are in {@code PhoneCallIT}.
 */
class CallScenarioTest {

    /** Lift the handset, dial, the far end rings and answers, hang up (ALE §7; dial tone ALE L6462-6467). */
    @Test
    void liftDialRingbackTalkHangUp() {
        PhoneRig rig = new PhoneRig();
        assertThat(rig.text()).startsWith("deskphone      09:58").contains("\u260E1001");
        assertThat(rig.led(Led.line(1))).isEqualTo(LedState.on(LedState.Color.GREEN));

        rig.lift();
        assertThat(rig.phone.status().state()).isEqualTo(CallState.DIAL_EMPTY);
        assertThat(rig.playing()).isEqualTo(Sound.tone(ToneKind.DIAL));
        assertThat(rig.text()).startsWith("Dial");

        rig.dial("1234");
        assertThat(rig.playing()).isEqualTo(Sound.SILENCE);
        assertThat(rig.text()).contains("1234_");
        rig.press(Key.Kind.OK);
        FakeTelephony.FakeLeg leg = rig.sip.last();
        assertThat(leg.remote.uri()).isEqualTo("sip:1234@127.0.0.1");
        assertThat(rig.text()).startsWith("Calling").contains("1234");

        leg.rings();
        assertThat(rig.playing()).isEqualTo(Sound.tone(ToneKind.RINGBACK));
        assertThat(rig.text()).startsWith("Ringing");

        leg.answers();
        assertThat(rig.playing()).isEqualTo(Sound.SILENCE);
        assertThat(rig.phone.status().state()).isEqualTo(CallState.CONVERSATION);
        rig.passes(Duration.ofSeconds(65));
        assertThat(rig.text()).startsWith("Talking         1:05").contains("PCMU/8000");
        assertThat(rig.softLabels()).containsExactly("Hold", "Xfer", "Conf", "End");

        rig.hangUp();
        assertThat(leg.state).isEqualTo(Call.State.ENDED);
        assertThat(rig.phone.status().state()).isEqualTo(CallState.IDLE);
        assertThat(rig.text()).startsWith("deskphone");
        assertThat(rig.phone.history().entries(HistoryEntry.Kind.PLACED)).extracting(HistoryEntry::number).containsExactly("1234");
    }

    /** The digit map decides alone when a number is complete (ALE DigitMapEnable L6273, the default map L6290: [2-9]11). */
    @Test
    void theDigitMapDialsACompleteNumberWithoutSend() {
        PhoneRig rig = PhoneRig.ale("<setting id=\"DigitMapEnable\" value=\"1\"/>");
        rig.lift();
        rig.dial("91");
        assertThat(rig.sip.legs).isEmpty();
        rig.dial("1");
        assertThat(rig.sip.legs).hasSize(1);
        assertThat(rig.sip.last().remote.user()).isEqualTo("911");
    }

    /** A Yealink replace rule (dialplan.item.X, L8593) rewrites the number before it goes out. */
    @Test
    void aReplaceRuleRewritesTheNumber() {
        PhoneRig rig = new PhoneRig(Geometry.text(20, 4), "dialplan.item.1 = 1,2(xx),002$1,0");
        rig.lift();
        rig.dial("234");
        rig.press(Key.Kind.OK);
        assertThat(rig.sip.last().remote.user()).isEqualTo("00234");
    }

    /** The pound key sends what was dialled (Yealink features.key_as_send, # by default). */
    @Test
    void thePoundKeySends() {
        PhoneRig rig = new PhoneRig();
        rig.lift();
        rig.dial("911#");
        assertThat(rig.sip.legs).hasSize(1);
        assertThat(rig.sip.last().remote.user()).isEqualTo("911");
    }

    @Test
    void theFarEndHangsUpAndTheScreenSaysSoUntilTheHandsetGoesDown() {
        PhoneRig rig = new PhoneRig();
        rig.lift();
        rig.dial("1234");
        rig.press(Key.Kind.OK);
        rig.sip.last().endsWith(486, "Busy Here");
        assertThat(rig.phone.status().state()).isEqualTo(CallState.CALL_FAILED);
        assertThat(rig.playing()).isEqualTo(Sound.tone(ToneKind.BUSY));
        rig.hangUp();
        assertThat(rig.phone.status().state()).isEqualTo(CallState.IDLE);
        assertThat(rig.playing()).isEqualTo(Sound.SILENCE);
    }

    /** A call rings with a ring tone, the line LED flashes; lifting the handset answers it. */
    @Test
    void anIncomingCallRingsAndTheHandsetAnswersIt() {
        PhoneRig rig = new PhoneRig();
        FakeTelephony.FakeLeg leg = rig.sip.arrive("Alice", "2000", Map.of());
        assertThat(rig.phone.status().state()).isEqualTo(CallState.RINGING);
        assertThat(rig.playing()).isInstanceOf(Sound.Ring.class);
        assertThat(rig.text()).contains("Incoming").contains("Alice").contains("2000");
        assertThat(rig.led(Led.line(1)).pattern()).isNotEqualTo(LedState.Pattern.ON).isNotEqualTo(LedState.Pattern.OFF);

        rig.lift();
        assertThat(leg.answeredByPhone).isTrue();
        assertThat(rig.playing()).isEqualTo(Sound.SILENCE);
        assertThat(rig.text()).startsWith("Talking");
        rig.hangUp();
        assertThat(leg.state).isEqualTo(Call.State.ENDED);
        assertThat(rig.phone.history().entries(HistoryEntry.Kind.RECEIVED)).hasSize(1);
    }

    /** Reject refuses with the normal refuse code (ALE L10287, Yealink L9118: 486 by default). */
    @Test
    void rejectRefusesWithTheNormalRefuseCode() {
        PhoneRig rig = new PhoneRig();
        FakeTelephony.FakeLeg leg = rig.sip.arrive("", "2000", Map.of());
        rig.soft("Rej");
        assertThat(leg.rejectedWith).isEqualTo(486);
        assertThat(rig.phone.status().state()).isEqualTo(CallState.IDLE);
    }

    /** A call nobody answers is a missed call: the idle screen counts it. */
    @Test
    void aCallTheCallerGivesUpOnIsMissed() {
        PhoneRig rig = new PhoneRig();
        rig.sip.arrive("", "2000", Map.of()).endsWith(487, "Request Terminated");
        assertThat(rig.phone.history().entries(HistoryEntry.Kind.MISSED)).hasSize(1);
        assertThat(rig.text()).contains("1 missed");
    }

    /** Hold and resume with the Hold key; the held call's line LED blinks. */
    @Test
    void holdAndResume() {
        PhoneRig rig = talkingTo("1234");
        FakeTelephony.FakeLeg leg = rig.sip.last();
        rig.press(Key.Kind.HOLD);
        assertThat(leg.onHold).isTrue();
        assertThat(rig.phone.status().state()).isEqualTo(CallState.HOLD);
        assertThat(rig.text()).contains("On hold");
        assertThat(rig.led(Led.line(1)).pattern()).isNotEqualTo(LedState.Pattern.ON);
        rig.soft("Res");
        assertThat(leg.onHold).isFalse();
        assertThat(rig.phone.status().state()).isEqualTo(CallState.CONVERSATION);
    }

    /** Mute: the microphone goes off for the call and the screen says so. */
    @Test
    void mute() {
        PhoneRig rig = talkingTo("1234");
        rig.press(Key.Kind.MUTE);
        assertThat(rig.sip.last().muted).isTrue();
        assertThat(rig.text()).contains("Muted");
        rig.press(Key.Kind.MUTE);
        assertThat(rig.sip.last().muted).isFalse();
    }

    /** Digits pressed in a call go out as DTMF. */
    @Test
    void digitsInACallAreDtmf() {
        PhoneRig rig = talkingTo("1234");
        rig.dial("5#");
        assertThat(rig.sip.last().sentDtmf).containsExactly("5", "#");
    }

    /** Blind transfer: Transfer, BXfr after the number... here: Transfer, dial, the Xfer key again. */
    @Test
    void blindTransferWithTheTransferKey() {
        PhoneRig rig = talkingTo("1234");
        FakeTelephony.FakeLeg first = rig.sip.last();
        rig.press(Key.Kind.TRANSFER);
        assertThat(first.onHold).isTrue();
        assertThat(rig.text()).startsWith("Transfer to");
        rig.dial("5678");
        rig.soft("BXfr");
        assertThat(first.transferredTo).isEqualTo("5678");
        first.endsWith(200, "transferred");
        assertThat(rig.phone.status().state()).isNotEqualTo(CallState.CONVERSATION);
    }

    /**
     * "Lift the handset, dial 1234, the far end answers, press Transfer, dial 5678, it answers, hang up": the
     * attended transfer on hook (ALE L8224, L8236; Yealink transfer.on_hook_trans_enable).
     */
    @Test
    void attendedTransferOnHangUp() {
        PhoneRig rig = talkingTo("1234");
        FakeTelephony.FakeLeg first = rig.sip.last();
        rig.press(Key.Kind.TRANSFER);
        rig.dial("5678");
        rig.press(Key.Kind.OK);
        FakeTelephony.FakeLeg second = rig.sip.last();
        assertThat(second.remote.user()).isEqualTo("5678");
        second.answers();
        rig.hangUp();
        assertThat(first.transferredOnto).isSameAs(second);
    }

    /** Attended transfer with the Transfer key once the consultation call answers. */
    @Test
    void attendedTransferWithTheKey() {
        PhoneRig rig = talkingTo("1234");
        FakeTelephony.FakeLeg first = rig.sip.last();
        rig.press(Key.Kind.TRANSFER);
        rig.dial("5678");
        rig.press(Key.Kind.OK);
        FakeTelephony.FakeLeg second = rig.sip.last();
        second.answers();
        rig.press(Key.Kind.TRANSFER);
        assertThat(first.transferredOnto).isSameAs(second);
    }

    /** Three-way conference: Conf, dial the third party, it answers, Conf again joins all three in the mixer. */
    @Test
    void threeWayConference() {
        PhoneRig rig = talkingTo("1234");
        FakeTelephony.FakeLeg first = rig.sip.last();
        rig.press(Key.Kind.CONFERENCE);
        assertThat(rig.text()).startsWith("Add party");
        rig.dial("5678");
        rig.press(Key.Kind.OK);
        FakeTelephony.FakeLeg second = rig.sip.last();
        second.answers();
        rig.press(Key.Kind.CONFERENCE);
        assertThat(rig.phone.status().state()).isEqualTo(CallState.CONF);
        assertThat(rig.sip.conferences).isNotEmpty();
        assertThat(rig.sip.conferences.get(rig.sip.conferences.size() - 1)).containsExactlyInAnyOrder(first, second);
        assertThat(first.onHold).isFalse();
        assertThat(second.onHold).isFalse();
        assertThat(rig.text()).contains("Conference");
        rig.hangUp();
        assertThat(first.state).isEqualTo(Call.State.ENDED);
        assertThat(second.state).isEqualTo(Call.State.ENDED);
    }

    /** Call waiting: a second call beside a talk waits with the call-waiting tone (ALE L6886-6888). */
    @Test
    void callWaiting() {
        PhoneRig rig = talkingTo("1234");
        FakeTelephony.FakeLeg first = rig.sip.last();
        FakeTelephony.FakeLeg second = rig.sip.arrive("Bob", "3000", Map.of());
        assertThat(second.state).isEqualTo(Call.State.INCOMING);
        assertThat(rig.phone.status().state()).isEqualTo(CallState.NEW_CALLIN);
        assertThat(rig.sounds).contains(Sound.tone(ToneKind.CALL_WAITING));
        assertThat(rig.text()).contains("Bob");
        rig.press(Key.Kind.OK);
        assertThat(second.answeredByPhone).isTrue();
        assertThat(first.onHold).isTrue();
    }

    /** Without call waiting a second call is refused as busy (ALE L6886-6888). */
    @Test
    void withoutCallWaitingASecondCallIsBusy() {
        PhoneRig rig = talkingTo(new PhoneRig(Geometry.text(20, 4), "call_waiting.enable = 0"), "1234");
        FakeTelephony.FakeLeg second = rig.sip.arrive("", "3000", Map.of());
        assertThat(second.rejectedWith).isEqualTo(486);
    }

    /** DND from its key refuses calls with the DND refuse code (ALE L10302, Yealink L9090: 480) and shows its icon. */
    @Test
    void doNotDisturb() {
        PhoneRig rig = new PhoneRig();
        rig.press(Key.Kind.DND);
        assertThat(rig.phone.dnd(1)).isTrue();
        assertThat(rig.text()).contains("DND on");
        rig.passes(Duration.ofSeconds(4));
        assertThat(rig.text()).contains("\u2298");
        FakeTelephony.FakeLeg leg = rig.sip.arrive("", "2000", Map.of());
        assertThat(leg.rejectedWith).isEqualTo(480);
        assertThat(rig.sounds).doesNotContain(Sound.ring("Ring1.wav"));
        rig.press(Key.Kind.DND);
        assertThat(rig.phone.dnd(1)).isFalse();
        assertThat(rig.sip.arrive("", "2000", Map.of()).state).isEqualTo(Call.State.INCOMING);
    }

    /** Always forward from the configuration (Yealink forward.always.*, L9009-9030) diverts before ringing. */
    @Test
    void alwaysForward() {
        PhoneRig rig = new PhoneRig(Geometry.text(20, 4), "forward.always.enable = 1", "forward.always.target = 4000");
        assertThat(rig.text()).contains("\u21AA");
        FakeTelephony.FakeLeg leg = rig.sip.arrive("", "2000", Map.of());
        assertThat(leg.forwardedTo).isEqualTo("4000");
        assertThat(rig.sounds).noneMatch(s -> s instanceof Sound.Ring);
    }

    /** No-answer forward after the configured number of seconds. */
    @Test
    void noAnswerForward() {
        PhoneRig rig = new PhoneRig(Geometry.text(20, 4), "forward.no_answer.enable = 1", "forward.no_answer.target = 4000",
                "forward.no_answer.timeout = 2");
        FakeTelephony.FakeLeg leg = rig.sip.arrive("", "2000", Map.of());
        assertThat(leg.state).isEqualTo(Call.State.INCOMING);
        rig.passes(Duration.ofSeconds(30));
        assertThat(leg.forwardedTo).isEqualTo("4000");
    }

    /** Redial calls the last number dialled again. */
    @Test
    void redial() {
        PhoneRig rig = talkingTo("1234");
        rig.hangUp();
        rig.lift();
        rig.press(Key.Kind.REDIAL);
        assertThat(rig.sip.legs).hasSize(2);
        assertThat(rig.sip.last().remote.user()).isEqualTo("1234");
    }

    /** The same call on a 16x2 display: two rows, the soft keys on the second. */
    @Test
    void sixteenByTwo() {
        PhoneRig rig = new PhoneRig(Geometry.text(16, 2));
        assertThat(rig.display.screen().lines()).hasSize(2);
        rig.lift();
        rig.dial("1234");
        rig.press(Key.Kind.OK);
        rig.sip.last().answers();
        List<String> lines = rig.display.screen().lines();
        assertThat(lines).hasSize(2);
        assertThat(lines).allMatch(line -> line.length() <= 16);
        assertThat(lines.get(0)).contains("1234");
        assertThat(lines.get(1)).startsWith("Hol").endsWith("End ");
    }

    /** A pixel panel (320x240, 40x15 text grid) shows the same call with room to spare. */
    @Test
    void pixelPanel() {
        PhoneRig rig = new PhoneRig(Geometry.pixels(320, 240, 40, 15));
        rig.lift();
        rig.dial("1234");
        rig.press(Key.Kind.OK);
        rig.sip.last().answers();
        assertThat(rig.display.screen().lines()).hasSize(15);
        assertThat(rig.text()).contains("Talking").contains("1234").contains("PCMU/8000");
        assertThat(rig.display.screen().lines().get(14)).contains("Hold").contains("End");
    }

    static PhoneRig talkingTo(String number) {
        return talkingTo(new PhoneRig(), number);
    }

    static PhoneRig talkingTo(PhoneRig rig, String number) {
        rig.lift();
        rig.dial(number);
        rig.press(Key.Kind.OK);
        rig.sip.last().answers();
        assertThat(rig.phone.status().state()).isEqualTo(CallState.CONVERSATION);
        return rig;
    }
}
