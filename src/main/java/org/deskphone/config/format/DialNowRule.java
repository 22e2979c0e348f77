package org.deskphone.config.format;

import java.util.List;

/**
 * A Yealink dial-now rule: a number that matches {@code rule} is sent at once, after
 * {@code phone_setting.dialnow_delay} (Yealink §3.8, L1109–1178).
 *
 * @param lines the lines it applies to; empty for all lines
 */
public record DialNowRule(String rule, List<Integer> lines) {

    public DialNowRule {
        lines = List.copyOf(lines);
    }

    /**
     * Reads the {@code .cfg} form {@code dialnow.item.X = Dial-now rule, Line ID} (L8571–8591).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static DialNowRule fromItem(String value) {
        List<String> fields = RuleFields.split(value);
        if (fields.isEmpty() || fields.get(0).isEmpty()) {
            throw new IllegalArgumentException("'" + value + "' has no dial-now rule");
        }
        return new DialNowRule(fields.get(0), RuleFields.lines(String.join(",", fields.subList(1, fields.size()))));
    }
}
