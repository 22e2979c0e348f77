package org.deskphone.dialplan;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.deskphone.config.Config;

/**
 * Everything the dial plan reads from the configuration: patterns and lists are the raw text of the
 * parameters, so that {@link DialPlan#compile(DialPlanSettings)} can refuse a bad one with its position.
 * Immutable; {@link #from(Config, RuleFiles)} reads the phone's configuration, {@link #builder()} starts from
 * the defaults (tests, the command line).
 *
 * <p>Where each value comes from: the catalogue's canonical name, then the ALE {@code config.xml} id and the
 * Yealink {@code .cfg} key it stands for, with their seed lines (seed 004 is the ALE manual, seed 000
 * Yealink's). Where both manuals have a parameter for the same thing, the one that was set wins and with
 * neither set the ALE default holds.
 * <table>
 * <caption>parameters</caption>
 * <tr><td>{@link #digitMap()}</td><td>{@code dialplan.digit_map.{enable,map,timer}}: {@code DigitMapEnable},
 *   {@code DigitMap}, {@code DigitMapTimer}; {@code dialplan.digit_map.in_{history,directory,forward,manual}}:
 *   {@code DigitMapIn{History,Directory,Forward,Manual}Enable} (seed 004 L6273-6365)</td></tr>
 * <tr><td>{@link #accounts()}</td><td>per account X: {@code account.X.digit_map.*}: {@code AccountXDigitMapEnable},
 *   {@code AccountXDigitMap}, {@code AccountXDigitMapTimer}, {@code AccountXDigitMapIn*Enable} (L6372-6459);
 *   {@code account.X.dialing_rule.*}: {@code AccountXDialingRule*} (L6060-6197)</td></tr>
 * <tr><td>{@link #impossibleMatch()}</td><td>no parameter in either manual (ALE digest A-11b)</td></tr>
 * <tr><td>{@link #replaceRules()}</td><td>the enabled {@code dialplan.item.X} (seed 000 L8593-8617), or, while
 *   {@code dialplan_replace_rule.url} is set and its {@code <DialRule>} file is installed, that file's rules,
 *   which overwrite them (L1036-1107)</td></tr>
 * <tr><td>{@link #dialNowRules()}</td><td>{@code dialnow.item.X} (L8571-8591), or the {@code <DialNow>} file of
 *   {@code dialplan_dialnow.url} in the same way (L1109-1178)</td></tr>
 * <tr><td>{@link #dialNowDelaySeconds()}</td><td>{@code phone_setting.dialnow_delay}, 1-14, default 1 (L11031)</td></tr>
 * <tr><td>{@link #areaCode()}</td><td>{@code dialplan.area_code.{code,min_len,max_len,line_id}} (L8424-8512)</td></tr>
 * <tr><td>{@link #blockOut()}</td><td>{@code dialplan.block_out.number.X} and {@code .line_id.X} (L8520-8569)</td></tr>
 * <tr><td>{@link #emergencyNumbers()}</td><td>{@code phone_setting.emergency.number}: {@code SettingEmergencyNumber}
 *   (seed 004 L3078) / {@code phone_setting.emergency.number} (seed 000 L11113); both default {@code 112,911,110}</td></tr>
 * <tr><td>{@link #hotline()}</td><td>{@code features.hotline_enable}: {@code FeatureHotlineEnable};
 *   {@code features.hotline_number}: {@code FeatureHotlineNumber} / {@code features.hotline_number};
 *   {@code features.hotline_delay}: {@code FeatureHotlineDelayTimeout} (seed 004 L6471-6541, delay default 0) /
 *   {@code features.hotline_delay} (seed 000 L9559-9594, default 4). Yealink has no switch: a number turns the
 *   hotline on unless the switch was set</td></tr>
 * <tr><td>{@link #keyAsSend()}</td><td>{@code features.pound_key.mode}: {@code FeatureKeyAsSend} (seed 004 L11498) /
 *   {@code features.pound_key.mode} (seed 000 L9861)</td></tr>
 * <tr><td>{@link #sendPoundKey()}</td><td>{@code features.send_pound_key} (seed 000 L9836)</td></tr>
 * <tr><td>{@link #numberFilter()}</td><td>{@code features.call_number_filter}: {@code FeatureCallNumberFilter},
 *   default {@code ,-()} (seed 004 L6755)</td></tr>
 * <tr><td>{@link #autoDialSeconds()}</td><td>{@code features.auto_dial_out_timer}: {@code FeatureAutoDialOutTimer},
 *   0-18, default 5 (seed 004 L6603), or, when only it is set, {@code phone_setting.inter_digit_time}, 1-14,
 *   default 4 (seed 000 L10675); 0 turns it off</td></tr>
 * <tr><td>{@link #liveDialpad()}</td><td>{@code phone_setting.predial_autodial} (seed 000 L10651)</td></tr>
 * <tr><td>{@link #redialTone()}</td><td>{@code features.redial_tone} (seed 000 L10001)</td></tr>
 * <tr><td>{@link #ringBackTimeoutSeconds()}</td><td>{@code features.ring_back_timeout}: {@code FeatureRingBackTimeout},
 *   0-120, default 60 (seed 004 L6584)</td></tr>
 * </table>
 */
