package org.deskphone.dialplan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.deskphone.config.Config;
import org.deskphone.config.Source.Kind;
import org.deskphone.config.format.DialNowRule;
import org.deskphone.config.format.ReplaceRule;

/**
 * The dial plan's parameters in the configuration, by the catalogue's canonical names (the table in
 * {@link DialPlanSettings} gives both manuals' names and seed lines), read into {@link DialPlanSettings}.
 * Where the two manuals have one parameter each for the same thing with different defaults, the one that was
 * set wins, and with neither set the ALE default holds, as in the rest of the dial plan.
 */
final class DialPlanParameters {
    static final String DIGIT_MAP_ENABLE = "dialplan.digit_map.enable";
    static final String DIGIT_MAP = "dialplan.digit_map.map";
    static final String DIGIT_MAP_TIMER = "dialplan.digit_map.timer";
    static final String DIGIT_MAP_IN = "dialplan.digit_map.in_";
    static final String ACCOUNT = "account.";
    static final String REPLACE_ITEM = "dialplan.item.";
    static final String DIAL_NOW_ITEM = "dialnow.item.";
    static final String REPLACE_RULE_URL = "dialplan_replace_rule.url";
    static final String DIAL_NOW_URL = "dialplan_dialnow.url";
    static final String DIAL_NOW_DELAY = "phone_setting.dialnow_delay";
    static final String AREA_CODE = "dialplan.area_code.code";
    static final String AREA_CODE_MIN = "dialplan.area_code.min_len";
    static final String AREA_CODE_MAX = "dialplan.area_code.max_len";
    static final String AREA_CODE_LINES = "dialplan.area_code.line_id";
    static final String BLOCK_OUT_NUMBER = "dialplan.block_out.number.";
    static final String BLOCK_OUT_LINES = "dialplan.block_out.line_id.";
    static final String EMERGENCY = "phone_setting.emergency.number";
    static final String HOTLINE_ENABLE = "features.hotline_enable";
    static final String HOTLINE_NUMBER = "features.hotline_number";
    static final String HOTLINE_DELAY = "features.hotline_delay";
    static final String KEY_AS_SEND = "features.pound_key.mode";
    static final String SEND_POUND_KEY = "features.send_pound_key";
    static final String NUMBER_FILTER = "features.call_number_filter";
    static final String AUTO_DIAL = "features.auto_dial_out_timer";
    static final String INTER_DIGIT = "phone_setting.inter_digit_time";
    static final String LIVE_DIALPAD = "phone_setting.predial_autodial";
    static final String REDIAL_TONE = "features.redial_tone";
    static final String RING_BACK_TIMEOUT = "features.ring_back_timeout";

    /** The catalogue's ranges: {@code account.X} 1..20, {@code dialplan.item.X} and {@code dialnow.item.X} 1..100, block-out 1..10. */
    static final int ACCOUNTS = 20;
    static final int ITEMS = 100;
    static final int BLOCK_OUTS = 10;
    /** "If it is set to 0, the SIP deskphone will dial out the configured hotline number immediately" (ALE L6528-6530, default 0). */
    private static final int ALE_HOTLINE_DELAY = 0;

    /** Names read whole; the prefixes below cover the families. */
    private static final Set<String> SINGLE = Set.of(REPLACE_RULE_URL, DIAL_NOW_URL, DIAL_NOW_DELAY, EMERGENCY, HOTLINE_ENABLE,
            HOTLINE_NUMBER, HOTLINE_DELAY, KEY_AS_SEND, SEND_POUND_KEY, NUMBER_FILTER, AUTO_DIAL, INTER_DIGIT, LIVE_DIALPAD,
            REDIAL_TONE, RING_BACK_TIMEOUT);
    private static final Pattern FAMILIES = Pattern.compile("(dialplan|dialnow)\\..*|account\\.\\d+\\.(digit_map|dialing_rule)\\..*");

    private DialPlanParameters() {
    }

    static boolean reads(String name) {
        return SINGLE.contains(name) || FAMILIES.matcher(name).matches();
    }

