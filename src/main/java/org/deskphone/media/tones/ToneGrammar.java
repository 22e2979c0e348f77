package org.deskphone.media.tones;

import java.util.ArrayList;
import java.util.List;

/**
 * The two manuals' custom tone grammars.
 *
 * <p>ALE (seed L4806-4841, digest §5.5, examples E-68..E-71): {@code Tone = Freq/Duration[;Freq/Duration]...},
 * {@code Freq = Freq1[+Freq2]}; at most eight groups of at most two frequencies; frequencies 200-4000 Hz, 0
 * for silence; durations 0-30000 ms; a group without duration plays forever; a leading {@code !} plays the
 * whole tone once.
 *
 * <p>Yealink (seed L4848-4890): {@code tonelist = element[,element]...}, {@code element = !F1+F2+F3+F4/Duration};
 * at most eight elements of at most four frequencies, 200-7000 Hz or 0; durations 0-30000 ms; elements marked
 * {@code !} are played once, before the others repeat.
 *
 * <p>Errors name the tone text, the group and what is wrong.
 */
public enum ToneGrammar {
    ALE(';', 2, 4000, true),
    YEALINK(',', 4, 7000, false),
    /** The built-in tables: Yealink syntax without the limits (more groups, any frequency). */
    BUILT_IN(',', 4, 20000, false);

    private final char separator;
    private final int maxFrequencies;
    private final int maxFrequency;
    private final boolean leadingBangMeansWholeTone;

    ToneGrammar(char separator, int maxFrequencies, int maxFrequency, boolean leadingBangMeansWholeTone) {
        this.separator = separator;
        this.maxFrequencies = maxFrequencies;
        this.maxFrequency = maxFrequency;
        this.leadingBangMeansWholeTone = leadingBangMeansWholeTone;
    }

    public Tone parse(String text) {
        String body = text.trim();
        if (body.isEmpty()) {
            throw new IllegalArgumentException("tone '" + text + "' is empty");
        }
        boolean wholeOnce = false;
        if (leadingBangMeansWholeTone && body.startsWith("!")) {
            wholeOnce = true;
            body = body.substring(1).trim();
        }
        String[] groups = body.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        if (this != BUILT_IN && groups.length > 8) {
            throw new IllegalArgumentException("tone '" + text + "' has " + groups.length + " groups; at most 8 are allowed");
        }
        List<Tone.Segment> prelude = new ArrayList<>();
        List<Tone.Segment> cycle = new ArrayList<>();
        for (int g = 0; g < groups.length; g++) {
            String group = groups[g].trim();
            boolean once = wholeOnce;
            if (!leadingBangMeansWholeTone && group.startsWith("!")) {
                once = true;
                group = group.substring(1).trim();
            }
            Tone.Segment segment = segment(text, g + 1, group);
            if (segment.durationMillis() == Tone.Segment.FOREVER && g != groups.length - 1) {
                throw new IllegalArgumentException("tone '" + text + "', group " + (g + 1)
                        + " has no duration, so it plays forever and the groups after it never would");
            }
            if (once) {
                if (!cycle.isEmpty()) {
                    throw new IllegalArgumentException("tone '" + text + "', group " + (g + 1)
                            + " is marked ! (play once) after groups that repeat");
                }
                prelude.add(segment);
            } else {
                cycle.add(segment);
            }
        }
        return new Tone(prelude, cycle);
    }

    private Tone.Segment segment(String text, int number, String group) {
        String where = "tone '" + text + "', group " + number;
        if (group.isEmpty()) {
            throw new IllegalArgumentException(where + " is empty");
        }
        String[] parts = group.split("/", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException(where + " ('" + group + "') has more than one '/'");
        }
        int duration = Tone.Segment.FOREVER;
        if (parts.length == 2) {
            duration = number(where, "duration", parts[1]);
            if (duration < 0 || duration > 30000) {
                throw new IllegalArgumentException(where + ": duration " + duration + " ms is outside 0-30000");
            }
        }
        String[] frequencies = parts[0].split("\\+", -1);
        if (frequencies.length > maxFrequencies) {
            throw new IllegalArgumentException(where + " combines " + frequencies.length + " frequencies; at most "
                    + maxFrequencies + " are allowed");
        }
        List<Integer> sounding = new ArrayList<>();
        for (String f : frequencies) {
            int hz = number(where, "frequency", f);
            if (hz == 0) {
                continue;
            }
            if (hz < 200 || hz > maxFrequency) {
                throw new IllegalArgumentException(where + ": frequency " + hz + " Hz is outside 200-" + maxFrequency
                        + " (0 is silence)");
            }
            sounding.add(hz);
        }
        return new Tone.Segment(sounding, duration);
    }

    private static int number(String where, String what, String text) {
        String t = text.trim();
        if (!t.matches("\\d{1,6}")) {
            throw new IllegalArgumentException(where + ": " + what + " '" + t + "' is not a number");
        }
        return Integer.parseInt(t);
    }
}
