package org.deskphone.dialplan;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Many {@link DialPattern}s run side by side as one bit-parallel automaton, so that deciding after a
 * keystroke costs a few word operations per 64 pattern states, however many strings a map has (the
 * "shift-and" technique). Pattern p owns states {@code offset(p)} to {@code offset(p) + length(p)}, the
 * last one accepting. A state's bit is set while the input so far can be in that state.
 *
 * <p>One keystroke: the states whose element takes the symbol move on (a repeatable element stays, the
 * others shift to the next state), then the closure adds, for every run of repeatable elements, the
 * states that can be reached by matching them zero times. That closure is one multi-word addition:
 * adding the run's mask to its active bits carries through the rest of the run (see {@link #close}).
 */
final class PatternSet {
    private final int patterns;
    private final int words;
    private final int[] offsets;
    private final int[] acceptStates;
    private final long[][] consumes = new long[Symbols.COUNT][];
    private final long[] repeatable;
    private final long[] accepting;
    private final long[] marks;
    private final long[] initial;

    PatternSet(List<DialPattern> list) {
        patterns = list.size();
        offsets = new int[patterns];
        acceptStates = new int[patterns];
        int states = 0;
        for (int p = 0; p < patterns; p++) {
            offsets[p] = states;
            acceptStates[p] = states + list.get(p).length();
            states = acceptStates[p] + 1;
        }
        words = Math.max(1, (states + 63) >>> 6);
        for (int s = 0; s < Symbols.COUNT; s++) {
            consumes[s] = new long[words];
        }
        repeatable = new long[words];
        accepting = new long[words];
        marks = new long[words];
        initial = new long[words];
        for (int p = 0; p < patterns; p++) {
            DialPattern pattern = list.get(p);
            int base = offsets[p];
            for (int k = 0; k < pattern.length(); k++) {
                int mask = pattern.mask(k);
                for (int s = 0; s < Symbols.COUNT; s++) {
                    if ((mask & (1 << s)) != 0) {
                        set(consumes[s], base + k);
                    }
                }
                if (pattern.starred(k)) {
                    set(repeatable, base + k);
                }
            }
            for (int k = 0; k <= pattern.length(); k++) {
                if (pattern.marked(k)) {
                    set(marks, base + k);
                }
            }
            set(accepting, base + pattern.length());
            set(initial, base);
        }
        close(initial, repeatable);
    }

    /** The accepting states of the patterns {@code which} selects, as a mask for {@link Run#firstIn}. */
    long[] acceptingOf(IntPredicate which) {
        long[] mask = new long[words];
        for (int p = 0; p < patterns; p++) {
            if (which.test(p)) {
                set(mask, acceptState(p));
            }
        }
        return mask;
    }

    Run start() {
        return new Run();
    }

    private int acceptState(int pattern) {
        return acceptStates[pattern];
    }

    private int patternOf(int state) {
        int at = Arrays.binarySearch(offsets, state);
        return at >= 0 ? at : -at - 2;
    }

    private static void set(long[] bits, int index) {
        bits[index >>> 6] |= 1L << (index & 63);
    }

    /**
     * Adds to {@code active} every state reachable by skipping repeatable elements. For a run of
     * repeatable elements a..b and an active state k in it, {@code (active & run) + run} carries from k
     * up to b+1, clearing k..b; XOR with the run turns that into k..b+1, exactly the states reachable from
     * k. Other active bits of the run flip to zero in the sum; OR-ing {@code active} back restores them.
     */
    private static void close(long[] active, long[] repeatable) {
        long carry = 0;
        for (int w = 0; w < active.length; w++) {
            long run = repeatable[w];
            long a = active[w] & run;
            long sum = a + run;
            long carryOut = Long.compareUnsigned(sum, a) < 0 ? 1 : 0;
            long withCarry = sum + carry;
            if (carry != 0 && withCarry == 0) {
                carryOut = 1;
            }
            carry = carryOut;
            active[w] |= withCarry ^ run;
        }
    }

    /** The state of one input being matched against every pattern. Not thread-safe; one per dialling. */
    final class Run {
        private final long[] state = initial.clone();

        /** Back to the empty input. */
        void reset() {
            System.arraycopy(initial, 0, state, 0, words);
        }

        /** Takes one symbol; false (and no change) when {@code c} is not a dial symbol. */
        boolean feed(char c) {
            int symbol = Symbols.index(c);
            if (symbol < 0) {
                return false;
            }
            long[] takes = consumes[symbol];
            long carry = 0;
            for (int w = 0; w < words; w++) {
                long moved = state[w] & takes[w];
                long stays = moved & repeatable[w];
                long shifts = moved & ~repeatable[w];
                state[w] = stays | (shifts << 1) | carry;
                carry = shifts >>> 63;
            }
            close(state, repeatable);
            return true;
        }

        /** True when some pattern could still take another symbol. */
        boolean live() {
            for (int w = 0; w < words; w++) {
                if ((state[w] & ~accepting[w]) != 0) {
                    return true;
                }
            }
            return false;
        }

        /** True when no pattern matches the input nor could match a longer one. */
        boolean dead() {
            for (int w = 0; w < words; w++) {
                if (state[w] != 0) {
                    return false;
                }
            }
            return true;
        }

        /** True when the input has just reached a place marked for the secondary dial tone. */
        boolean marked() {
            return intersects(marks);
        }

        boolean intersects(long[] mask) {
            for (int w = 0; w < words; w++) {
                if ((state[w] & mask[w]) != 0) {
                    return true;
                }
            }
            return false;
        }

        /** The lowest-numbered pattern complete now whose accepting state is in {@code mask}; -1 if none. */
        int firstIn(long[] mask) {
            return nextIn(mask, -1);
        }

        /** Like {@link #firstIn} for patterns numbered above {@code after}. */
        int nextIn(long[] mask, int after) {
            int from = after < 0 ? 0 : acceptState(after) + 1;
            for (int w = from >>> 6; w < words; w++) {
                long bits = state[w] & mask[w];
                if (w == from >>> 6) {
                    bits &= -1L << (from & 63);
                }
                if (bits != 0) {
                    return patternOf((w << 6) + Long.numberOfTrailingZeros(bits));
                }
            }
            return -1;
        }
    }
}
