package org.deskphone.call;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.deskphone.config.Access;
import org.deskphone.config.ChangeResult;
import org.deskphone.config.ConfigStore;
import org.tinylog.Logger;

/**
 * The switches a user turns: do not disturb, call forwarding and call waiting (and anonymous calling per
 * account), in the phone mode or the custom (per account) mode the configuration chooses. Their state lives
 * in the configuration store, changed as local settings, so that the web UI and a restart see the same;
 * turning one sends the server its on or off code when one is configured (dialled as a call, ALE L7343-7351,
 * L7071-7091). On the phone loop.
 */
final class CallFeatures {
    private final ConfigStore store;
    private final BiConsumer<Integer, String> codes;

    /** {@code codes} dials a feature code on an account. */
    CallFeatures(ConfigStore store, BiConsumer<Integer, String> codes) {
        this.store = store;
        this.codes = codes;
    }

    PhoneSettings settings() {
        return PhoneSettings.of(store.current());
    }

    /** {@code features.dnd_mode} / {@code FeatureDndMode} (Yealink L9203, ALE L7020): 1 is per account. */
    boolean dndPerAccount() {
        return settings().integer("features.dnd_mode") == 1;
    }

    /** DND for calls to {@code account}. */
    boolean dnd(int account) {
        PhoneSettings s = settings();
        if (s.integer("features.dnd_mode") == 1) {
            return account > 0 && s.bool("account." + account + ".dnd.enable");
        }
        return s.bool("features.dnd.enable");
    }

    /**
     * Turns DND on or off: for the phone in phone mode, for {@code account} in custom mode (ALE digest A-24),
     * sending the matching code on that account (phone mode: the default account, A-25).
     */
    boolean setDnd(int account, boolean on) {
        PhoneSettings s = settings();
        boolean perAccount = s.integer("features.dnd_mode") == 1;
        String prefix = perAccount ? "account." + account + ".dnd." : "features.dnd.";
        if (s.integer(perAccount ? prefix + "method" : "features.dnd.method") == 1) {
            Logger.warn("DND synchronised by SUBSCRIBE (as-feature-event) is not supported; DND is kept on this phone only");
        }
        if (!change(Map.of(prefix + "enable", on ? "1" : "0"))) {
            return false;
        }
        sendCode(account, s.text(prefix + (on ? "on_code" : "off_code")));
        return true;
    }

    /** Forwarding of {@code kind} for calls to {@code account}, in the mode configured. */
    Forward forward(int account, Forward.Kind kind) {
        PhoneSettings s = settings();
        if (s.integer("features.fwd_mode") == 1 && account > 0) {
            String p = "account." + account + "." + accountName(kind) + ".";
            // Yealink's timeout counts rings of 6 s ("n*6", L6605, L13170).
            int seconds = kind == Forward.Kind.NO_ANSWER ? s.integer(p + "timeout") * 6 : 0;
            return new Forward(kind, s.bool(p + "enable"), s.text(p + "target"), seconds);
        }
        String p = "forward." + phoneName(kind) + ".";
        int seconds = 0;
        if (kind == Forward.Kind.NO_ANSWER) {
            // ALE's FeatureNoReplyFwdDuration (L7568) unless only Yealink's count of 6 s rings is set (L6605).
            seconds = s.isSet(p + "timeout") && !s.isSet(p + "duration") ? s.integer(p + "timeout") * 6 : s.integer(p + "duration");
        }
        return new Forward(kind, s.bool(p + "enable"), s.text(p + "target"), seconds);
    }

    /** Whether any forwarding is on for {@code account}. */
    boolean forwarding(int account) {
        return List.of(Forward.Kind.values()).stream().anyMatch(kind -> forward(account, kind).active());
    }

    /**
     * Turns forwarding of {@code kind} on (to {@code target}, when not blank) or off; sends the on code with
     * the target ("the always forward on code and the pre-configured destination number", ALE L7349-7351;
     * digest C-06) or the off code alone.
     */
    boolean setForward(int account, Forward.Kind kind, boolean on, String target) {
        PhoneSettings s = settings();
        boolean perAccount = s.integer("features.fwd_mode") == 1 && account > 0;
        String p = perAccount ? "account." + account + "." + accountName(kind) + "." : "forward." + phoneName(kind) + ".";
        Map<String, String> values = new LinkedHashMap<>();
        values.put(p + "enable", on ? "1" : "0");
        if (target != null && !target.isBlank()) {
            values.put(p + "target", target.strip());
        }
        if (!change(values)) {
            return false;
        }
        String destination = target != null && !target.isBlank() ? target.strip() : s.text(p + "target");
        sendCode(account, on ? joinCode(s.text(p + "on_code"), destination) : s.text(p + "off_code"));
        return true;
    }

    boolean callWaiting() {
        return settings().bool("call_waiting.enable");
    }

    boolean setCallWaiting(int account, boolean on) {
        if (!change(Map.of("call_waiting.enable", on ? "1" : "0"))) {
            return false;
        }
        sendCode(account, settings().text(on ? "call_waiting.on_code" : "call_waiting.off_code"));
        return true;
    }

    /** Anonymous calling for {@code account} (ALE L6634, Yealink L12730), with its codes. */
    boolean setAnonymous(int account, boolean on) {
        String p = "account." + account + ".";
        if (!change(Map.of(p + "anonymous_call", on ? "1" : "0"))) {
            return false;
        }
        sendCode(account, settings().text(p + (on ? "anonymous_call_oncode" : "anonymous_call_offcode")));
        return true;
    }

    /** Rejection of anonymous calls for {@code account} (ALE L6698, Yealink L12844), with its codes. */
    boolean setRejectAnonymous(int account, boolean on) {
        String p = "account." + account + ".";
        if (!change(Map.of(p + "reject_anonymous_call", on ? "1" : "0"))) {
            return false;
        }
        sendCode(account, settings().text(p + (on ? "anonymous_reject_oncode" : "anonymous_reject_offcode")));
        return true;
    }

    private boolean change(Map<String, String> values) {
        ChangeResult result = store.change(Access.USER, values);
        if (!result.accepted()) {
            Logger.warn("cannot change {}: {}", values.keySet(), result);
        }
        return result.accepted();
    }

    private void sendCode(int account, String code) {
        if (!code.isBlank()) {
            codes.accept(account, code.strip());
        }
    }

    /** The on code with the target after it, without a separator (ALE digest A-25). */
    static String joinCode(String code, String target) {
        return code.isBlank() ? "" : code.strip() + (target == null ? "" : target.strip());
    }

    private static String phoneName(Forward.Kind kind) {
        return switch (kind) {
            case ALWAYS -> "always";
            case BUSY -> "busy";
            case NO_ANSWER -> "no_answer";
        };
    }

    private static String accountName(Forward.Kind kind) {
        return switch (kind) {
            case ALWAYS -> "always_fwd";
            case BUSY -> "busy_fwd";
            case NO_ANSWER -> "timeout_fwd";
        };
    }
}
