package org.deskphone.dialplan;

/**
 * A Yealink replace rule (seed 000 L1036-1107, L8593-8617): a number that matches {@code Prefix} as a
 * whole is dialled as {@code Replace}, where {@code $1}…{@code $9} stand for what the groups took
 * ({@code 2(xx)} → {@code 002$1} dials 234 as 00234). Applies to the lines of {@code LineID}.
 */
final class ReplaceRule {
    private final RulePattern prefix;
    private final String replace;
    private final Lines lines;

    private ReplaceRule(RulePattern prefix, String replace, Lines lines) {
        this.prefix = prefix;
        this.replace = replace;
        this.lines = lines;
    }

    static ReplaceRule of(DialPlanSettings.ReplaceRuleSettings settings, String name) throws DialPlanException {
        RulePattern prefix;
        try {
            prefix = RulePattern.parse(settings.prefix());
        } catch (DialPlanException e) {
            throw e.in(name + " Prefix");
        }
        String replace = settings.replace().strip();
        for (int i = 0; i < replace.length(); i++) {
            char c = replace.charAt(i);
            if (c == '$') {
                int group = i + 1 < replace.length() ? replace.charAt(i + 1) - '0' : -1;
                if (group < 1 || group > 9) {
                    throw new DialPlanException(replace, i, "'$' is followed by the number of a group, 1 to 9")
                            .in(name + " Replace");
                }
                if (group > prefix.groups()) {
                    throw new DialPlanException(replace, i, "the prefix has no group " + group).in(name + " Replace");
                }
                i++;
            } else if (!Symbols.isDialable(c)) {
                throw new DialPlanException(replace, i, "a replacement holds digits, *, #, + and $1 to $9, not '" + c + "'")
                        .in(name + " Replace");
            }
        }
        try {
            return new ReplaceRule(prefix, replace, Lines.parse(settings.lines()));
        } catch (DialPlanException e) {
            throw e.in(name + " LineID");
        }
    }

    /** The replacement for {@code number} dialled on {@code line}, or null when the rule does not apply. */
    String apply(String number, int line) {
        if (!lines.includes(line)) {
            return null;
        }
        String[] captures = prefix.captures(number);
        if (captures == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < replace.length(); i++) {
            char c = replace.charAt(i);
            if (c == '$') {
                out.append(captures[replace.charAt(++i) - '1']);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "replace rule " + prefix + " -> " + replace + " (" + lines + ")";
    }
}
