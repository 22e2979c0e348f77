package org.deskphone.dialplan;

import java.time.Duration;
import java.util.Objects;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.Timer;

/**
 * The end of dialling out: an outgoing call still ringing unanswered after {@code FeatureRingBackTimeout}
 * seconds is cancelled (seed 004 L6578-6596); 0 means never. The call that the dialler's
 * {@link Decision.Dial} places starts one and stops it when answered or ended. Runs on the loop thread.
 */
public final class RingbackTimeout {
    private final Timer timer;

    private RingbackTimeout(Timer timer) {
        this.timer = timer;
    }

    /** Starts timing a call that has begun ringing back; {@code cancelCall} runs if it is never answered. */
    public static RingbackTimeout start(PhoneLoop loop, DialPlan plan, Runnable cancelCall) {
        Objects.requireNonNull(cancelCall, "cancelCall");
        int seconds = plan.settings().ringBackTimeoutSeconds();
        return new RingbackTimeout(seconds <= 0 ? null : loop.schedule(Duration.ofSeconds(seconds), cancelCall));
    }

    /** The call was answered, failed or was hung up: no cancelling. */
    public void stop() {
        if (timer != null) {
            timer.cancel();
        }
    }
}