public record DialPlanSettings(
        DigitMapSettings digitMap,
        Map<Integer, AccountSettings> accounts,
        ImpossibleMatch impossibleMatch,
        List<ReplaceRuleSettings> replaceRules,
        List<DialNowSettings> dialNowRules,
        int dialNowDelaySeconds,
        AreaCodeSettings areaCode,
        List<BlockOutSettings> blockOut,
        String emergencyNumbers,
        HotlineSettings hotline,
        KeyAsSend keyAsSend,
        boolean sendPoundKey,
        String numberFilter,
        int autoDialSeconds,
        boolean liveDialpad,
        String redialTone,
        int ringBackTimeoutSeconds) {

    /** Every source: the default of every {@code ...In*Enable} flag of the digit map. */
    public static final Set<Source> ALL_SOURCES = Set.copyOf(EnumSet.allOf(Source.class));

    public DialPlanSettings {
        Objects.requireNonNull(digitMap, "digitMap");
        accounts = Map.copyOf(accounts);
        Objects.requireNonNull(impossibleMatch, "impossibleMatch");
        replaceRules = List.copyOf(replaceRules);
        dialNowRules = List.copyOf(dialNowRules);
        Objects.requireNonNull(areaCode, "areaCode");
        blockOut = List.copyOf(blockOut);
        emergencyNumbers = Objects.requireNonNullElse(emergencyNumbers, "");
        Objects.requireNonNull(hotline, "hotline");
        Objects.requireNonNull(keyAsSend, "keyAsSend");
        numberFilter = Objects.requireNonNullElse(numberFilter, "");
        redialTone = Objects.requireNonNullElse(redialTone, "");
    }

    /**
     * The settings the configuration gives, with the rules of the files provisioning installed.
     *
     * @throws DialPlanException naming the setting, when a {@code dialplan.item.X} or {@code dialnow.item.X}
     *     is not a rule item; {@link DialPlan#compile} checks everything else
     */
    public static DialPlanSettings from(Config config, RuleFiles files) throws DialPlanException {
        return DialPlanParameters.read(config, files);
    }

    /** True when {@link #from} reads the parameter {@code name} (canonical): a change of it may change the plan. */
    public static boolean reads(String name) {
        return DialPlanParameters.reads(name);
    }

    /** As {@link #from(Config, RuleFiles)}, without installed rule files. */
    public static DialPlanSettings from(Config config) throws DialPlanException {
        return from(config, RuleFiles.NONE);
    }

    /** The phone's defaults. */
    public static DialPlanSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Account {@code number}'s settings; an account nobody configured has the defaults. */
    public AccountSettings account(int number) {
        return accounts.getOrDefault(number, AccountSettings.DEFAULTS);
    }

    /**
     * The phone-wide digit map: {@code DigitMapEnable} (default false), {@code DigitMap} (default
     * {@link DigitMap#ALE_DEFAULT}), {@code DigitMapTimer} (seconds, default 3) and the sources the
     * {@code DigitMapIn*Enable} flags leave on (default all).
     */
    public record DigitMapSettings(boolean enabled, String map, int timerSeconds, Set<Source> appliesTo) {
        public static final DigitMapSettings DEFAULTS = new DigitMapSettings(false, DigitMap.ALE_DEFAULT, 3, ALL_SOURCES);

        public DigitMapSettings {
            map = Objects.requireNonNullElse(map, "");
            appliesTo = Set.copyOf(appliesTo);
        }
    }

    /**
     * One account's: {@code AccountXDigitMapEnable} (default true), {@code AccountXDigitMap} (default
     * blank), {@code AccountXDigitMapTimer} (blank = null: the phone-wide timer), the sources its
     * {@code AccountXDigitMapIn*Enable} flags leave on, and its dialing rule.
     */
    public record AccountSettings(boolean digitMapEnabled, String digitMap, Integer digitMapTimerSeconds,
            Set<Source> digitMapAppliesTo, DialingRuleSettings dialingRule) {
        public static final AccountSettings DEFAULTS =
                new AccountSettings(true, "", null, ALL_SOURCES, DialingRuleSettings.DEFAULTS);

        public AccountSettings {
            digitMap = Objects.requireNonNullElse(digitMap, "");
            digitMapAppliesTo = Set.copyOf(digitMapAppliesTo);
            Objects.requireNonNull(dialingRule, "dialingRule");
        }
    }

    /**
     * {@code AccountXDialingRuleCountryCode}, {@code AreaCode}, {@code ExternalPrefix},
     * {@code MinNumberLength} (blank = 0), {@code ExternalPrefixExceptions}, and the sources its
     * {@code DialingRuleIn{History,Contact,Forward,Manual}Enable} flags turn on (defaults: only
     * {@link Source#DIRECTORY}, "Contact").
     */
    public record DialingRuleSettings(String countryCode, String areaCode, String externalPrefix, int minNumberLength,
            String exceptions, Set<Source> appliesTo) {
        public static final DialingRuleSettings DEFAULTS =
                new DialingRuleSettings("", "", "", 0, "", Set.of(Source.DIRECTORY));

        public DialingRuleSettings {
            countryCode = Objects.requireNonNullElse(countryCode, "");
            areaCode = Objects.requireNonNullElse(areaCode, "");
            externalPrefix = Objects.requireNonNullElse(externalPrefix, "");
            exceptions = Objects.requireNonNullElse(exceptions, "");
            appliesTo = Set.copyOf(appliesTo);
        }
    }

    /** A Yealink replace rule: {@code Prefix}, {@code Replace}, {@code LineID} (blank or 0 = all lines). */
    public record ReplaceRuleSettings(String prefix, String replace, String lines) {
        public ReplaceRuleSettings {
            prefix = Objects.requireNonNullElse(prefix, "");
            replace = Objects.requireNonNullElse(replace, "");
            lines = Objects.requireNonNullElse(lines, "");
        }
    }

    /** A Yealink dial-now rule: {@code DialNowRule} (alias {@code rule}), {@code LineID} (alias {@code lines}). */
    public record DialNowSettings(String rule, String lines) {
        public DialNowSettings {
            rule = Objects.requireNonNullElse(rule, "");
            lines = Objects.requireNonNullElse(lines, "");
        }
    }

    /** {@code dialplan.area_code.code} (blank = off), {@code .min_len} (1), {@code .max_len} (15), {@code .line_id}. */
    public record AreaCodeSettings(String code, int minLength, int maxLength, String lines) {
        public static final AreaCodeSettings DEFAULTS = new AreaCodeSettings("", 1, 15, "");

        public AreaCodeSettings {
            code = Objects.requireNonNullElse(code, "");
            lines = Objects.requireNonNullElse(lines, "");
        }
    }

    /** {@code dialplan.block_out.number.X} and {@code dialplan.block_out.line_id.X}. */
    public record BlockOutSettings(String number, String lines) {
        public BlockOutSettings {
            number = Objects.requireNonNullElse(number, "");
            lines = Objects.requireNonNullElse(lines, "");
        }
    }

    /** The hotline: its number (blank = off; ALE's {@code FeatureHotlineEnable}=false means blank here) and delay. */
    public record HotlineSettings(String number, int delaySeconds) {
        public static final HotlineSettings OFF = new HotlineSettings("", 0);

        public HotlineSettings {
            number = Objects.requireNonNullElse(number, "");
        }
    }

    /** Starts from the defaults; every setter replaces one value. */
    public static final class Builder {
        private DigitMapSettings digitMap = DigitMapSettings.DEFAULTS;
        private final Map<Integer, AccountSettings> accounts = new TreeMap<>();
        private ImpossibleMatch impossibleMatch = ImpossibleMatch.DIAL_AS_TYPED;
        private List<ReplaceRuleSettings> replaceRules = List.of();
        private List<DialNowSettings> dialNowRules = List.of();
        private int dialNowDelaySeconds = 1;
        private AreaCodeSettings areaCode = AreaCodeSettings.DEFAULTS;
        private List<BlockOutSettings> blockOut = List.of();
        private String emergencyNumbers = "112,911,110";
        private HotlineSettings hotline = HotlineSettings.OFF;
        private KeyAsSend keyAsSend = KeyAsSend.POUND;
        private boolean sendPoundKey;
        private String numberFilter = ",-()";
        private int autoDialSeconds = 5;
        private boolean liveDialpad;
        private String redialTone = "";
        private int ringBackTimeoutSeconds = 60;

        private Builder() {
        }

        private Builder(DialPlanSettings s) {
            digitMap = s.digitMap;
            accounts.putAll(s.accounts);
            impossibleMatch = s.impossibleMatch;
            replaceRules = s.replaceRules;
            dialNowRules = s.dialNowRules;
            dialNowDelaySeconds = s.dialNowDelaySeconds;
            areaCode = s.areaCode;
            blockOut = s.blockOut;
            emergencyNumbers = s.emergencyNumbers;
            hotline = s.hotline;
            keyAsSend = s.keyAsSend;
            sendPoundKey = s.sendPoundKey;
            numberFilter = s.numberFilter;
            autoDialSeconds = s.autoDialSeconds;
            liveDialpad = s.liveDialpad;
            redialTone = s.redialTone;
            ringBackTimeoutSeconds = s.ringBackTimeoutSeconds;
        }

        public Builder digitMap(DigitMapSettings value) {
            digitMap = value;
            return this;
        }

        /** Shorthand: the phone-wide map, enabled, with this timer, for every source. */
        public Builder digitMap(String map, int timerSeconds) {
            return digitMap(new DigitMapSettings(true, map, timerSeconds, ALL_SOURCES));
        }

        public Builder account(int number, AccountSettings value) {
            accounts.put(number, value);
            return this;
        }

        public Builder impossibleMatch(ImpossibleMatch value) {
            impossibleMatch = value;
            return this;
        }

        public Builder replaceRules(List<ReplaceRuleSettings> value) {
            replaceRules = value;
            return this;
        }

        public Builder dialNowRules(List<DialNowSettings> value) {
            dialNowRules = value;
            return this;
        }

        public Builder dialNowDelaySeconds(int value) {
            dialNowDelaySeconds = value;
            return this;
        }

        public Builder areaCode(AreaCodeSettings value) {
            areaCode = value;
            return this;
        }

        public Builder blockOut(List<BlockOutSettings> value) {
            blockOut = value;
            return this;
        }

        public Builder emergencyNumbers(String value) {
            emergencyNumbers = value;
            return this;
        }

        public Builder hotline(HotlineSettings value) {
            hotline = value;
            return this;
        }

        public Builder keyAsSend(KeyAsSend value) {
            keyAsSend = value;
            return this;
        }

        public Builder sendPoundKey(boolean value) {
            sendPoundKey = value;
            return this;
        }

        public Builder numberFilter(String value) {
            numberFilter = value;
            return this;
        }

        public Builder autoDialSeconds(int value) {
            autoDialSeconds = value;
            return this;
        }

        public Builder liveDialpad(boolean value) {
            liveDialpad = value;
            return this;
        }

        public Builder redialTone(String value) {
            redialTone = value;
            return this;
        }

        public Builder ringBackTimeoutSeconds(int value) {
            ringBackTimeoutSeconds = value;
            return this;
        }

        public DialPlanSettings build() {
            return new DialPlanSettings(digitMap, accounts, impossibleMatch, replaceRules, dialNowRules,
                    dialNowDelaySeconds, areaCode, blockOut, emergencyNumbers, hotline, keyAsSend, sendPoundKey,
                    numberFilter, autoDialSeconds, liveDialpad, redialTone, ringBackTimeoutSeconds);
        }
    }
}
