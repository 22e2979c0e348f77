package org.deskphone.dialplan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deskphone.config.Config;
import org.tinylog.Logger;

/**
 * The dial plan in force: every rule of {@link DialPlanSettings}, checked and compiled. Immutable, so a
 * dialling in progress keeps the plan it started with while the configuration changes.
 *
 * <h2>The order in which the rules apply</h2>
 * This is the one place that decides it; {@link #finish} implements it and {@link Dialer} feeds it.
 * <ol>
 * <li>The number filter ({@code FeatureCallNumberFilter}) removes its characters from what is typed
 *     (seed 004 L6755-6763). A complete number also loses its whitespace.
 * <li>While keys come (manual dialling, {@link Dialer}): on a locked phone only emergency numbers can be
 *     typed. Otherwise the digit map, the dial-now rules and the auto-dial timer each propose when
 *     to end the dialling; the earliest wins and any key starts over. On a tie: a blocking string, then a
 *     dialling string, then a dial-now rule, then the auto-dial timer. Send ends it at once.
 * <li>Refusals of the typed number: a block-out number ({@code dialplan.block_out}), then a digit-map
 *     string ending in {@code !}, then, when the map in force has no string for the number and
 *     {@link ImpossibleMatch#REFUSE} is chosen, no match. Emergency numbers are never refused.
 * <li>Rewriting: the matching digit-map string's {@code R} groups when a digit map is in force; else the
 *     account's ALE dialing rule where its flags apply ("when enabling Digit Map, the Dialing rules defined
 *     by Digit Map are used instead of the old Dialing Rule", seed 004 L6278-6280); then the first Yealink
 *     replace rule whose prefix matches the number and line; then the Yealink area code.
 * <li>Refusal of the number as it will be dialled: a block-out number again, so that no rewriting leads
 *     to a barred number.
 * </ol>
 *
 * <h2>Which digit map is in force</h2>
 * For account X: none when {@code AccountXDigitMapEnable} is false; else {@code AccountXDigitMap} with
 * the account's source flags when it is not blank; else the phone-wide {@code DigitMap} when
 * {@code DigitMapEnable} is true, for the sources both the phone-wide and the account's flags leave on.
 * A bare {@code T} waits {@code AccountXDigitMapTimer}, or {@code DigitMapTimer} when that is blank (ALE
 * digest A-11e, except that an account can switch the phone-wide map off for itself).
 */
public final class DialPlan {
    /** The longest dial string the plan handles; E.164 numbers have at most 15 digits. */
    public static final int MAX_NUMBER_LENGTH = 64;

    private static final String NO_MAP_MATCH = "no digit-map string matched";

    private final DialPlanSettings settings;
    private final DigitMap phoneMap;
    private final Map<Integer, DigitMap> accountMaps;
    private final Map<Integer, DialingRule> dialingRules;
    private final List<ReplaceRule> replaceRules;
    private final DialNowRules dialNow;
    private final AreaCode areaCode;
    private final List<BlockOut> blockOut;
    private final List<String> emergencyNumbers;
    private final String hotline;

    /** A digit map in force for one dialling, with the timer a bare {@code T} waits and its setting name. */
    record ActiveMap(DigitMap map, int timerSeconds, String setting) {
    }

    /** A {@code dialplan.block_out.number.X} (X = {@code index}) with its lines. */
    private record BlockOut(RulePattern number, Lines lines, int index) {

        static BlockOut of(DialPlanSettings.BlockOutSettings item, int index) throws DialPlanException {
            RulePattern number;
            try {
                number = RulePattern.parse(item.number());
            } catch (DialPlanException e) {
                throw e.in("dialplan.block_out.number." + index);
            }
            try {
                return new BlockOut(number, Lines.parse(item.lines()), index);
            } catch (DialPlanException e) {
                throw e.in("dialplan.block_out.line_id." + index);
            }
        }

        @Override
        public String toString() {
            return "block-out number " + number + " (dialplan.block_out.number." + index + ", " + lines + ")";
        }
    }

