package org.deskphone.dialplan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A digit map in the ALE syntax (seed 004 L6205-6268) on top of RFC 3435 §2.1.5: strings separated by
 * {@code ;} or {@code |}, optionally wrapped in one pair of parentheses as RFC 3435 writes them. In a
 * string: a digit, {@code *}, {@code #} or {@code +} matches itself; {@code x} any digit; {@code [...]}
 * one of a set of digits, ranges of concrete digits ({@code 5-7}), {@code *}, {@code #}, {@code +} and
 * {@code x}; {@code .} repeats the element before it zero or more times after its first match (see
 * below); {@code ,} plays the secondary dial tone once the input reaches it; {@code T} at the end
 * completes the string when the map's timer runs out with no further key, {@code Tn} after n seconds
 * (0-99); {@code R<match>R<replacement>R} dials the replacement instead of what the match part took;
 * {@code !} as the last character blocks the string. Whitespace is ignored; letters are
 * case-insensitive.
 *
 * <p>The dot follows the ALE manual rather than the letter of RFC 3435: the element before it matches
 * once and then any number of further times, so {@code 123.} completes "immediately after inputting
 * … 123" (seed 004 L6216-6218) and {@code 123.T} matches 123, 1233, 12333 (L6213). Under RFC 3435 the
 * element may match zero times, so {@code 123.} would complete at 12 and the manual's own example could
 * never be typed. The two readings differ only for an input that stops just before the dot.
 *
 * <p>Immutable. {@link #parse(String)} refuses a map it cannot use as a whole, with the position of the
 * first problem; it never throws anything but {@link DialPlanException}.
 */
public final class DigitMap {
    /** The longest map the manual allows (seed 004 L6297). */
    public static final int MAX_LENGTH = 2048;
    /** {@code DigitMap}'s default (seed 004 L6299), byte for byte, including its 9-digit {@code +1} string. */
    public static final String ALE_DEFAULT =
            "[2-9]11;0T;+011xxx.T;0[2-9]xxxxxxxxx;+1[2-9]xxxxxxxx;[2-9]xxxxxxxxx;[2-9]xxxT";

    static final int NO_TIMER = -1;
    static final int MAP_TIMER = -2;

    /** One string of the map. {@code timer}: seconds, {@link #NO_TIMER} or {@link #MAP_TIMER} (a bare T). */
    record Entry(String text, DialPattern pattern, int timer, boolean blocking, List<String> replacements) {

        /** Seconds after the last key at which a complete match fires; 0 for a string without T. */
        int seconds(int mapTimer) {
            return timer == NO_TIMER ? 0 : timer == MAP_TIMER ? mapTimer : timer;
        }
    }

    private static final DigitMap EMPTY = new DigitMap("", List.of());

    private final String text;
    private final List<Entry> entries;
    private final PatternSet set;
    private final long[] blockingNow;
    private final long[] dialingNow;
    private final long[] timed;
    private final long[] blocking;
    private final long[] dialing;

    private DigitMap(String text, List<Entry> entries) {
        this.text = text;
        this.entries = Collections.unmodifiableList(entries);
        List<DialPattern> patterns = new ArrayList<>();
        for (Entry entry : entries) {
            patterns.add(entry.pattern());
        }
        set = new PatternSet(patterns);
        blockingNow = set.acceptingOf(p -> entries.get(p).blocking() && entries.get(p).timer() == NO_TIMER);
        dialingNow = set.acceptingOf(p -> !entries.get(p).blocking() && entries.get(p).timer() == NO_TIMER);
        timed = set.acceptingOf(p -> entries.get(p).timer() != NO_TIMER);
        blocking = set.acceptingOf(p -> entries.get(p).blocking());
        dialing = set.acceptingOf(p -> !entries.get(p).blocking());
    }

    /** Parses {@code text}; null or blank is the empty map, which matches nothing. */
    public static DigitMap parse(String text) throws DialPlanException {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        return new DigitMap(text, new Parser(text).strings());
    }

    /** The text it was parsed from. */
    public String text() {
        return text;
    }

    /** Number of strings. */
    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    Entry entry(int index) {
        return entries.get(index);
    }

    /** What {@code input}, which matches string {@code index} completely, dials: its R groups replaced. */
    String rewrite(int index, CharSequence input) {
        Entry entry = entries.get(index);
        DialPattern pattern = entry.pattern();
        if (pattern.groups() == 0) {
            return input.toString();
        }
        int[] path = pattern.path(input);
        if (path == null) {
            throw new IllegalArgumentException("\"" + input + "\" does not match " + entry.text());
        }
        boolean[] grouped = new boolean[pattern.length()];
        for (int g = 0; g < pattern.groups(); g++) {
            for (int k = pattern.groupFrom(g); k < pattern.groupTo(g); k++) {
                grouped[k] = true;
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (int k = 0; k <= pattern.length(); k++) {
            for (int g = 0; g < pattern.groups(); g++) {
                if (pattern.groupFrom(g) == k) {
                    out.append(entry.replacements().get(g));
                }
            }
            while (k < pattern.length() && i < path.length && path[i] == k) {
                if (!grouped[k]) {
                    out.append(input.charAt(i));
                }
                i++;
            }
        }
        return out.toString();
    }

    Run run() {
        return new Run();
    }

    @Override
    public String toString() {
        return text;
    }

    /** One input being matched against the map, a key at a time. */
    final class Run {
        private final PatternSet.Run run = set.start();

        boolean feed(char c) {
            return run.feed(c);
        }

        void reset() {
            run.reset();
        }

        /** A blocking string without T complete now, else -1. */
        int blockingNow() {
            return run.firstIn(blockingNow);
        }

        /** A dialling string without T complete now, else -1 (the first listed when several are). */
        int dialingNow() {
            return run.firstIn(dialingNow);
        }

        /**
         * The complete string with a timer that fires first, else -1; on a tie a blocking string wins,
         * then the one listed first.
         */
        int firstTimed(int mapTimer) {
            int best = -1;
            for (int p = run.firstIn(timed); p >= 0; p = run.nextIn(timed, p)) {
                if (best < 0 || beats(entries.get(p), entries.get(best), mapTimer)) {
                    best = p;
                }
            }
            return best;
        }

        /** At the end of the input (send, or the auto-dial timer): a complete blocking string, else -1. */
        int blockingAtEnd() {
            return run.firstIn(blocking);
        }

        /** At the end of the input: the first complete dialling string, else -1. */
        int dialingAtEnd() {
            return run.firstIn(dialing);
        }

        /** Some string could still match a longer input. */
        boolean live() {
            return run.live();
        }

        /** No string matches the input nor any longer input: an impossible match. */
        boolean impossible() {
            return run.dead();
        }

        boolean secondaryDialTone() {
            return run.marked();
        }

        private boolean beats(Entry candidate, Entry best, int mapTimer) {
            int a = candidate.seconds(mapTimer);
            int b = best.seconds(mapTimer);
            return a < b || a == b && candidate.blocking() && !best.blocking();
        }
    }

    /** The parser: one pass, positions kept for errors. */
    private static final class Parser {
        private final String text;

        Parser(String text) {
            this.text = text;
        }

        List<Entry> strings() throws DialPlanException {
            if (text.length() > MAX_LENGTH) {
                throw error(MAX_LENGTH, "a digit map holds at most " + MAX_LENGTH + " characters, this one has "
                        + text.length());
            }
            int from = 0;
            int to = text.length();
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            if (from < to && text.charAt(from) == '(') {
                if (text.charAt(to - 1) != ')') {
                    throw error(from, "'(' without a closing ')' at the end of the map");
                }
                from++;
                to--;
            }
            List<Entry> entries = new ArrayList<>();
            int start = from;
            for (int pos = from; pos <= to; pos++) {
                if (pos == to || text.charAt(pos) == ';' || text.charAt(pos) == '|') {
                    Entry entry = string(start, pos);
                    if (entry != null) {
                        entries.add(entry);
                    }
                    start = pos + 1;
                }
            }
            return entries;
        }

        /** One string in text[from, to); null when it is empty (as between ";;"). */
        private Entry string(int from, int to) throws DialPlanException {
            DialPattern.Builder pattern = new DialPattern.Builder();
            List<String> replacements = new ArrayList<>();
            StringBuilder replacement = null;
            int groupOpenedAt = -1;
            int groupFrom = -1;
            boolean inMatchPart = false;
            boolean canRepeat = false;
            int timer = NO_TIMER;
            boolean blocking = false;
            boolean empty = true;
            for (int pos = from; pos < to; pos++) {
                char c = text.charAt(pos);
                if (Character.isWhitespace(c)) {
                    continue;
                }
                empty = false;
                if (blocking) {
                    throw error(pos, "'!' must be the last character of its string");
                }
                if (replacement != null) {
                    if (c == 'R' || c == 'r') {
                        replacements.add(replacement.toString());
                        replacement = null;
                        canRepeat = false;
                    } else if (Symbols.isDialable(c)) {
                        replacement.append(c);
                    } else {
                        throw error(pos, "the replacement of an R group holds only digits, *, # and +, not '" + c + "'");
                    }
                    continue;
                }
                if (timer != NO_TIMER && c != '!') {
                    throw error(pos, "only '!' may follow the timer T");
                }
                if (Symbols.isDialable(c)) {
                    pattern.element(Symbols.mask(c));
                    canRepeat = true;
                } else if (c == 'x' || c == 'X') {
                    pattern.element(Symbols.DIGITS);
                    canRepeat = true;
                } else if (c == '[') {
                    long set = Brackets.read(text, pos, to, Symbols.DIGITS);
                    pattern.element(Brackets.mask(set));
                    pos = Brackets.close(set);
                    canRepeat = true;
                } else if (c == '.') {
                    if (!canRepeat || !pattern.repeatLast()) {
                        throw error(pos, "'.' repeats the digit, x or [...] just before it, and there is none");
                    }
                    canRepeat = false;
                } else if (c == ',') {
                    if (inMatchPart) {
                        throw error(pos, "',' cannot be inside an R group");
                    }
                    pattern.mark();
                    canRepeat = false;
                } else if (c == 'T' || c == 't') {
                    if (inMatchPart) {
                        throw error(pos, "T cannot be inside an R group");
                    }
                    if (pattern.size() == 0) {
                        throw error(pos, "T needs a pattern before it");
                    }
                    int seconds = -1;
                    int digits = 0;
                    while (pos + 1 < to && text.charAt(pos + 1) >= '0' && text.charAt(pos + 1) <= '9') {
                        if (++digits > 2) {
                            throw error(pos + 1, "the timer T takes 0 to 99 seconds");
                        }
                        pos++;
                        seconds = Math.max(seconds, 0) * 10 + (text.charAt(pos) - '0');
                    }
                    timer = seconds < 0 ? MAP_TIMER : seconds;
                } else if (c == 'R' || c == 'r') {
                    if (!inMatchPart) {
                        inMatchPart = true;
                        groupOpenedAt = pos;
                        groupFrom = pattern.size();
                    } else {
                        inMatchPart = false;
                        pattern.group(groupFrom);
                        replacement = new StringBuilder();
                    }
                    canRepeat = false;
                } else if (c == '!') {
                    if (inMatchPart) {
                        throw error(pos, "'!' cannot be inside an R group");
                    }
                    if (pattern.size() == 0) {
                        throw error(pos, "'!' needs a pattern before it");
                    }
                    blocking = true;
                } else {
                    throw error(pos, "unexpected character '" + c + "'");
                }
            }
            if (inMatchPart || replacement != null) {
                throw error(groupOpenedAt, "an R group needs three Rs: R<what is typed>R<what is dialled>R");
            }
            if (empty) {
                return null;
            }
            if (pattern.size() == 0) {
                throw error(from, "a string must match at least one key");
            }
            return new Entry(text.substring(from, to).strip(), pattern.build(), timer, blocking, List.copyOf(replacements));
        }

        private DialPlanException error(int offset, String problem) {
            return new DialPlanException(text, offset, problem);
        }
    }
}
