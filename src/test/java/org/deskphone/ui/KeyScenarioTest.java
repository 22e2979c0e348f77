package org.deskphone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.deskphone.call.CallState;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Key;
import org.deskphone.hal.Led;
import org.deskphone.hal.LedState;
import org.deskphone.keys.KeyFunction;
import org.deskphone.keys.KeyTypes;
import org.deskphone.sip.Call;
import org.junit.jupiter.api.Test;

/** Programmable keys from either manual, the soft keys of each call state, the LEDs, and the phone lock. */
class KeyScenarioTest {

    /** The code tables as data (ALE §11.10.2, L11638-11737; Yealink DSS L5724-5799, programmable L6059-6108). */
    @Test
    void theCodeTablesOfBothManuals() {
        assertThat(KeyTypes.ale(1)).isEqualTo(KeyFunction.SPEED_DIAL);
        assertThat(KeyTypes.ale(12)).isEqualTo(KeyFunction.PHONE_LOCK);
        assertThat(KeyTypes.ale(58)).isEqualTo(KeyFunction.HOLD);
        assertThat(KeyTypes.ale(75)).isEqualTo(KeyFunction.CALL_WAITING);
        assertThat(KeyTypes.ale(20)).isEqualTo(KeyFunction.UNKNOWN);
        assertThat(KeyTypes.yealinkDss(13, false)).isEqualTo(KeyFunction.SPEED_DIAL);
        assertThat(KeyTypes.yealinkDss(15, false)).isEqualTo(KeyFunction.LINE);
        assertThat(KeyTypes.yealinkDss(24, false)).isEqualTo(KeyFunction.PAGING);
        assertThat(KeyTypes.yealinkDss(24, true)).isEqualTo(KeyFunction.MULTICAST_PAGING);
        assertThat(KeyTypes.yealinkProgramable(28)).isEqualTo(KeyFunction.HISTORY);
        assertThat(KeyTypes.yealinkProgramable(30)).isEqualTo(KeyFunction.MENU);
    }

    /** A Yealink memory key of type 13 (Speed Dial) calls its value on account memorykey.X.line. */
    @Test
    void aYealinkSpeedDialKeyCalls() {
        PhoneRig rig = new PhoneRig(Geometry.text(20, 4), "memorykey.1.type = 13", "memorykey.1.value = 5551234", "memorykey.1.line = 1");
        rig.press(Key.programmable(1));
        assertThat(rig.sip.legs).hasSize(1);
        assertThat(rig.sip.last().remote.user()).isEqualTo("5551234");
        assertThat(rig.phone.status().state()).isEqualTo(CallState.CALLING);
    }

    /**
     * An ALE speed dial with a DTMF suffix ("number,DTMF", ProgramKeyXValue, L11849-11855), written
     * PhoneProgKeyXType as the manual's examples do (L6564-6571): the digits go once the far end answers.
     */
    @Test
    void anAleSpeedDialKeySendsItsDtmfOnceAnswered() {
        PhoneRig rig = PhoneRig.ale("""
                <setting id="PhoneProgKey1Type" value="1"/>
                <setting id="PhoneProgKey1Value" value="5551234,*77#"/>
                <setting id="PhoneProgKey1Label" value="Bridge"/>""");
        rig.press(Key.line(1));
        FakeTelephony.FakeLeg leg = rig.sip.last();
        assertThat(leg.remote.user()).isEqualTo("5551234");
        assertThat(leg.sentDtmf).isEmpty();
        leg.answers();
        assertThat(String.join("", leg.sentDtmf)).isEqualTo("*77#");
    }

    /** A key whose type the phone does not carry out says so on the display (ALE type 19, XML Browser). */
    @Test
    void anUnsupportedKeyTypeSaysSo() {
        PhoneRig rig = PhoneRig.ale("<setting id=\"ProgramKey2Type\" value=\"19\"/>");
        rig.press(Key.line(2));
        assertThat(rig.text()).contains("Not supported: XML B");
        assertThat(rig.sip.legs).isEmpty();
    }

    /** A Yealink DND memory key (type 5) toggles DND, and its LED shows it. */
    @Test
    void aDndKeyAndItsLed() {
        PhoneRig rig = new PhoneRig(Geometry.text(20, 4), "memorykey.2.type = 5");
        assertThat(rig.led(Led.programmable(2)).isOff()).isTrue();
        rig.press(Key.programmable(2));
        assertThat(rig.phone.dnd(1)).isTrue();
        assertThat(rig.led(Led.programmable(2)).isOff()).isFalse();
        rig.press(Key.programmable(2));
        assertThat(rig.phone.dnd(1)).isFalse();
        assertThat(rig.led(Led.programmable(2)).isOff()).isTrue();
    }

    /** Prefix key (Yealink type 40): a dialling that starts with the prefix. */
    @Test
    void aPrefixKeyStartsADialling() {
        PhoneRig rig = new PhoneRig(Geometry.text(20, 4), "memorykey.3.type = 40", "memorykey.3.value = 9");
        rig.press(Key.programmable(3));
        assertThat(rig.phone.status().state()).isEqualTo(CallState.DIAL);
        assertThat(rig.text()).contains("9_");
    }

    /** ALE dynamic idle soft key (DynamicSoftKeyXType 12, Phone Lock) replaces the default label. */
    @Test
    void aleDynamicSoftKeys() {
        PhoneRig rig = PhoneRig.ale("""
                <setting id="DynamicSoftKey1Type" value="12"/>
                <setting id="DynamicSoftKey1Label" value="Lock"/>""");
        assertThat(rig.softLabels().get(0)).isEqualTo("Lock");
        rig.soft("Lock");
        assertThat(rig.phone.lock().locked()).isTrue();
    }