    private DialPlan(DialPlanSettings settings) throws DialPlanException {
        this.settings = settings;
        phoneMap = parseMap(settings.digitMap().map(), "DigitMap");
        nonNegative(settings.digitMap().timerSeconds(), "DigitMapTimer");
        accountMaps = new HashMap<>();
        dialingRules = new HashMap<>();
        for (Map.Entry<Integer, DialPlanSettings.AccountSettings> entry : settings.accounts().entrySet()) {
            int account = entry.getKey();
            DialPlanSettings.AccountSettings value = entry.getValue();
            if (account < 1) {
                throw new DialPlanException(String.valueOf(account), -1, "accounts are numbered from 1").in("accounts");
            }
            accountMaps.put(account, parseMap(value.digitMap(), "Account" + account + "DigitMap"));
            if (value.digitMapTimerSeconds() != null) {
                nonNegative(value.digitMapTimerSeconds(), "Account" + account + "DigitMapTimer");
            }
            DialingRule rule = DialingRule.of(value.dialingRule(), "Account" + account + "DialingRule");
            if (rule != null) {
                dialingRules.put(account, rule);
            }
        }
        replaceRules = new ArrayList<>();
        for (int i = 0; i < settings.replaceRules().size(); i++) {
            replaceRules.add(ReplaceRule.of(settings.replaceRules().get(i), "replace rule " + (i + 1)));
        }
        dialNow = DialNowRules.of(settings.dialNowRules());
        nonNegative(settings.dialNowDelaySeconds(), "phone_setting.dialnow_delay");
        areaCode = AreaCode.of(settings.areaCode());
        blockOut = new ArrayList<>();
        for (int i = 0; i < settings.blockOut().size(); i++) {
            DialPlanSettings.BlockOutSettings item = settings.blockOut().get(i);
            if (!item.number().isBlank()) {
                blockOut.add(BlockOut.of(item, i + 1));
            }
        }
        emergencyNumbers = numberList(settings.emergencyNumbers(), "emergency numbers");
        hotline = settings.hotline().number().strip();
        if (!Symbols.allDialable(hotline)) {
            throw new DialPlanException(settings.hotline().number(), -1, "a hotline number holds only digits, *, # and +")
                    .in("hotline number");
        }
        nonNegative(settings.hotline().delaySeconds(), "hotline delay");
        nonNegative(settings.autoDialSeconds(), "auto-dial timer");
        if (!settings.redialTone().isEmpty() && !Symbols.allDialable(settings.redialTone())) {
            throw new DialPlanException(settings.redialTone(), -1, "digits, *, # and + only").in("features.redial_tone");
        }
    }

    /**
     * Checks and compiles {@code settings}. Refuses them as a whole, with the setting and the position of
     * the first problem: the caller keeps the plan it had (see {@link #update}).
     */
    public static DialPlan compile(DialPlanSettings settings) throws DialPlanException {
        return new DialPlan(Objects.requireNonNull(settings, "settings"));
    }

    /** The plan of the default settings. */
    public static DialPlan defaults() {
        try {
            return compile(DialPlanSettings.defaults());
        } catch (DialPlanException e) {
            throw new IllegalStateException("the default dial plan does not compile", e);
        }
    }

    /**
     * The plan to use after the configuration changed to {@code next}: the new one, or {@code current}
     * with the reason it stays when {@code next} cannot be used. A refusal is logged here, once; callers
     * show {@link Update#refused()} where the user looks (web UI, LCD) without logging it again.
     */
    public static Update update(DialPlan current, DialPlanSettings next) {
        Objects.requireNonNull(current, "current");
        try {
            return new Update(compile(next), null);
        } catch (DialPlanException e) {
            return refused(current, e);
        }
    }

    /**
     * As {@link #update(DialPlan, DialPlanSettings)}, for the settings {@code config} and the installed rule
     * {@code files} give ({@link DialPlanSettings#from}); a rule item that is not one is refused the same way.
     */
    public static Update update(DialPlan current, Config config, RuleFiles files) {
        Objects.requireNonNull(current, "current");
        try {
            return update(current, DialPlanSettings.from(config, files));
        } catch (DialPlanException e) {
            return refused(current, e);
        }
    }

    private static Update refused(DialPlan current, DialPlanException why) {
        Logger.warn("dial plan refused, the previous one stays in force: {}", why.getMessage());
        return new Update(current, why);
    }

