package org.deskphone.keys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deskphone.call.PhoneSettings;
import org.deskphone.hal.Key;

/**
 * Which function each of the board's configurable keys has, from either manual's settings:
 * <ul>
 * <li>line key N: Yealink's {@code linekey.N} (L5832-6021) when its type is set, else ALE's programmable key
 *     {@code ProgramKeyN} / {@code PhoneProgKeyN} ({@code programkey.N}, L11752-11889, L6549-6571), else the
 *     factory default of Yealink's first six line keys: Line, on account N (L5906);
 * <li>programmable key N: Yealink's memory key {@code memorykey.N} (L5600-5801);
 * <li>soft key N on the idle screen: ALE's dynamic soft key {@code DynamicSoftKeyN} ({@code softkey.N},
 *     L11904-11998) when set, else Yealink's {@code programablekey.N} (L6043-6203), else ALE's
 *     {@code DynamicKeySoftkeyN}, else History, Directory, DND, Menu (Yealink's factory layout; ALE's printed
 *     default, 101 Menu on every soft key, L11904, would make four Menu keys);
 * <li>a hard key re-mapped by ALE's {@code DynamicKey<Name>Type} (L12017), on the idle screen; 0 keeps its own.
 * </ul>
 * The bindings are immutable; a configuration change makes a new layout.
 */
public final class KeyLayout {
    /** How many keys of each kind the board has ({@code keys.line}, {@code keys.programmable}, {@code keys.soft}). */
    public record Counts(int line, int programmable, int soft) {
        public static final Counts PC = new Counts(3, 4, 4);
    }

    private static final List<KeyFunction> IDLE_SOFT_KEYS = List.of(KeyFunction.HISTORY, KeyFunction.DIRECTORY, KeyFunction.DND,
            KeyFunction.MENU);
    private static final Map<Key.Kind, String> HARD_KEY_NAMES = Map.ofEntries(Map.entry(Key.Kind.REDIAL, "Redial"),
            Map.entry(Key.Kind.HOLD, "Hold"), Map.entry(Key.Kind.MUTE, "Mute"), Map.entry(Key.Kind.TRANSFER, "Transfer"),
            Map.entry(Key.Kind.MESSAGE, "Message"), Map.entry(Key.Kind.SPEAKER, "Handsfree"), Map.entry(Key.Kind.CONFERENCE, "Conference"),
            Map.entry(Key.Kind.HEADSET, "Headset"), Map.entry(Key.Kind.UP, "Up"), Map.entry(Key.Kind.DOWN, "Down"),
            Map.entry(Key.Kind.LEFT, "Left"), Map.entry(Key.Kind.RIGHT, "Right"), Map.entry(Key.Kind.OK, "OK"),
            Map.entry(Key.Kind.CANCEL, "Cancel"), Map.entry(Key.Kind.VOLUME_UP, "VolUp"), Map.entry(Key.Kind.VOLUME_DOWN, "VolDown"));

    private final Counts counts;
    private final Map<Key, KeyBinding> bindings;
    private final Map<Key.Kind, KeyBinding> hardKeys;

    private KeyLayout(Counts counts, Map<Key, KeyBinding> bindings, Map<Key.Kind, KeyBinding> hardKeys) {
        this.counts = counts;
        this.bindings = Map.copyOf(bindings);
        this.hardKeys = Map.copyOf(hardKeys);
    }

