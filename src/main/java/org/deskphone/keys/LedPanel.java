package org.deskphone.keys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deskphone.call.AudioPath;
import org.deskphone.call.CallInfo;
import org.deskphone.call.LineStatus;
import org.deskphone.call.PhoneStatus;
import org.deskphone.hal.Key;
import org.deskphone.hal.Led;
import org.deskphone.hal.LedState;
import org.deskphone.hal.LedState.Color;
import org.deskphone.hal.LedState.Pattern;

/**
 * The LEDs for a phone status and a key layout. The manuals print no LED table for line keys, so this phone
 * follows the usual desk-phone conventions:
 * <table>
 * <caption>line and account keys</caption>
 * <tr><th>the line</th><th>LED</th></tr>
 * <tr><td>not registered</td><td>off</td></tr>
 * <tr><td>registration failed</td><td>red</td></tr>
 * <tr><td>registered, idle</td><td>green</td></tr>
 * <tr><td>DND on for it, idle</td><td>red</td></tr>
 * <tr><td>a call rings on it</td><td>green, fast blink</td></tr>
 * <tr><td>a call in use on it (dialling, talking)</td><td>orange</td></tr>
 * <tr><td>a call held on it</td><td>green, slow blink</td></tr>
 * </table>
 * Feature keys light while their feature is on (DND red, forward, call waiting, lock, mute); the voice-mail
 * key and the message LED blink while messages wait; the power LED blinks fast while a call rings and slowly
 * for missed calls or messages, and is on while a call is up (off when idle unless
 * {@code features.power_led_on}).
 */
public final class LedPanel {

    private LedPanel() {
    }

    /** Every LED's state; LEDs not named are off. */
    public static Map<Led, LedState> leds(PhoneStatus status, KeyLayout layout, boolean powerLedIdle) {
        Map<Led, LedState> leds = new LinkedHashMap<>();
        for (Map.Entry<Key, KeyBinding> entry : layout.bindings().entrySet()) {
            Key key = entry.getKey();
            if (key.kind() == Key.Kind.SOFT) {
                continue;
            }
            Led led = key.kind() == Key.Kind.LINE ? Led.line(key.index()) : Led.programmable(key.index());
            leds.put(led, keyLed(status, entry.getValue()));
        }
        boolean ringing = status.calls().stream().anyMatch(c -> c.status() == CallInfo.Status.RINGING);
        boolean inCall = status.calls().stream().anyMatch(c -> c.status() != CallInfo.Status.DIALING && c.status() != CallInfo.Status.FAILED);
        leds.put(Led.of(Led.Kind.POWER), ringing ? new LedState(Color.RED, Pattern.BLINK_FAST)
                : inCall ? LedState.on(Color.GREEN)
                : status.missedCalls() > 0 || status.messageWaiting() ? new LedState(Color.RED, Pattern.BLINK_SLOW)
                : powerLedIdle ? LedState.on(Color.GREEN) : LedState.OFF);
        leds.put(Led.of(Led.Kind.MESSAGE), status.messageWaiting() ? new LedState(Color.RED, Pattern.BLINK_SLOW) : LedState.OFF);
        boolean muted = status.calls().stream().anyMatch(c -> c.muted() && c.status() == CallInfo.Status.TALKING);
        leds.put(Led.of(Led.Kind.MUTE), muted ? LedState.on(Color.RED) : LedState.OFF);
        leds.put(Led.of(Led.Kind.SPEAKER), status.audio() == AudioPath.SPEAKER ? LedState.on(Color.GREEN) : LedState.OFF);
        leds.put(Led.of(Led.Kind.HEADSET), status.audio() == AudioPath.HEADSET ? LedState.on(Color.GREEN) : LedState.OFF);
        return leds;
    }

    /** The LED of a key with {@code binding}. */
    public static LedState keyLed(PhoneStatus status, KeyBinding binding) {
        return switch (binding.function()) {
            case LINE, ACCOUNT -> lineLed(status, binding.account() > 0 ? binding.account() : 1);
            case DND -> status.dnd() ? LedState.on(Color.RED) : LedState.OFF;
            case FORWARD -> status.forward() ? LedState.on(Color.GREEN) : LedState.OFF;
            case CALL_WAITING -> status.callWaiting() ? LedState.on(Color.GREEN) : LedState.OFF;
            case PHONE_LOCK -> status.locked() ? LedState.on(Color.RED) : LedState.OFF;
            case VOICEMAIL -> status.messageWaiting() ? new LedState(Color.RED, Pattern.BLINK_SLOW) : LedState.OFF;
            case HEADSET -> status.audio() == AudioPath.HEADSET ? LedState.on(Color.GREEN) : LedState.OFF;
            case HOLD -> status.calls().stream().anyMatch(c -> c.status() == CallInfo.Status.HELD)
                    ? new LedState(Color.GREEN, Pattern.BLINK_SLOW) : LedState.OFF;
            default -> LedState.OFF;
        };
    }

    private static LedState lineLed(PhoneStatus status, int account) {
        List<CallInfo> calls = status.calls().stream().filter(c -> c.account() == account).toList();
        if (calls.stream().anyMatch(c -> c.status() == CallInfo.Status.RINGING)) {
            return new LedState(Color.GREEN, Pattern.BLINK_FAST);
        }
        if (calls.stream().anyMatch(c -> c.status() == CallInfo.Status.TALKING || c.status() == CallInfo.Status.CALLING
                || c.status() == CallInfo.Status.RINGBACK || c.status() == CallInfo.Status.DIALING
                || c.status() == CallInfo.Status.HELD_BY_REMOTE)) {
            return LedState.on(Color.ORANGE);
        }
        if (calls.stream().anyMatch(c -> c.status() == CallInfo.Status.HELD)) {
            return new LedState(Color.GREEN, Pattern.BLINK_SLOW);
        }
        LineStatus line = status.line(account).orElse(null);
        if (line == null) {
            return LedState.OFF;
        }
        if (line.failed()) {
            return LedState.on(Color.RED);
        }
        if (!line.registered()) {
            return LedState.OFF;
        }
        return status.dnd() ? LedState.on(Color.RED) : LedState.on(Color.GREEN);
    }
}
