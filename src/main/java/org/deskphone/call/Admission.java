package org.deskphone.call;

import java.time.Duration;
import java.util.Optional;

/**
 * What the phone does with a call that arrives, before it rings. In this order:
 * <ol>
 * <li>a caller on the directory's blacklist is refused (ALE L4255-4256);
 * <li>always-forwarding sends it on;
 * <li>while another call is up: busy forwarding sends it on, which beats DND (ALE L7268-7269); without call
 *     waiting it is refused as busy (ALE L6886-6888);
 * <li>DND refuses it with the DND refuse code (ALE L10302, Yealink L9090), unless the caller is one of
 *     Yealink's emergency-authorised numbers (L9252-9280);
 * <li>a caller asking to be answered at once (Answer-Mode, Alert-Info, Call-Info; ALE L4694-4700) is
 *     answered when intercom calls are allowed (Yealink L9400, ALE L13744), also during a call when barge-in
 *     is allowed (Yealink L9464, ALE L13798), holding that call;
 * <li>auto answer of the account answers after the configured delay (ALE L6838-6857), never while another
 *     call is up (ALE L6829-6831);
 * <li>otherwise it rings (or waits, with the call-waiting tone), forwarded when not answered in time.
 * </ol>
 */
final class Admission {

    sealed interface Verdict {
    }

    /** Ring (or wait beside another call); forward after {@code noAnswer} seconds when it is active. */
    record Ring(boolean waiting, Optional<Forward> noAnswer) implements Verdict {
    }

    /** Refuse with {@code code}; {@code missed} when the history should show it as a missed call. */
    record Refuse(int code, String why, boolean missed) implements Verdict {
    }

    record Divert(String target, String why) implements Verdict {
    }

    /** Answer after {@code after}; {@code intercom} asked by the caller; {@code holdOthers} barges in. */
    record AutoAnswer(Duration after, boolean intercom, boolean holdOthers) implements Verdict {
    }

    private Admission() {
    }

    static Verdict decide(PhoneSettings s, CallFeatures features, Directory directory, Leg leg, boolean busy) {
        int account = leg.account();
        String number = leg.remote().user();
        if (directory.blacklisted(number)) {
            return new Refuse(s.integer("features.normal_refuse_code", 486), "blacklisted", false);
        }
        Forward always = features.forward(account, Forward.Kind.ALWAYS);
        if (always.active()) {
            return new Divert(always.target(), "always forward");
        }
        if (busy) {
            Forward onBusy = features.forward(account, Forward.Kind.BUSY);
            if (onBusy.active()) {
                return new Divert(onBusy.target(), "busy forward");
            }
            if (!s.bool("call_waiting.enable")) {
                return new Refuse(486, "busy (call waiting is off)", true);
            }
        }
        if (features.dnd(account) && !emergencyAuthorised(s, number)) {
            return new Refuse(s.integer("features.dnd_refuse_code", 480), "do not disturb", true);
        }
        Optional<Duration> asked = AnswerRequest.of(leg);
        if (asked.isPresent() && intercomAllowed(s, account)) {
            if (!busy) {
                return new AutoAnswer(asked.get(), true, false);
            }
            if (intercomBarge(s, account)) {
                return new AutoAnswer(asked.get(), true, true);
            }
        }
        if (!busy && account > 0 && s.bool("account." + account + ".auto_answer")) {
            return new AutoAnswer(Duration.ofSeconds(Math.max(0, s.integer("features.auto_answer_delay", 1))), false, false);
        }
        Forward noAnswer = features.forward(account, Forward.Kind.NO_ANSWER);
        return new Ring(busy, noAnswer.active() ? Optional.of(noAnswer) : Optional.empty());
    }

    private static boolean emergencyAuthorised(PhoneSettings s, String number) {
        return s.bool("features.dnd.emergency_enable") && !number.isBlank() && s.list("features.dnd.emergency_authorized_number").contains(number);
    }

    /** Both manuals' switches: Yealink's phone-wide one and ALE's per account; both default on. */
    static boolean intercomAllowed(PhoneSettings s, int account) {
        return s.bool("features.intercom.allow") && (account <= 0 || s.bool("account." + account + ".intercom.enable"));
    }

    /** Yealink's phone-wide barge (default on) when set, else ALE's per account (default off). */
    static boolean intercomBarge(PhoneSettings s, int account) {
        if (account > 0 && s.isSet("account." + account + ".intercom.barge")) {
            return s.bool("account." + account + ".intercom.barge");
        }
        return s.bool("features.intercom.barge");
    }

    /** Mute the microphone on an auto-answered intercom call. */
    static boolean intercomMute(PhoneSettings s, int account) {
        return s.bool("features.intercom.mute") || account > 0 && s.bool("account." + account + ".intercom.mute");
    }
}
