package org.deskphone.config.format;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;

/**
 * Yealink's dial-plan resource files: replace rules {@code <DialRule><Data Prefix Replace LineID/>}
 * (§3.7, L1036–1107) and dial-now rules {@code <DialNow><Data DialNowRule LineID/>} (§3.8,
 * L1109–1178), where {@code rule} and {@code lines} are aliases of {@code DialNowRule} and
 * {@code LineID} (L1145–1149). At most 100 rules each (L1056, L1117–1127); the rest are dropped with
 * a warning. A downloaded file replaces the rules on the phone (L1040, L1113): that is for the caller.
 */
public final class DialPlanFiles {
    public static final int MAX_RULES = 100;

    private DialPlanFiles() {
    }

    /** Reads a replace-rule file. */
    public static RuleList<ReplaceRule> replaceRules(String source, byte[] content) throws FormatException {
        List<ReplaceRule> rules = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        read(source, content, "DialRule", warnings, (xml, line) -> {
            String prefix = xml.attribute("Prefix");
            String replace = xml.attribute("Replace");
            if (prefix == null || prefix.isBlank()) {
                warnings.add(Problem.warning(source, line, "replace rule without a Prefix; skipped"));
                return;
            }
            List<Integer> lines = lines(source, line, xml.attribute("LineID"), warnings);
            if (lines == null) {
                return;
            }
            if (rules.size() == MAX_RULES) {
                warnings.add(Problem.warning(source, line, "more than " + MAX_RULES + " replace rules (Yealink L1056); the rest are dropped"));
                return;
            }
            rules.add(new ReplaceRule(true, prefix.strip(), replace == null ? "" : replace.strip(), lines));
        });
        return new RuleList<>(rules, warnings);
    }

    /** Reads a dial-now file. */
    public static RuleList<DialNowRule> dialNow(String source, byte[] content) throws FormatException {
        List<DialNowRule> rules = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        read(source, content, "DialNow", warnings, (xml, line) -> {
            String rule = first(xml.attribute("DialNowRule"), xml.attribute("rule"));
            if (rule == null || rule.isBlank()) {
                warnings.add(Problem.warning(source, line, "dial-now entry without a DialNowRule; skipped"));
                return;
            }
            List<Integer> lines = lines(source, line, first(xml.attribute("LineID"), xml.attribute("lines")), warnings);
            if (lines == null) {
                return;
            }
            if (rules.size() == MAX_RULES) {
                warnings.add(Problem.warning(source, line, "more than " + MAX_RULES + " dial-now rules (Yealink L1117); the rest are dropped"));
                return;
            }
            rules.add(new DialNowRule(rule.strip(), lines));
        });
        return new RuleList<>(rules, warnings);
    }

    private interface DataHandler {
        void data(SafeXml xml, int line);
    }

    private static void read(String source, byte[] content, String root, List<Problem> warnings, DataHandler handler)
            throws FormatException {
        try (SafeXml xml = SafeXml.open(source, content)) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT || !xml.name().equalsIgnoreCase(root)) {
                throw xml.fail("the root element must be <" + root + ">");
            }
            while (xml.nextElement()) {
                if (xml.name().equalsIgnoreCase("Data")) {
                    handler.data(xml, xml.line());
                } else {
                    warnings.add(Problem.warning(source, xml.line(), "<" + xml.name() + "> is not <Data>; ignored"));
                }
                xml.skipElement();
            }
        }
    }

    private static List<Integer> lines(String source, int line, String lineId, List<Problem> warnings) {
        try {
            return RuleFields.lines(lineId == null ? "" : lineId);
        } catch (IllegalArgumentException e) {
            warnings.add(Problem.warning(source, line, e.getMessage() + "; rule skipped"));
            return null;
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
