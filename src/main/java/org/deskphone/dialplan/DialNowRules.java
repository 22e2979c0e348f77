package org.deskphone.dialplan;

import java.util.ArrayList;
import java.util.List;

/**
 * Yealink dial-now rules (seed 000 L1109-1178, L8571-8591): a number typed on one of a rule's lines that
 * matches it as a whole is dialled after {@code phone_setting.dialnow_delay} unless another key comes.
 * All rules run side by side, a key at a time.
 */
final class DialNowRules {
    static final DialNowRules NONE = new DialNowRules(List.of(), List.of());

    private final List<RulePattern> rules;
    private final List<Lines> lines;
    private final PatternSet set;
    private final long[] every;

    private DialNowRules(List<RulePattern> rules, List<Lines> lines) {
        this.rules = List.copyOf(rules);
        this.lines = List.copyOf(lines);
        List<DialPattern> patterns = new ArrayList<>();
        for (RulePattern rule : rules) {
            patterns.add(rule.pattern());
        }
        set = new PatternSet(patterns);
        every = set.acceptingOf(p -> true);
    }

    static DialNowRules of(List<DialPlanSettings.DialNowSettings> settings) throws DialPlanException {
        List<RulePattern> rules = new ArrayList<>();
        List<Lines> lines = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            String name = "dial-now rule " + (i + 1);
            try {
                rules.add(RulePattern.parse(settings.get(i).rule()));
            } catch (DialPlanException e) {
                throw e.in(name);
            }
            try {
                lines.add(Lines.parse(settings.get(i).lines()));
            } catch (DialPlanException e) {
                throw e.in(name + " LineID");
            }
        }
        return rules.isEmpty() ? NONE : new DialNowRules(rules, lines);
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    Run run() {
        return new Run();
    }

    /** One input against every rule. */
    final class Run {
        private final PatternSet.Run run = set.start();

        void feed(char c) {
            run.feed(c);
        }

        void reset() {
            run.reset();
        }

        /** The first rule for {@code line} that the input matches as a whole, or null. */
        RulePattern matching(int line) {
            for (int p = run.firstIn(every); p >= 0; p = run.nextIn(every, p)) {
                if (lines.get(p).includes(line)) {
                    return rules.get(p);
                }
            }
            return null;
        }
    }
}
