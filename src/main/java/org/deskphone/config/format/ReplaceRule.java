package org.deskphone.config.format;

import java.util.List;

/**
 * A Yealink replace rule: digits dialled that match {@code prefix} are sent as {@code replace}
 * (Yealink §3.7, L1036–1107). The pattern language ({@code x}, {@code [0-6]}, {@code ( )}, {@code $1})
 * belongs to the dial-plan engine; here it is kept as text.
 *
 * @param lines the lines it applies to; empty for all lines ({@code LineID} blank or 0, L1078–1080)
 */
public record ReplaceRule(boolean enabled, String prefix, String replace, List<Integer> lines) {

    public ReplaceRule {
        lines = List.copyOf(lines);
    }

    /**
     * Reads the {@code .cfg} form {@code dialplan.item.X = Enabled,Prefix,Replaced,LineID}
     * (L8593–8617), where LineID may itself be a comma list and commas inside {@code [ ]} belong to the
     * pattern.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ReplaceRule fromItem(String value) {
        List<String> fields = RuleFields.split(value);
        if (fields.size() < 3) {
            throw new IllegalArgumentException("'" + value + "' is not Enabled,Prefix,Replaced,LineID");
        }
        String enabled = fields.get(0);
        if (!enabled.equals("0") && !enabled.equals("1")) {
            throw new IllegalArgumentException("'" + value + "': Enabled must be 0 or 1, not '" + enabled + "'");
        }
        if (fields.get(1).isEmpty()) {
            throw new IllegalArgumentException("'" + value + "': the prefix is empty");
        }
        return new ReplaceRule(enabled.equals("1"), fields.get(1), fields.get(2),
                RuleFields.lines(String.join(",", fields.subList(3, fields.size()))));
    }
}