    /** The outcome of {@link #update}: the plan in force, and why the new settings were refused (or null). */
    public record Update(DialPlan plan, DialPlanException refused) {
        public boolean accepted() {
            return refused == null;
        }
    }

    public DialPlanSettings settings() {
        return settings;
    }

    /**
     * Decides a complete number at once: one picked from history or the directory, a forward target,
     * a number given to a command. The digit map counts a string complete whatever its timer; a blocking
     * string blocks a number it matches the start of ("the number starting with 235 will be blocked",
     * seed 004 L6267-6268); a string without {@code T} that matches only the start of the number does not
     * cut it. Characters other than dial symbols (a SIP URI, an IP address) are passed through unchanged.
     */
    public Decision resolve(String number, int account, Source source) {
        String typed = filter(Objects.requireNonNull(number, "number")).replaceAll("\\s+", "");
        if (typed.isEmpty() || typed.length() > MAX_NUMBER_LENGTH) {
            return new Decision.NoMatch(typed, account);
        }
        if (!Symbols.allDialable(typed)) {
            return new Decision.Dial(typed, account, typed, Decision.Trigger.COMPLETE_NUMBER,
                    "not a dial string: the plan does not apply");
        }
        ActiveMap map = map(account, source);
        if (map == null) {
            return finish(typed, account, source, null, -1, -1, Decision.Trigger.COMPLETE_NUMBER, null);
        }
        DigitMap.Run run = map.map().run();
        int blocking = -1;
        for (int i = 0; i < typed.length(); i++) {
            run.feed(typed.charAt(i));
            if (blocking < 0) {
                blocking = run.blockingNow();
            }
        }
        if (blocking < 0) {
            blocking = run.blockingAtEnd();
        }
        return finish(typed, account, source, map, blocking, run.dialingAtEnd(), Decision.Trigger.COMPLETE_NUMBER, null);
    }

    /**
     * Steps 3 to 5 of the order above, for a complete number: {@code blocking} and {@code dialing} are the
     * strings of {@code map} (or -1) that matched it; {@code decidedBy} names what ended the dialling when
     * that is not the map (a dial-now rule, say), else null.
     */
    Decision finish(String typed, int account, Source source, ActiveMap map, int blocking, int dialing,
            Decision.Trigger trigger, String decidedBy) {
        boolean emergency = isEmergency(typed);
        List<String> applied = new ArrayList<>();
        if (decidedBy != null) {
            applied.add(decidedBy);
        }
        BlockOut barred = emergency ? null : blockOut(typed, account);
        if (barred != null) {
            return new Decision.Block(typed, account, Decision.Blocker.BLOCK_OUT, barred.toString());
        }
        String number = typed;
        if (map != null) {
            if (blocking >= 0 && !emergency) {
                return new Decision.Block(typed, account, Decision.Blocker.DIGIT_MAP, describe(map, blocking));
            }
            if (dialing >= 0) {
                number = map.map().rewrite(dialing, typed);
                applied.add(describe(map, dialing));
            } else if (settings.impossibleMatch() == ImpossibleMatch.REFUSE && !emergency) {
                return new Decision.NoMatch(typed, account);
            } else {
                applied.add(NO_MAP_MATCH);
            }
        } else if (dialingRuleApplies(account, source)) {
            DialingRule rule = dialingRules.get(account);
            String rewritten = rule.apply(number);
            if (!rewritten.equals(number)) {
                applied.add(rule.toString());
                number = rewritten;
            }
        }
        for (ReplaceRule rule : replaceRules) {
            String replaced = rule.apply(number, account);
            if (replaced != null) {
                applied.add(rule.toString());
                number = replaced;
                break;
            }
        }
        if (areaCode != null) {
            String local = areaCode.apply(number, account);
            if (!local.equals(number)) {
                applied.add("area code " + areaCode.code());
                number = local;
            }
        }
        barred = emergency ? null : blockOut(number, account);
        if (barred != null) {
            return new Decision.Block(number, account, Decision.Blocker.BLOCK_OUT, barred.toString());
        }
        if (number.isEmpty()) {
            return new Decision.NoMatch(typed, account);
        }
        if (emergency) {
            applied.add(0, "emergency number");
        }
        return new Decision.Dial(number, account, typed, trigger, applied.isEmpty() ? "as typed" : String.join("; ", applied));
    }

