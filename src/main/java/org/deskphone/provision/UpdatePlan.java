package org.deskphone.provision;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When the phone provisions on its own, from Yealink's {@code auto_provision.mode} (L3513-3537: 0 off,
 * 1 power on, 4 repeatedly, 5 weekly, 6 power on + repeatedly, 7 power on + weekly) and ALE's polling by
 * interval and by weekdays (L2569-2666). Both dialects' modes add up; the shorter interval wins.
 *
 * @param powerOn  provision when the phone starts
 * @param interval provision every this long
 * @param windows  provision once in each of these weekly windows
 */
public record UpdatePlan(boolean powerOn, Optional<Duration> interval, List<WeeklyWindow> windows) {
    public static final UpdatePlan POWER_ON_ONLY = new UpdatePlan(true, Optional.empty(), List.of());

    public UpdatePlan {
        windows = List.copyOf(windows);
    }

    /** Yealink's mode code: which of power-on, repeatedly and weekly it turns on (E15, L3517-3537). */
    public record YealinkMode(boolean powerOn, boolean repeatedly, boolean weekly) {

        /** @throws IllegalArgumentException for a code the manual does not define (2, 3, 8 ...) */
        public static YealinkMode of(int code) {
            switch (code) {
                case 0: return new YealinkMode(false, false, false);
                case 1: return new YealinkMode(true, false, false);
                case 4: return new YealinkMode(false, true, false);
                case 5: return new YealinkMode(false, false, true);
                case 6: return new YealinkMode(true, true, false);
                case 7: return new YealinkMode(true, false, true);
                default:
                    throw new IllegalArgumentException("auto_provision.mode " + code
                            + " is not one of 0, 1, 4, 5, 6, 7 (Yealink L3517-3537)");
            }
        }
    }

    /** True when nothing but a command, a NOTIFY or PnP starts a run. */
    public boolean manualOnly() {
        return !powerOn && interval.isEmpty() && windows.isEmpty();
    }
}
