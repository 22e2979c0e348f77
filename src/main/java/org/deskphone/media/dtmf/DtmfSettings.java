package org.deskphone.media.dtmf;

/**
 * DTMF settings as plain values: tone length (ALE {@code SettingDtmfDuration}, seed L5417: 1 = 80, 2 = 100,
 * 3 = 200, 4 = 250 ms, default 100), how many times the RFC 4733 end packet is sent (Yealink
 * {@code features.dtmf.repetition}, L9655, 1-3, default 3), and the in-band level bias (ALE
 * {@code SettingDtmfLevel}, L5445, -6..6 dB).
 */
public record DtmfSettings(int durationMillis, int endRepetitions, int levelBiasDb) {

    public static final DtmfSettings DEFAULTS = new DtmfSettings(100, 3, 0);

    public DtmfSettings {
        if (durationMillis < 40 || durationMillis > 1000) {
            throw new IllegalArgumentException("DTMF duration must be 40-1000 ms: " + durationMillis);
        }
        if (endRepetitions < 1 || endRepetitions > 3) {
            throw new IllegalArgumentException("DTMF end packet repetitions must be 1-3: " + endRepetitions);
        }
        if (levelBiasDb < -6 || levelBiasDb > 6) {
            throw new IllegalArgumentException("DTMF level bias must be -6..6 dB: " + levelBiasDb);
        }
    }

    /** The ALE code of {@code SettingDtmfDuration} (E-75: 4 is 250 ms). */
    public static int durationFromManualCode(int code) {
        return switch (code) {
            case 1 -> 80;
            case 2 -> 100;
            case 3 -> 200;
            case 4 -> 250;
            default -> throw new IllegalArgumentException("SettingDtmfDuration is 1-4, not " + code);
        };
    }
}
