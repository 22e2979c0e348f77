package org.deskphone.media.rtp;

/**
 * The jitter buffer's configuration in milliseconds, as the manuals give it: ALE
 * {@code SettingJitterBufferMode/Min/Normal/Max} (seed L5236-5281; adaptive 20/50/250 by default, each
 * 0-600, Min ≤ Normal ≤ Max) and Yealink {@code voice.jib.adaptive/min/normal/max} (60/120/300). In
 * static mode the buffer holds {@code normal} and does not adapt.
 */
public record JitterSettings(boolean adaptive, int minMillis, int normalMillis, int maxMillis) {

    /** The ALE defaults. */
    public static final JitterSettings DEFAULTS = new JitterSettings(true, 20, 50, 250);

    public JitterSettings {
        if (minMillis < 0 || maxMillis > 600) {
            throw new IllegalArgumentException("jitter buffer limits must lie in 0-600 ms: min " + minMillis + ", max " + maxMillis);
        }
        if (minMillis > normalMillis || normalMillis > maxMillis) {
            throw new IllegalArgumentException("jitter buffer needs min <= normal <= max, not " + minMillis + " / "
                    + normalMillis + " / " + maxMillis + " ms");
        }
    }
}
