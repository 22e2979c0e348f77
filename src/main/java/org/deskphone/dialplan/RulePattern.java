package org.deskphone.dialplan;

/**
 * A pattern in the Yealink dial-plan syntax, used by replace rules, dial-now rules and block-out
 * numbers. The seed defers the syntax to the phone's user guide (seed 000 L1058-1060, L1129-1131); this
 * is the one Yealink's guides give: a digit, {@code *}, {@code #} or {@code +} matches itself, {@code x}
 * any one symbol, {@code .} any number of symbols (zero included), {@code [...]} one of a set with ranges
 * ({@code [5-7]}) and commas ({@code [2,5,8]}), {@code ( )} captures what it matches for a replacement's
 * {@code $1}…{@code $9}. A pattern matches a number as a whole: {@code 2(xx)} matches 234, not 2345.
 */
final class RulePattern {
    private final String text;
    private final DialPattern pattern;

    private RulePattern(String text, DialPattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    static RulePattern parse(String text) throws DialPlanException {
        if (text == null || text.isBlank()) {
            throw new DialPlanException(text == null ? "" : text, -1, "the pattern is empty");
        }
        DialPattern.Builder builder = new DialPattern.Builder();
        int groupOpenedAt = -1;
        int groupFrom = -1;
        for (int pos = 0; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (Symbols.isDialable(c)) {
                builder.element(Symbols.mask(c));
            } else if (c == 'x' || c == 'X') {
                builder.element(Symbols.ALL);
            } else if (c == '.') {
                builder.element(Symbols.ALL);
                builder.starLast();
            } else if (c == '[') {
                long set = Brackets.read(text, pos, text.length(), Symbols.ALL);
                builder.element(Brackets.mask(set));
                pos = Brackets.close(set);
            } else if (c == '(') {
                if (groupOpenedAt >= 0) {
                    throw new DialPlanException(text, pos, "groups ( ) cannot be nested");
                }
                groupOpenedAt = pos;
                groupFrom = builder.size();
            } else if (c == ')') {
                if (groupOpenedAt < 0) {
                    throw new DialPlanException(text, pos, "')' without an opening '('");
                }
                builder.group(groupFrom);
                groupOpenedAt = -1;
            } else {
                throw new DialPlanException(text, pos, "unexpected character '" + c + "'");
            }
        }
        if (groupOpenedAt >= 0) {
            throw new DialPlanException(text, groupOpenedAt, "'(' without a closing ')'");
        }
        return new RulePattern(text, builder.build());
    }

    String text() {
        return text;
    }

    DialPattern pattern() {
        return pattern;
    }

    int groups() {
        return pattern.groups();
    }

    boolean matches(CharSequence number) {
        return pattern.path(number) != null;
    }

    /** What each group took from {@code number}, or null when the number does not match. */
    String[] captures(CharSequence number) {
        int[] path = pattern.path(number);
        if (path == null) {
            return null;
        }
        String[] captures = new String[pattern.groups()];
        for (int g = 0; g < captures.length; g++) {
            StringBuilder taken = new StringBuilder();
            for (int i = 0; i < path.length; i++) {
                if (path[i] >= pattern.groupFrom(g) && path[i] < pattern.groupTo(g)) {
                    taken.append(number.charAt(i));
                }
            }
            captures[g] = taken.toString();
        }
        return captures;
    }

    @Override
    public String toString() {
        return text;
    }
}
