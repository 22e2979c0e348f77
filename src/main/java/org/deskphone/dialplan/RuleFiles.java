package org.deskphone.dialplan;

import java.util.List;
import java.util.Optional;
import org.deskphone.config.format.DialNowRule;
import org.deskphone.config.format.ReplaceRule;

/**
 * The rules of the replace-rule and dial-now files provisioning installed ({@code dialplan_replace_rule.url},
 * {@code dialplan_dialnow.url}), as the configuration's file readers read them; each empty when no file is
 * installed. {@link DialPlanSettings#from} converts them into the engine's rules.
 */
public record RuleFiles(Optional<List<ReplaceRule>> replaceRules, Optional<List<DialNowRule>> dialNowRules) {
    public static final RuleFiles NONE = new RuleFiles(Optional.empty(), Optional.empty());

    public RuleFiles {
        replaceRules = replaceRules.map(List::copyOf);
        dialNowRules = dialNowRules.map(List::copyOf);
    }
}