    public static KeyLayout read(PhoneSettings s, Counts counts) {
        Map<Key, KeyBinding> bindings = new LinkedHashMap<>();
        for (int n = 1; n <= counts.line(); n++) {
            bindings.put(Key.line(n), lineKey(s, n));
        }
        for (int n = 1; n <= counts.programmable(); n++) {
            bindings.put(Key.programmable(n), memoryKey(s, n));
        }
        for (int n = 1; n <= counts.soft(); n++) {
            bindings.put(Key.soft(n), softKey(s, n));
        }
        Map<Key.Kind, KeyBinding> hard = new LinkedHashMap<>();
        for (Map.Entry<Key.Kind, String> entry : HARD_KEY_NAMES.entrySet()) {
            String p = "dynamickey." + entry.getValue() + ".";
            if (s.isSet(p + "type") && s.integer(p + "type") != 0) {
                hard.put(entry.getKey(), ale(s, p, "DynamicKey" + entry.getValue()));
            }
        }
        return new KeyLayout(counts, bindings, hard);
    }

    public Counts counts() {
        return counts;
    }

    /** The binding of a line, programmable or (idle) soft key; {@link KeyBinding#NONE} for others. */
    public KeyBinding binding(Key key) {
        return bindings.getOrDefault(key, KeyBinding.NONE);
    }

    /** Every configurable key and its binding, in board order. */
    public Map<Key, KeyBinding> bindings() {
        return bindings;
    }

    /** What a hard key does on the idle screen when ALE's {@code DynamicKey<Name>} re-maps it. */
    public Optional<KeyBinding> remapped(Key.Kind kind) {
        return Optional.ofNullable(hardKeys.get(kind));
    }

    private static KeyBinding lineKey(PhoneSettings s, int n) {
        String y = "linekey." + n + ".";
        if (s.isSet(y + "type")) {
            return yealink(s, y, KeyTypes.yealinkDss(s.integer(y + "type"), false), true);
        }
        String a = "programkey." + n + ".";
        if (s.isSet(a + "type")) {
            return ale(s, a, "ProgramKey" + n);
        }
        // Yealink's factory default: line keys 1-6 are Line keys (L5906), each on its own account.
        return n <= 6 ? new KeyBinding(KeyFunction.LINE, n, "", "", "", y) : KeyBinding.NONE;
    }

    private static KeyBinding memoryKey(PhoneSettings s, int n) {
        String y = "memorykey." + n + ".";
        return yealink(s, y, KeyTypes.yealinkDss(s.integer(y + "type"), true), false);
    }

    private static KeyBinding softKey(PhoneSettings s, int n) {
        String a = "softkey." + n + ".";
        if (s.isSet(a + "type")) {
            return ale(s, a, "DynamicSoftKey" + n);
        }
        String y = "programablekey." + n + ".";
        if (s.isSet(y + "type") && !s.text(y + "type").isEmpty()) {
            KeyFunction function = KeyTypes.yealinkProgramable(s.integer(y + "type"));
            return new KeyBinding(function, account(s.integer(y + "line")), s.text(y + "value"), "", s.text(y + "label"), y);
        }
        if (n <= 5) {
            String d = "dynamickey.Softkey" + n + ".";
            if (s.isSet(d + "type") && s.integer(d + "type") != 0) {
                return ale(s, d, "DynamicKeySoftkey" + n);
            }
        }
        return n <= IDLE_SOFT_KEYS.size() ? KeyBinding.of(IDLE_SOFT_KEYS.get(n - 1)) : KeyBinding.NONE;
    }

    private static KeyBinding ale(PhoneSettings s, String prefix, String name) {
        KeyFunction function = KeyTypes.ale(s.integer(prefix + "type"));
        return new KeyBinding(function, s.integer(prefix + "account", 1), s.text(prefix + "value"), s.text(prefix + "extension"),
                s.text(prefix + "label"), name);
    }

    private static KeyBinding yealink(PhoneSettings s, String prefix, KeyFunction function, boolean hasLabel) {
        // linekey.X.line: "0 = Line 1, 1 = Line 1, 2 = Line 2" (L5832).
        return new KeyBinding(function, account(s.integer(prefix + "line")), s.text(prefix + "value"), s.text(prefix + "pickup_value"),
                hasLabel ? s.text(prefix + "label") : "", prefix);
    }

    private static int account(int line) {
        return Math.max(1, line);
    }
}
