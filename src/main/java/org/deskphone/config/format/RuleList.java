package org.deskphone.config.format;

import java.util.List;

/** The rules of one replace-rule or dial-now file, in file order, with the entries that were skipped. */
public record RuleList<T>(List<T> rules, List<Problem> warnings) {

    public RuleList {
        rules = List.copyOf(rules);
        warnings = List.copyOf(warnings);
    }
}