    /** The soft keys follow the call state (ALE defaults per state, §8.11). */
    @Test
    void softKeysPerCallState() {
        PhoneRig rig = new PhoneRig();
        assertThat(rig.softLabels()).containsExactly("Hist", "Dir", "DND", "Menu");
        rig.sip.arrive("", "2000", Map.of());
        assertThat(rig.softLabels()).containsExactly("Take", "Quiet", "Fwd", "Rej");
        rig.soft("Take");
        assertThat(rig.softLabels()).containsExactly("Hold", "Xfer", "Conf", "End");
        rig.soft("Hold");
        assertThat(rig.softLabels()).containsExactly("New", "Xfer", "Res", "End");
    }

    /**
     * Phone lock (ALE §4.4): locked, the phone dials only the emergency numbers (L3078: 112, 911, 110), takes
     * calls, and unlocks with the PIN (default 123, L3141).
     */
    @Test
    void phoneLock() {
        PhoneRig rig = new PhoneRig(Geometry.text(20, 4), "memorykey.1.type = 50");
        rig.press(Key.programmable(1));
        assertThat(rig.phone.lock().locked()).isTrue();
        assertThat(rig.text()).contains("Locked");

        rig.lift();
        rig.dial("1234");
        rig.press(Key.Kind.OK);
        assertThat(rig.sip.legs).isEmpty();
        rig.hangUp();
        rig.lift();
        rig.dial("112");
        rig.press(Key.Kind.OK);
        assertThat(rig.sip.legs).hasSize(1);
        assertThat(rig.sip.last().remote.user()).isEqualTo("112");
        rig.hangUp();

        FakeTelephony.FakeLeg incoming = rig.sip.arrive("", "2000", Map.of());
        rig.lift();
        assertThat(incoming.answeredByPhone).isTrue();
        rig.hangUp();

        rig.press(Key.Kind.MENU);
        assertThat(rig.sip.legs).hasSize(2);
        rig.dial("999");
        rig.press(Key.Kind.OK);
        assertThat(rig.phone.lock().locked()).isTrue();
        rig.press(Key.Kind.MENU);
        rig.dial("123");
        rig.press(Key.Kind.OK);
        assertThat(rig.phone.lock().locked()).isFalse();
        assertThat(rig.text()).doesNotContain("Locked");
    }

    /** Auto lock after the configured idle time (ALE SettingPhoneAutoLockEnable L3110, timeout L3126). */
    @Test
    void autoLock() {
        PhoneRig rig = PhoneRig.ale("""
                <setting id="SettingPhoneAutoLockEnable" value="1"/>
                <setting id="SettingPhoneAutoLockTimeout" value="60"/>""");
        rig.press(Key.Kind.DOWN);
        rig.passes(Duration.ofSeconds(59));
        assertThat(rig.phone.lock().locked()).isFalse();
        rig.passes(Duration.ofSeconds(2));
        assertThat(rig.phone.lock().locked()).isTrue();
    }

    /** Line LEDs: registered green; ringing flashes; a held call blinks; idle again green. */
    @Test
    void lineLeds() {
        PhoneRig rig = new PhoneRig();
        assertThat(rig.led(Led.line(1))).isEqualTo(LedState.on(LedState.Color.GREEN));
        FakeTelephony.FakeLeg leg = rig.sip.arrive("", "2000", Map.of());
        LedState ringing = rig.led(Led.line(1));
        assertThat(ringing.pattern()).isNotIn(LedState.Pattern.ON, LedState.Pattern.OFF);
        rig.lift();
        LedState talking = rig.led(Led.line(1));
        assertThat(talking).isNotEqualTo(ringing);
        rig.press(Key.Kind.HOLD);
        assertThat(rig.led(Led.line(1))).isNotEqualTo(talking).isNotEqualTo(ringing);
        leg.endsWith(200, "bye");
        rig.hangUp();
        assertThat(rig.led(Led.line(1))).isEqualTo(LedState.on(LedState.Color.GREEN));
        assertThat(leg.state).isEqualTo(Call.State.ENDED);
    }

    /** German through the built-in language file (ALE SettingLanguage 2, L10341; Yealink lang.gui). */
    @Test
    void german() {
        PhoneRig rig = PhoneRig.ale("<setting id=\"SettingLanguage\" value=\"2\"/>");
        assertThat(rig.softLabels()).containsExactly("List", "Tel", "NSt", "Menü");
        rig.lift();
        assertThat(rig.text()).startsWith("Wählen");
        rig.dial("1234");
        rig.press(Key.Kind.OK);
        rig.sip.last().answers();
        assertThat(rig.text()).startsWith("Gespräch");
        assertThat(rig.softLabels()).containsExactly("Halt", "Wtl", "Konf", "Auf");
    }

    /**
     * A custom soft-key layout of the Conversation state (ALE SettingCustomSoftkeyConversation, L13375-13388,
     * under SettingCustomSoftkeyEnable, L12996): End first, and Swap, in the order given.
     */
    @Test
    void aCustomSoftKeyLayout() {
        PhoneRig rig = PhoneRig.ale("""
                <setting id="SettingCustomSoftkeyEnable" value="1"/>
                <setting id="SettingCustomSoftkeyConversation" value="End;Hold;Swap;Empty"/>""");
        CallScenarioTest.talkingTo(rig, "1234");
        assertThat(rig.softLabels()).containsExactly("End", "Hold", "Swap", "");
        rig.soft("End");
        assertThat(rig.sip.last().state).isEqualTo(Call.State.ENDED);
    }
}
