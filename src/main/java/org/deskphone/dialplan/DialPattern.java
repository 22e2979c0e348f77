package org.deskphone.dialplan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One compiled pattern: a row of elements, each matching one dial symbol out of a set, some of them
 * repeatable zero or more times, with groups of consecutive elements marked for rewriting. Both
 * dialects compile to it: an ALE digit-map string ({@code .} repeats the element before it, {@code R…R…R}
 * groups) and a Yealink rule ({@code .} is a repeatable any-symbol element, {@code ( )} groups).
 *
 * <p>The automaton's states are the element indexes 0…m, state m accepting: being in state k means "the
 * next element to match is k". {@link PatternSet} runs many patterns side by side, keystroke by
 * keystroke; {@link #path(CharSequence)} recovers, once a number is complete, which element took which
 * symbol, so that groups can be rewritten.
 */
final class DialPattern {
    private final int[] masks;
    private final boolean[] starred;
    private final boolean[] marked;
    private final int[] groupFrom;
    private final int[] groupTo;

    private DialPattern(Builder builder) {
        int m = builder.masks.size();
        masks = new int[m];
        starred = new boolean[m];
        for (int i = 0; i < m; i++) {
            masks[i] = builder.masks.get(i);
            starred[i] = builder.starred.get(i);
        }
        marked = Arrays.copyOf(builder.marked, m + 1);
        groupFrom = builder.groupFrom.stream().mapToInt(Integer::intValue).toArray();
        groupTo = builder.groupTo.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Number of elements; the accepting state is this index. */
    int length() {
        return masks.length;
    }

    int mask(int element) {
        return masks[element];
    }

    boolean starred(int element) {
        return starred[element];
    }

    /** True when reaching state {@code state} should play the secondary dial tone. */
    boolean marked(int state) {
        return marked[state];
    }

    int groups() {
        return groupFrom.length;
    }

    int groupFrom(int group) {
        return groupFrom[group];
    }

    int groupTo(int group) {
        return groupTo[group];
    }

    /**
     * Which element took each symbol of {@code input} when the whole input matches, else null. When
     * several ways match, a repeated element takes as many symbols as it can (as a regular expression
     * would), so the answer is always the same. Cost: time and memory in input length × elements;
     * callers bound the input length.
     */
    int[] path(CharSequence input) {
        int n = input.length();
        int m = masks.length;
        int[] symbols = new int[n];
        for (int i = 0; i < n; i++) {
            symbols[i] = Symbols.index(input.charAt(i));
            if (symbols[i] < 0) {
                return null;
            }
        }
        // canFinish[i][k]: from state k, input[i..] can be matched to the end.
        boolean[][] canFinish = new boolean[n + 1][m + 1];
        for (int i = n; i >= 0; i--) {
            boolean[] row = canFinish[i];
            row[m] = i == n;
            for (int k = m - 1; k >= 0; k--) {
                boolean skip = starred[k] && row[k + 1];
                boolean take = i < n && (masks[k] & (1 << symbols[i])) != 0
                        && (starred[k] ? canFinish[i + 1][k] : canFinish[i + 1][k + 1]);
                row[k] = skip || take;
            }
        }
        if (!canFinish[0][0]) {
            return null;
        }
        int[] path = new int[n];
        int i = 0;
        int k = 0;
        while (i < n) {
            boolean take = k < m && (masks[k] & (1 << symbols[i])) != 0
                    && (starred[k] ? canFinish[i + 1][k] : canFinish[i + 1][k + 1]);
            if (take) {
                path[i++] = k;
                if (!starred[k]) {
                    k++;
                }
            } else {
                k++; // a repeatable element matching nothing more; canFinish guarantees this is possible
            }
        }
        return path;
    }

    /** Builds a pattern element by element; the parsers of both dialects use it. */
    static final class Builder {
        private final List<Integer> masks = new ArrayList<>();
        private final List<Boolean> starred = new ArrayList<>();
        private boolean[] marked = new boolean[8];
        private final List<Integer> groupFrom = new ArrayList<>();
        private final List<Integer> groupTo = new ArrayList<>();

        Builder element(int mask) {
            masks.add(mask);
            starred.add(false);
            return this;
        }

        /** Makes the last element repeatable (zero or more times); false when there is none or it already is. */
        boolean starLast() {
            int last = masks.size() - 1;
            if (last < 0 || starred.get(last)) {
                return false;
            }
            starred.set(last, true);
            return true;
        }

        /** Adds a repeatable copy of the last element: it then matches one or more times. */
        boolean repeatLast() {
            int last = masks.size() - 1;
            if (last < 0 || starred.get(last)) {
                return false;
            }
            element(masks.get(last));
            return starLast();
        }

        /** The secondary dial tone plays once the input has matched every element added so far. */
        Builder mark() {
            int state = masks.size();
            if (state >= marked.length) {
                marked = Arrays.copyOf(marked, Math.max(state + 1, marked.length * 2));
            }
            marked[state] = true;
            return this;
        }

        int size() {
            return masks.size();
        }

        /** Declares elements {@code from} (inclusive) to the current end as a group; returns its index. */
        int group(int from) {
            groupFrom.add(from);
            groupTo.add(masks.size());
            return groupFrom.size() - 1;
        }

        DialPattern build() {
            return new DialPattern(this);
        }
    }
}
