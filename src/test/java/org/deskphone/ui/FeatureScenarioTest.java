package org.deskphone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.deskphone.call.CallState;
import org.deskphone.call.Sound;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Key;
import org.deskphone.sip.Call;
import org.junit.jupiter.api.Test;

/** The call features beyond the basic call: auto answer, intercom, distinctive ring, swap, split, auto redial. */
class FeatureScenarioTest {

    /** Auto answer of the account after the configured delay (ALE L6838-6857; Yealink L13866, L13890). */
    @Test
    void autoAnswerAfterTheDelay() {
        PhoneRig rig = new PhoneRig(Geometry.text(20, 4), "account.1.auto_answer = 1", "features.auto_answer_delay = 3");
        FakeTelephony.FakeLeg leg = rig.sip.arrive("", "2000", Map.of());
        assertThat(leg.answeredByPhone).isFalse();
        rig.passes(Duration.ofSeconds(4));
        assertThat(leg.answeredByPhone).isTrue();
        assertThat(rig.phone.status().state()).isEqualTo(CallState.CONVERSATION);
    }

    /** Intercom: Call-Info answer-after=0 is answered at once, without ringing (ALE L4694-4700, L13680-13687). */
    @Test
    void anIntercomCallIsAnsweredAtOnce() {
        PhoneRig rig = new PhoneRig();
        FakeTelephony.FakeLeg leg = rig.sip.arrive("Boss", "2000",
                Map.of("Call-Info", List.of("<sip:127.0.0.1>;answer-after=0")));
        rig.passes(Duration.ofMillis(10));
        assertThat(leg.answeredByPhone).isTrue();
        assertThat(rig.sounds).noneMatch(s -> s instanceof Sound.Ring);
    }

    /** Distinctive ring: Alert-Info Bellcore-dr3 rings with that cadence (ALE L4596-4598). */
    @Test
    void alertInfoPicksADistinctiveRing() {
        PhoneRig rig = new PhoneRig();
        rig.sip.arrive("", "2000", Map.of("Alert-Info", List.of("<http://127.0.0.1/>;info=Bellcore-dr3")));
        assertThat(rig.playing()).isEqualTo(Sound.ring("Bellcore-dr3"));
    }

    /** The account's ring type (Yealink account.X.ringtone.ring_type, L14608) over the phone's. */
    @Test
    void theAccountsRingTone() {
        PhoneRig rig = new PhoneRig(Geometry.text(20, 4), "account.1.ringtone.ring_type = Ring5.wav");
        rig.sip.arrive("", "2000", Map.of());
        assertThat(rig.playing()).isEqualTo(Sound.ring("Ring5.wav"));
    }

    /** Two calls: Swap moves the talk from one to the other; each one held while the other talks. */
    @Test
    void swapBetweenTwoCalls() {
        PhoneRig rig = CallScenarioTest.talkingTo("1234");
        FakeTelephony.FakeLeg first = rig.sip.last();
        FakeTelephony.FakeLeg second = rig.sip.arrive("Bob", "3000", Map.of());
        rig.press(Key.Kind.OK);
        assertThat(first.onHold).isTrue();
        assertThat(second.onHold).isFalse();
        rig.phone.swap();
        rig.loop.runPending();
        assertThat(first.onHold).isFalse();
        assertThat(second.onHold).isTrue();
    }

    /** A conference split: both calls stay, held (ALE's Split soft key). */
    @Test
    void splitAConference() {
        PhoneRig rig = CallScenarioTest.talkingTo("1234");
        FakeTelephony.FakeLeg first = rig.sip.last();
        rig.press(Key.Kind.CONFERENCE);
        rig.dial("5678");
        rig.press(Key.Kind.OK);
        FakeTelephony.FakeLeg second = rig.sip.last();
        second.answers();
        rig.press(Key.Kind.CONFERENCE);
        assertThat(rig.phone.status().state()).isEqualTo(CallState.CONF);
        rig.phone.split();
        rig.loop.runPending();
        assertThat(rig.phone.status().state()).isNotEqualTo(CallState.CONF);
        assertThat(first.state).isEqualTo(Call.State.CONNECTED);
        assertThat(second.state).isEqualTo(Call.State.CONNECTED);
        assertThat(first.onHold && second.onHold).isTrue();
    }

    /**
     * When the media cannot mix, the screen says so: the parties still talk with this phone, but not with each
     * other (the interim media plays each call on its own stream).
     */
    @Test
    void noMixerNoConference() {
        PhoneRig rig = CallScenarioTest.talkingTo("1234");
        rig.sip.canMix = false;
        rig.press(Key.Kind.CONFERENCE);
        rig.dial("5678");
        rig.press(Key.Kind.OK);
        rig.sip.last().answers();
        rig.press(Key.Kind.CONFERENCE);
        assertThat(rig.text()).contains("No audio mixer");
        assertThat(rig.sip.legs).allMatch(leg -> leg.state == Call.State.CONNECTED && !leg.onHold);
    }

    /** Auto redial of a busy number (ALE L8451-8510; Yealink auto_redial.*, L8206-8253). */
    @Test
    void autoRedialOfABusyNumber() {
        PhoneRig rig = new PhoneRig(Geometry.text(20, 4), "auto_redial.enable = 1", "auto_redial.interval = 10", "auto_redial.times = 2");
        rig.lift();
        rig.dial("1234");
        rig.press(Key.Kind.OK);
        rig.sip.last().endsWith(486, "Busy Here");
        assertThat(rig.sip.legs).hasSize(1);
        rig.passes(Duration.ofSeconds(11));
        assertThat(rig.sip.legs).hasSize(2);
        assertThat(rig.sip.last().remote.user()).isEqualTo("1234");
    }

    /** Keep mute (ALE FeatureKeepMuteEnable, L8192): a new call starts muted when the phone was muted. */
    @Test
    void muteIsKeptForTheNextCallWhenConfigured() {
        PhoneRig rig = CallScenarioTest.talkingTo(new PhoneRig(Geometry.text(20, 4), "features.keep_mute = 1"), "1234");
        rig.press(Key.Kind.MUTE);
        rig.hangUp();
        CallScenarioTest.talkingTo(rig, "5678");
        assertThat(rig.sip.last().muted).isTrue();
    }
}
