package org.deskphone.config.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskphone.config.format.Seeds.bytes;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Replace rules (Yealink §3.7) and dial-now rules (§3.8). */
class DialPlanFilesTest {

    @Test
    void theReplaceRuleExampleLoads() throws Exception {
        // E31, L1087–1093: LineID "" and "0" both mean all lines (L1078–1080).
        RuleList<ReplaceRule> rules = DialPlanFiles.replaceRules("DialPlan.xml", bytes(Seeds.yealink(1087, 1093)));
        assertThat(rules.rules()).containsExactly(new ReplaceRule(true, "1", "05928665234", List.of()),
                new ReplaceRule(true, "2(xx)", "002$1", List.of()));
        assertThat(rules.warnings()).isEmpty();
    }

    @Test
    void theDialNowExampleLoads() throws Exception {
        // E32, L1156–1164.
        RuleList<DialNowRule> rules = DialPlanFiles.dialNow("DialNow.xml", bytes(Seeds.yealink(1156, 1164)));
        assertThat(rules.rules()).containsExactly(new DialNowRule("1234", List.of(1)), new DialNowRule("52[0-6]", List.of(1)),
                new DialNowRule("xxxxxx", List.of()));
    }

    @Test
    void dialNowTakesTheRuleAndLinesAliases() throws Exception {
        // L1145–1149: DialNowRule=""/ rule="" and LineID=""/ lines="".
        RuleList<DialNowRule> rules = DialPlanFiles.dialNow("d.xml", bytes("<DialNow><Data rule=\"9xx\" lines=\"1,2\"/></DialNow>"));
        assertThat(rules.rules()).containsExactly(new DialNowRule("9xx", List.of(1, 2)));
    }

    @Test
    void atMostOneHundredRulesAndBrokenOnesAreSkipped() throws Exception {
        // L1056 and L1117–1127: at most 100 rules.
        StringBuilder file = new StringBuilder("<DialRule>\n<Data Replace=\"1\"/>\n<Data Prefix=\"1\" LineID=\"one\"/>\n");
        for (int i = 0; i < 101; i++) {
            file.append("<Data Prefix=\"").append(i).append("\" Replace=\"9\"/>\n");
        }
        RuleList<ReplaceRule> rules = DialPlanFiles.replaceRules("r.xml", bytes(file.append("</DialRule>").toString()));
        assertThat(rules.rules()).hasSize(100);
        assertThat(rules.warnings()).extracting(Problem::line).containsExactly(2, 3, 104);
    }

    @Test
    void theCfgItemFormsReadToo() {
        // E34 (L8605–8609) and E35 (L8583–8585).
        assertThat(ReplaceRule.fromItem("1,2(xx),002$1,0")).isEqualTo(new ReplaceRule(true, "2(xx)", "002$1", List.of()));
        assertThat(ReplaceRule.fromItem("0,[1,3]xx,9,1,2")).isEqualTo(new ReplaceRule(false, "[1,3]xx", "9", List.of(1, 2)));
        assertThat(DialNowRule.fromItem("52[0-6],1")).isEqualTo(new DialNowRule("52[0-6]", List.of(1)));
        assertThatThrownBy(() -> ReplaceRule.fromItem("2,1,2")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Enabled must be 0 or 1");
        assertThatThrownBy(() -> DialNowRule.fromItem("")).isInstanceOf(IllegalArgumentException.class);
    }
}
