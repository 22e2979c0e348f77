package org.deskphone.dialplan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the dial plan reads from the configuration, as provisioned: patterns and lists are the
 * raw text of the parameters, so that {@link DialPlan#compile(DialPlanSettings)} can refuse a bad one
 * with its position. Immutable; build with {@link #builder()}, which starts from the defaults.
 *
 * <p>Where each value comes from (ALE {@code config.xml} / Yealink {@code .cfg}); defaults follow the
 * ALE manual where both name one:
 * <table>
 * <caption>parameters</caption>
 * <tr><td>{@link #digitMap()}</td><td>{@code DigitMapEnable}, {@code DigitMap}, {@code DigitMapTimer},
 *   {@code DigitMapIn{History,Directory,Forward,Manual}Enable} (seed 004 L6273-6365)</td></tr>
 * <tr><td>{@link #accounts()}</td><td>per account X: {@code AccountXDigitMapEnable}, {@code AccountXDigitMap},
 *   {@code AccountXDigitMapTimer}, {@code AccountXDigitMapIn*Enable} (L6372-6459) and
 *   {@code AccountXDialingRule*} (L6060-6197)</td></tr>
 * <tr><td>{@link #impossibleMatch()}</td><td>no parameter in either manual (ALE digest A-11b)</td></tr>
 * <tr><td>{@link #replaceRules()}</td><td>{@code dialplan.item.X} (seed 000 L8593-8617) or the
 *   {@code <DialRule>} file of {@code dialplan_replace_rule.url} (L1036-1107), which overwrites them</td></tr>
 * <tr><td>{@link #dialNowRules()}</td><td>{@code dialnow.item.X} (L8571-8591) or the {@code <DialNow>} file of
 *   {@code dialplan_dialnow.url} (L1109-1178)</td></tr>
 * <tr><td>{@link #dialNowDelaySeconds()}</td><td>{@code phone_setting.dialnow_delay}, 1-14, default 1 (L11031)</td></tr>
 * <tr><td>{@link #areaCode()}</td><td>{@code dialplan.area_code.{code,min_len,max_len,line_id}} (L8424-8512)</td></tr>
 * <tr><td>{@link #blockOut()}</td><td>{@code dialplan.block_out.number.X} and {@code .line_id.X} (L8520-8569)</td></tr>
 * <tr><td>{@link #emergencyNumbers()}</td><td>{@code SettingEmergencyNumber} (seed 004 L3078) /
 *   {@code phone_setting.emergency.number} (seed 000 L11113); both default {@code 112,911,110}</td></tr>
 * <tr><td>{@link #hotline()}</td><td>{@code FeatureHotlineEnable}, {@code FeatureHotlineNumber},
 *   {@code FeatureHotlineDelayTimeout} (seed 004 L6471-6541, delay default 0) / {@code features.hotline_number},
 *   {@code features.hotline_delay} (seed 000 L9559-9594, default 4)</td></tr>
 * <tr><td>{@link #keyAsSend()}</td><td>{@code FeatureKeyAsSend} (seed 004 L11498) / {@code features.pound_key.mode}
 *   (seed 000 L9861)</td></tr>
 * <tr><td>{@link #sendPoundKey()}</td><td>{@code features.send_pound_key} (seed 000 L9836)</td></tr>
 * <tr><td>{@link #numberFilter()}</td><td>{@code FeatureCallNumberFilter}, default {@code ,-()} (seed 004 L6755)</td></tr>
 * <tr><td>{@link #autoDialSeconds()}</td><td>{@code FeatureAutoDialOutTimer}, 0-18, default 5 (seed 004 L6603) /
 *   {@code phone_setting.inter_digit_time}, 1-14, default 4 (seed 000 L10675); 0 turns it off</td></tr>
 * <tr><td>{@link #liveDialpad()}</td><td>{@code phone_setting.predial_autodial} (seed 000 L10651)</td></tr>
 * <tr><td>{@link #redialTone()}</td><td>{@code features.redial_tone} (seed 000 L10001)</td></tr>
 * <tr><td>{@link #ringBackTimeoutSeconds()}</td><td>{@code FeatureRingBackTimeout}, 0-120, default 60 (seed 004 L6584)</td></tr>
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

        /**
         * From a {@code dialplan.item.X} value, {@code Enabled,Prefix,Replaced,LineID} (seed 000
         * L8605-8609); empty when the item is disabled. Commas inside {@code [...]} belong to the pattern,
         * those after the third field to the list of lines ({@code 1,2(xx),002$1,1,2}).
         */
        public static Optional<ReplaceRuleSettings> fromItem(String value) throws DialPlanException {
            List<String> fields = CommaFields.split(value, 4);
            if (fields.size() < 3) {
                throw new DialPlanException(value, -1, "a replace rule item is Enabled,Prefix,Replaced,LineID");
            }
            String enabled = fields.get(0).strip();
            if (!enabled.equals("0") && !enabled.equals("1")) {
                throw new DialPlanException(value, 0, "the first field (Enabled) is 0 or 1");
            }
            if (enabled.equals("0")) {
                return Optional.empty();
            }
            return Optional.of(new ReplaceRuleSettings(fields.get(1).strip(), fields.get(2).strip(),
                    fields.size() == 4 ? fields.get(3).strip() : ""));
        }
    }

    /** A Yealink dial-now rule: {@code DialNowRule} (alias {@code rule}), {@code LineID} (alias {@code lines}). */
    public record DialNowSettings(String rule, String lines) {
        public DialNowSettings {
            rule = Objects.requireNonNullElse(rule, "");
            lines = Objects.requireNonNullElse(lines, "");
        }

        /**
         * From a {@code dialnow.item.X} value, {@code Dial-now rule, Line ID} (seed 000 L8583-8585); commas
         * after the rule belong to the list of lines.
         */
        public static DialNowSettings fromItem(String value) throws DialPlanException {
            List<String> fields = CommaFields.split(value, 2);
            if (fields.get(0).isBlank()) {
                throw new DialPlanException(value, -1, "a dial-now item is Rule,LineID");
            }
            return new DialNowSettings(fields.get(0).strip(), fields.size() == 2 ? fields.get(1).strip() : "");
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

    /** Splits on commas that are not inside {@code [...]}, into at most {@code limit} fields. */
    private static final class CommaFields {
        static List<String> split(String value, int limit) {
            List<String> fields = new ArrayList<>();
            if (value == null) {
                fields.add("");
                return fields;
            }
            int depth = 0;
            int start = 0;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '[') {
                    depth++;
                } else if (c == ']' && depth > 0) {
                    depth--;
                } else if (c == ',' && depth == 0 && fields.size() < limit - 1) {
                    fields.add(value.substring(start, i));
                    start = i + 1;
                }
            }
            fields.add(value.substring(start));
            return fields;
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
