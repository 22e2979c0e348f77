package org.deskphone.net.time;

import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Zone rules made of a standard offset and yearly transition rules, the way java.time needs them built. */
final class YearlyRules {
    private static final int FIRST_YEAR = 1970;

    private YearlyRules() {
    }

    /**
     * java.time applies yearly rules only after its last explicit transition, and with none at all it
     * applies none: so the first year's transitions are listed explicitly and the rules take over after.
     */
    static ZoneRules of(ZoneOffset standard, List<ZoneOffsetTransitionRule> rules) {
        List<ZoneOffsetTransitionRule> ordered = new ArrayList<>(rules);
        // A year's rules are walked in list order: keep them in calendar order.
        ordered.sort(Comparator.comparing(ZoneOffsetTransitionRule::getMonth)
                .thenComparing(rule -> rule.getDayOfMonthIndicator() < 0 ? 32 : rule.getDayOfMonthIndicator()));
        List<ZoneOffsetTransition> first = new ArrayList<>();
        for (ZoneOffsetTransitionRule rule : ordered) {
            first.add(rule.createTransition(FIRST_YEAR));
        }
        first.sort(Comparator.comparing(ZoneOffsetTransition::getInstant));
        return ZoneRules.of(standard, first.get(0).getOffsetBefore(), List.of(), first, ordered);
    }
}
