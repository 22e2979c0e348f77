package org.deskphone.dialplan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;

/** A dialling driven by a test: a dialler on a loop with a virtual clock, and every decision it made. */
final class Dialing {
    final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-22T10:00:00Z"));
    final PhoneLoop loop = new PhoneLoop(clock);
    final List<Decision> decisions = new ArrayList<>();
    final Dialer dialer;

    private long finalAt = -1;

    private Dialing(DialPlan plan, int account, boolean locked) {
        dialer = new Dialer(loop, plan, account, locked, decision -> {
            decisions.add(decision);
            if (decision.isFinal() && finalAt < 0) {
                finalAt = clock.millis();
            }
        });
    }

    static Dialing offHook(DialPlanSettings settings) {
        return start(settings, 1, false, Dialer.Start.OFF_HOOK);
    }

    static Dialing offHook(DialPlanSettings.Builder settings) {
        return offHook(settings.build());
    }

    static Dialing start(DialPlanSettings settings, int account, boolean locked, Dialer.Start how) {
        try {
            Dialing dialing = new Dialing(DialPlan.compile(settings), account, locked);
            dialing.dialer.start(how);
            return dialing;
        } catch (DialPlanException e) {
            throw new AssertionError(e);
        }
    }

    /** Types each character as a key, with no time between keys. */
    Dialing type(String keys) {
        for (int i = 0; i < keys.length(); i++) {
            dialer.key(keys.charAt(i));
        }
        return this;
    }

    Dialing send() {
        dialer.send();
        return this;
    }

    Dialing waitMillis(long millis) {
        loop.advance(Duration.ofMillis(millis));
        return this;
    }

    Dialing waitSeconds(long seconds) {
        return waitMillis(seconds * 1000);
    }

    Decision last() {
        return dialer.decision();
    }

    /** The final decision, which must be a Dial. */
    Decision.Dial dialled() {
        Decision last = last();
        if (!(last instanceof Decision.Dial)) {
            throw new AssertionError("expected a Dial, got " + last);
        }
        return (Decision.Dial) last;
    }

    /** When the final decision was made, in ms of virtual time since the start; -1 if none yet. */
    long finalAtMillis() {
        return finalAt;
    }
}