    static DialPlanSettings read(Config config, RuleFiles files) throws DialPlanException {
        DialPlanSettings.Builder settings = DialPlanSettings.builder()
                .digitMap(new DialPlanSettings.DigitMapSettings(config.bool(DIGIT_MAP_ENABLE), config.string(DIGIT_MAP),
                        config.integer(DIGIT_MAP_TIMER), sources(config, DIGIT_MAP_IN, "directory")))
                .replaceRules(replaceRules(config, files))
                .dialNowRules(dialNowRules(config, files))
                .dialNowDelaySeconds(config.integer(DIAL_NOW_DELAY))
                .areaCode(new DialPlanSettings.AreaCodeSettings(config.string(AREA_CODE), config.integer(AREA_CODE_MIN),
                        config.integer(AREA_CODE_MAX), config.string(AREA_CODE_LINES)))
                .blockOut(blockOut(config))
                .emergencyNumbers(config.string(EMERGENCY))
                .hotline(hotline(config))
                .keyAsSend(KeyAsSend.ofCode(config.integer(KEY_AS_SEND)))
                .sendPoundKey(config.bool(SEND_POUND_KEY))
                .numberFilter(config.string(NUMBER_FILTER))
                .autoDialSeconds(isSet(config, AUTO_DIAL) || !isSet(config, INTER_DIGIT) ? config.integer(AUTO_DIAL)
                        : config.integer(INTER_DIGIT))
                .liveDialpad(config.bool(LIVE_DIALPAD))
                .redialTone(config.string(REDIAL_TONE))
                .ringBackTimeoutSeconds(config.integer(RING_BACK_TIMEOUT));
        for (int x = 1; x <= ACCOUNTS; x++) {
            DialPlanSettings.AccountSettings account = account(config, ACCOUNT + x + ".");
            if (!account.equals(DialPlanSettings.AccountSettings.DEFAULTS)) {
                settings.account(x, account);
            }
        }
        return settings.build();
    }

    private static DialPlanSettings.AccountSettings account(Config config, String prefix) {
        String timer = prefix + "digit_map.timer";
        String minLength = prefix + "dialing_rule.min_number_length";
        DialPlanSettings.DialingRuleSettings rule = new DialPlanSettings.DialingRuleSettings(
                config.string(prefix + "dialing_rule.country_code"), config.string(prefix + "dialing_rule.area_code"),
                config.string(prefix + "dialing_rule.external_prefix"), config.isBlank(minLength) ? 0 : config.integer(minLength),
                config.string(prefix + "dialing_rule.prefix_exceptions"), sources(config, prefix + "dialing_rule.in_", "contact"));
        return new DialPlanSettings.AccountSettings(config.bool(prefix + "digit_map.enable"), config.string(prefix + "digit_map.map"),
                config.isBlank(timer) ? null : config.integer(timer), sources(config, prefix + "digit_map.in_", "directory"), rule);
    }

    /**
     * The sources whose {@code in_history}, {@code in_<directory>}, {@code in_forward}, {@code in_manual} flags
     * are on; the dialing rule calls the directory "contact".
     */
    private static Set<Source> sources(Config config, String prefix, String directory) {
        Set<Source> on = EnumSet.noneOf(Source.class);
        if (config.bool(prefix + "history")) {
            on.add(Source.HISTORY);
        }
        if (config.bool(prefix + directory)) {
            on.add(Source.DIRECTORY);
        }
        if (config.bool(prefix + "forward")) {
            on.add(Source.FORWARD);
        }
        if (config.bool(prefix + "manual")) {
            on.add(Source.MANUAL);
        }
        return on;
    }