    /** The digit map in force for {@code account} dialling from {@code source}, or null. */
    ActiveMap map(int account, Source source) {
        DialPlanSettings.AccountSettings own = settings.account(account);
        if (!own.digitMapEnabled()) {
            return null;
        }
        DialPlanSettings.DigitMapSettings phone = settings.digitMap();
        int timer = own.digitMapTimerSeconds() != null ? own.digitMapTimerSeconds() : phone.timerSeconds();
        DigitMap accountMap = accountMaps.get(account);
        if (accountMap != null && !own.digitMap().isBlank()) {
            return own.digitMapAppliesTo().contains(source)
                    ? new ActiveMap(accountMap, timer, "Account" + account + "DigitMap") : null;
        }
        if (phone.enabled() && phone.appliesTo().contains(source) && own.digitMapAppliesTo().contains(source)) {
            return new ActiveMap(phoneMap, timer, "DigitMap");
        }
        return null;
    }

    /** True when a digit map is enabled for {@code account}, whatever its source flags. */
    private boolean digitMapEnabled(int account) {
        DialPlanSettings.AccountSettings own = settings.account(account);
        return own.digitMapEnabled() && (!own.digitMap().isBlank() || settings.digitMap().enabled());
    }

    private boolean dialingRuleApplies(int account, Source source) {
        return dialingRules.containsKey(account) && !digitMapEnabled(account)
                && settings.account(account).dialingRule().appliesTo().contains(source);
    }

    DialNowRules dialNow() {
        return dialNow;
    }

    /** True when {@code c} is one of the characters the number filter removes. */
    boolean filters(char c) {
        return settings.numberFilter().indexOf(c) >= 0;
    }

    boolean isEmergency(String number) {
        return emergencyNumbers.contains(number);
    }

    /** True when {@code input} is the start of an emergency number (or one). */
    boolean mayBecomeEmergency(String input) {
        for (String emergency : emergencyNumbers) {
            if (emergency.startsWith(input)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code number} is an emergency number that no other one extends. */
    boolean isCompleteEmergency(String number) {
        if (!isEmergency(number)) {
            return false;
        }
        for (String emergency : emergencyNumbers) {
            if (emergency.length() > number.length() && emergency.startsWith(number)) {
                return false;
            }
        }
        return true;
    }

    /** The hotline number, or empty when there is none. */
    String hotline() {
        return hotline;
    }

    private String filter(String number) {
        if (settings.numberFilter().isEmpty()) {
            return number;
        }
        StringBuilder kept = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            if (!filters(number.charAt(i))) {
                kept.append(number.charAt(i));
            }
        }
        return kept.toString();
    }

    private BlockOut blockOut(String number, int account) {
        for (BlockOut rule : blockOut) {
            if (rule.lines().includes(account) && rule.number().matches(number)) {
                return rule;
            }
        }
        return null;
    }

    private static String describe(ActiveMap map, int entry) {
        return map.setting() + " string \"" + map.map().entry(entry).text() + "\"";
    }

    private static DigitMap parseMap(String text, String setting) throws DialPlanException {
        try {
            return DigitMap.parse(text);
        } catch (DialPlanException e) {
            throw e.in(setting);
        }
    }

    private static void nonNegative(int seconds, String setting) throws DialPlanException {
        if (seconds < 0) {
            throw new DialPlanException(String.valueOf(seconds), -1, "a time cannot be negative").in(setting);
        }
    }

    private static List<String> numberList(String text, String setting) throws DialPlanException {
        List<String> numbers = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ',' || text.charAt(i) == ';' || Character.isWhitespace(text.charAt(i))) {
                if (i > start) {
                    String number = text.substring(start, i);
                    for (int j = 0; j < number.length(); j++) {
                        if (!Symbols.isDialable(number.charAt(j))) {
                            throw new DialPlanException(text, start + j, "a number holds only digits, *, # and +").in(setting);
                        }
                    }
                    numbers.add(number);
                }
                start = i + 1;
            }
        }
        return List.copyOf(numbers);
    }
}
