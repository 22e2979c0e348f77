package org.deskphone.provision;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a downloaded ringtone is one the phone plays. Yealink: "PCMU audio format, mono channel, 8K sample
 * rate and 16 bit resolution", "*.wav", "within 100KB" (L673-679); PCMU is 8-bit, so the recipe's µ-law or
 * A-law WAV, and 16-bit PCM, are taken (Yealink digest §6 A27). ALE: ".wav ≤200 KB, .zip ≤1.2 MB"
 * (L4360-4366) with no format rule, so any RIFF WAVE or zip within its size.
 */
final class RingtoneCheck {
    static final long ALE_WAV_MAX = 200 * 1024;

    private RingtoneCheck() {
    }

    /** Why the file is refused, or empty when it is fine. */
    static Optional<String> problem(String setting, String fileName, byte[] content) {
        boolean yealink = setting.equalsIgnoreCase("ringtone.url");
        boolean zip = content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (zip) {
            return yealink ? Optional.of("a Yealink ringtone must be a .wav file (L677), not a zip archive") : Optional.empty();
        }
        if (!isWave(content)) {
            return Optional.of(fileName + " is not a WAV file (no RIFF/WAVE header)");
        }
        if (!yealink) {
            return content.length > ALE_WAV_MAX
                    ? Optional.of(fileName + " is " + content.length + " bytes; a .wav ringtone may have 200 KB (ALE L4360-4366)")
                    : Optional.empty();
        }
        ByteBuffer wav = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (at + 8 <= content.length) {
            String id = new String(content, at, 4, StandardCharsets.US_ASCII);
            long size = wav.getInt(at + 4) & 0xffffffffL;
            if (id.equals("fmt ") && at + 24 <= content.length) {
                int format = wav.getShort(at + 8) & 0xffff;
                int channels = wav.getShort(at + 10) & 0xffff;
                int rate = wav.getInt(at + 12);
                int bits = wav.getShort(at + 22) & 0xffff;
                if (channels != 1) {
                    return Optional.of(fileName + " has " + channels + " channels; a ringtone must be mono (Yealink L673-675)");
                }
                if (rate != 8000) {
                    return Optional.of(fileName + " is sampled at " + rate + " Hz; a ringtone must be 8 kHz (Yealink L673-675)");
                }
                boolean law = (format == 6 || format == 7) && bits == 8;
                boolean pcm16 = format == 1 && bits == 16;
                if (!law && !pcm16) {
                    return Optional.of(fileName + " is WAV format " + format + " with " + bits
                            + "-bit samples; a ringtone must be µ-law, A-law or 16-bit PCM (Yealink L673-675)");
                }
                return Optional.empty();
            }
            at += 8 + (int) size + (int) (size & 1);
        }
        return Optional.of(fileName + " has no WAV format chunk");
    }

    private static boolean isWave(byte[] content) {
        return content.length >= 12 && new String(content, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                && new String(content, 8, 4, StandardCharsets.US_ASCII).equals("WAVE");
    }
}
