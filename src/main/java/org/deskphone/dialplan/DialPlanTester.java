package org.deskphone.dialplan;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;

/**
 * Answers "what would the phone do if someone dialled this?" without a phone: the command line's
 * {@code deskphone dialplan} and the web UI's dial-plan tester. Typed keys go through a {@link Dialer}
 * off hook on a loop of its own with a virtual clock, all at once, and then the clock runs until the
 * dialler decides (or has nothing left to wait for); a complete number from another source goes through
 * {@link DialPlan#resolve}.
 */
public final class DialPlanTester {
    /** Longer than every timer the settings allow (T up to 99 s), so that waiting always ends. */
    private static final Duration PATIENCE = Duration.ofSeconds(600);

    private DialPlanTester() {
    }

    /**
     * The outcome of one test: the decision and how long after the last key it came (null while the
     * dialler still waits for keys or Send).
     */
    public record Outcome(String input, Decision decision, Duration after) {

        /** {@code dial}, {@code block}, {@code nomatch} or {@code incomplete}. */
        public String result() {
            if (decision instanceof Decision.Dial) {
                return "dial";
            }
            if (decision instanceof Decision.Block) {
                return "block";
            }
            if (decision instanceof Decision.NoMatch) {
                return "nomatch";
            }
            return "incomplete";
        }

        /** The number dialled or refused; null while incomplete. */
        public String number() {
            if (decision instanceof Decision.Dial) {
                return ((Decision.Dial) decision).number();
            }
            if (decision instanceof Decision.Block) {
                return ((Decision.Block) decision).number();
            }
            if (decision instanceof Decision.NoMatch) {
                return ((Decision.NoMatch) decision).number();
            }
            return null;
        }
    }

    /** Dials {@code input} on {@code account} from {@code source} (keys for {@link Source#MANUAL}). */
    public static Outcome test(DialPlan plan, String input, int account, Source source, boolean locked) {
        Objects.requireNonNull(input, "input");
        if (source != Source.MANUAL) {
            return new Outcome(input, plan.resolve(input, account, source), Duration.ZERO);
        }
        VirtualClock clock = new VirtualClock(Instant.EPOCH);
        PhoneLoop loop = new PhoneLoop(clock);
        long[] decidedAt = {-1};
        Dialer dialer = new Dialer(loop, plan, account, locked, decision -> {
            if (decision.isFinal() && decidedAt[0] < 0) {
                decidedAt[0] = clock.millis();
            }
        });
        dialer.start(Dialer.Start.OFF_HOOK);
        for (int i = 0; i < input.length(); i++) {
            dialer.key(input.charAt(i));
        }
        long lastKey = clock.millis();
        while (!dialer.decision().isFinal() && loop.pendingTimers() > 0 && clock.millis() - lastKey < PATIENCE.toMillis()) {
            loop.advance(Duration.ofSeconds(1));
        }
        Duration after = decidedAt[0] < 0 ? null : Duration.ofMillis(decidedAt[0] - lastKey);
        return new Outcome(input, dialer.decision(), after);
    }
}