    /**
     * A downloaded replace-rule file overwrites the rules on the phone ("The existing replace rules on the
     * phones will be overwritten by the downloaded replace rules", Yealink L1038-1040): while
     * {@code dialplan_replace_rule.url} names one and it is installed, its rules are in force; otherwise the
     * enabled {@code dialplan.item.X} (L8593-8617). Blanking the URL brings the items back.
     */
    private static List<DialPlanSettings.ReplaceRuleSettings> replaceRules(Config config, RuleFiles files) throws DialPlanException {
        return rules(config, REPLACE_RULE_URL, files.replaceRules(), REPLACE_ITEM, ReplaceRule::fromItem).stream()
                .filter(ReplaceRule::enabled)
                .map(rule -> new DialPlanSettings.ReplaceRuleSettings(rule.prefix(), rule.replace(), lines(rule.lines())))
                .toList();
    }

    /** As {@link #replaceRules}: the installed {@code <DialNow>} file (L1111-1113), else {@code dialnow.item.X} (L8571-8591). */
    private static List<DialPlanSettings.DialNowSettings> dialNowRules(Config config, RuleFiles files) throws DialPlanException {
        return rules(config, DIAL_NOW_URL, files.dialNowRules(), DIAL_NOW_ITEM, DialNowRule::fromItem).stream()
                .map(rule -> new DialPlanSettings.DialNowSettings(rule.rule(), lines(rule.lines())))
                .toList();
    }

    /** The installed file's rules while {@code url} is set, else the items {@code prefix}1 to 100, read by {@code fromItem}. */
    private static <T> List<T> rules(Config config, String url, Optional<List<T>> file, String prefix, Function<String, T> fromItem)
            throws DialPlanException {
        if (!config.isBlank(url) && file.isPresent()) {
            return file.get();
        }
        List<T> rules = new ArrayList<>();
        for (int x = 1; x <= ITEMS; x++) {
            String item = config.string(prefix + x);
            if (!item.isBlank()) {
                try {
                    rules.add(fromItem.apply(item));
                } catch (IllegalArgumentException e) {
                    throw new DialPlanException(item, -1, e.getMessage()).in(prefix + x);
                }
            }
        }
        return rules;
    }

    /** The block-out entries up to the last one set, blank ones too, so that entry X is {@code dialplan.block_out.number.X}. */
    private static List<DialPlanSettings.BlockOutSettings> blockOut(Config config) {
        List<DialPlanSettings.BlockOutSettings> entries = new ArrayList<>();
        int last = 0;
        for (int x = 1; x <= BLOCK_OUTS; x++) {
            String number = config.string(BLOCK_OUT_NUMBER + x);
            entries.add(new DialPlanSettings.BlockOutSettings(number, config.string(BLOCK_OUT_LINES + x)));
            last = number.isBlank() ? last : x;
        }
        return entries.subList(0, last);
    }

    /**
     * Yealink's hotline is on when it has a number (L9559-9594); ALE's when {@code FeatureHotlineEnable} is
     * true (L6471-6541). So the switch decides once it is set, and the number alone otherwise. The delay's
     * defaults differ (Yealink 4 s, ALE 0 s): unset, it is ALE's when ALE's switch turned the hotline on.
     * An ALE file that sets a number but not the switch gets a hotline, which ALE would keep off.
     */
    private static DialPlanSettings.HotlineSettings hotline(Config config) {
        String number = config.string(HOTLINE_NUMBER);
        boolean on = isSet(config, HOTLINE_ENABLE) ? config.bool(HOTLINE_ENABLE) : !number.isBlank();
        if (!on) {
            return DialPlanSettings.HotlineSettings.OFF;
        }
        boolean aleSwitch = isSet(config, HOTLINE_ENABLE);
        int delay = isSet(config, HOTLINE_DELAY) || !aleSwitch ? config.integer(HOTLINE_DELAY) : ALE_HOTLINE_DELAY;
        return new DialPlanSettings.HotlineSettings(number, delay);
    }

    /** Set by provisioning or by hand, rather than left at its factory default. */
    private static boolean isSet(Config config, String name) {
        return config.source(name).kind() != Kind.FACTORY;
    }

    /** A rule's lines as the engine reads them: blank for every line. */
    private static String lines(List<Integer> lines) {
        return lines.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
