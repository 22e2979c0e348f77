package org.deskphone.app;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.deskphone.config.ConfigStore;
import org.deskphone.dialplan.Decision;
import org.deskphone.dialplan.DialPlan;
import org.deskphone.dialplan.DialPlanException;
import org.deskphone.dialplan.DialPlanSettings;
import org.deskphone.dialplan.DialPlanTester;
import org.deskphone.dialplan.DigitMap;
import org.deskphone.dialplan.ImpossibleMatch;
import org.deskphone.dialplan.KeyAsSend;
import org.deskphone.dialplan.Source;
import org.deskphone.web.DialPlanJson;

/**
 * {@code deskphone dialplan [options] INPUT...}: dials each INPUT (keys, off hook, one after the other
 * without pause, then silence) against a dial plan and prints what the phone would do, and after how
 * many seconds of silence. The plan is the phone's defaults, or with {@code --data} the plan configured in
 * that data folder (its configuration store and the rule files provisioning installed), changed by the
 * options; lists take several items separated by {@code ;}.
 */
final class DialplanCommand implements Command {
    private static final Gson JSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    static final List<String> USAGE_LINES = List.of(
            "usage: deskphone dialplan [options] INPUT...",
            "  --data DIR            start from the plan configured in the phone's data folder DIR (else the defaults)",
            "  --map MAP             digit map (ALE syntax), or 'default' for the manual's default map",
            "  --timer S             seconds a bare T waits (DigitMapTimer, default 3)",
            "  --auto-dial S         dial after S seconds without a key (default 5; 0 = never)",
            "  --key-as-send N       0 none, 1 '#' (default), 2 '*'",
            "  --replace RULES       Yealink replace rules: PREFIX=REPLACE[@LINES];...   e.g. '2(xx)=002$1'",
            "  --dial-now RULES      Yealink dial-now rules: RULE[@LINES];...            e.g. '52[0-6]@1'",
            "  --dial-now-delay S    seconds before a dial-now match is dialled (default 1)",
            "  --block-out NUMBERS   barred numbers: NUMBER[@LINES];...",
            "  --area-code C:MIN-MAX[@LINES]   Yealink area code, e.g. 0592:7-8",
            "  --dialing-rule CC[,AREA[,PREFIX[,MIN[,EXCEPTION...]]]]   ALE dialing rule, e.g. FR,,0,5,112",
            "  --emergency LIST      emergency numbers (default 112,911,110)",
            "  --hotline N[:S]       hotline number and delay",
            "  --filter CHARS        characters removed from numbers (default ',-()')",
            "  --impossible dial|refuse   a number no map string matches (default dial)",
            "  --account N  --source manual|history|directory|forward  --locked  --send-pound-key  --json");

    @Override
    public String summary() {
        return "simulate dialling against a dial plan: what would be dialled, blocked, and when";
    }

    @Override
    public Set<String> options() {
        return Set.of("map", "timer", "auto-dial", "key-as-send", "replace", "dial-now", "dial-now-delay", "block-out",
                "area-code", "dialing-rule", "emergency", "hotline", "filter", "impossible", "account", "source", "data");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json", "locked", "send-pound-key");
    }

    @Override
    public int run(Arguments arguments, Console console) {
        if (arguments.rest().isEmpty()) {
            USAGE_LINES.forEach(console.err()::println);
            return Main.USAGE;
        }
        DialPlanSettings base;
        try {
            base = configured(arguments);
        } catch (IOException e) {
            console.err().println("deskphone dialplan: --data: " + e.getMessage());
            return Main.FAILED;
        } catch (DialPlanException e) {
            console.err().println("deskphone dialplan: the configured dial plan is refused: " + e.getMessage());
            console.err().println("  a running phone keeps the plan it had; after a restart it dials with the default plan");
            return Main.FAILED;
        }
        DialPlan plan;
        int account;
        Source source;
        try {
            plan = DialPlan.compile(settings(arguments, base));
            account = integer(arguments, "account", 1);
            if (account < 1) {
                throw new IllegalArgumentException("--account counts from 1");
            }
            source = source(arguments.option("source").orElse("manual"));
        } catch (DialPlanException e) {
            console.err().println("deskphone dialplan: " + e.getMessage());
            if (e.offset() >= 0 && e.text().length() <= 200) {
                console.err().println("  " + e.text());
                console.err().println("  " + " ".repeat(e.offset()) + "^");
            }
            return Main.USAGE;
        } catch (IllegalArgumentException e) {
            console.err().println("deskphone dialplan: " + e.getMessage());
            return Main.USAGE;
        }
        for (String input : arguments.rest()) {
            DialPlanTester.Outcome outcome = DialPlanTester.test(plan, input, account, source, arguments.flag("locked"));
            console.out().println(arguments.flag("json") ? json(outcome) : text(outcome));
        }
        return Main.OK;
    }

    /** The plan configured in {@code --data}'s folder, or the defaults without it. */
    private static DialPlanSettings configured(Arguments arguments) throws IOException, DialPlanException {
        Optional<String> data = arguments.option("data");
        if (data.isEmpty()) {
            return DialPlanSettings.defaults();
        }
        Path root = DataFolder.expand(data.get());
        if (!Files.isDirectory(root)) {
            throw new IOException("no data folder " + root);
        }
        return PhoneDialPlan.settings(ConfigStore.read(root.resolve(Lifecycle.CONFIG_FOLDER)), PhoneProvisioning.resources(root));
    }

    /** {@code base} changed by the options given. */
    private static DialPlanSettings settings(Arguments arguments, DialPlanSettings base) throws DialPlanException {
        DialPlanSettings.Builder settings = base.toBuilder();
        DialPlanSettings.DigitMapSettings map = base.digitMap();
        int timer = integer(arguments, "timer", map.timerSeconds());
        arguments.option("map").ifPresentOrElse(
                text -> settings.digitMap(text.equals("default") ? DigitMap.ALE_DEFAULT : text, timer),
                () -> settings.digitMap(new DialPlanSettings.DigitMapSettings(map.enabled(), map.map(), timer, map.appliesTo())));
        settings.autoDialSeconds(integer(arguments, "auto-dial", base.autoDialSeconds()));
        settings.keyAsSend(arguments.option("key-as-send").map(code -> KeyAsSend.ofCode(number(code, "--key-as-send")))
                .orElse(base.keyAsSend()));
        settings.sendPoundKey(arguments.flag("send-pound-key") || base.sendPoundKey());
        settings.dialNowDelaySeconds(integer(arguments, "dial-now-delay", base.dialNowDelaySeconds()));
        arguments.option("emergency").ifPresent(settings::emergencyNumbers);
        arguments.option("filter").ifPresent(settings::numberFilter);
        arguments.option("impossible").ifPresent(value -> settings.impossibleMatch(switch (value) {
            case "dial" -> ImpossibleMatch.DIAL_AS_TYPED;
            case "refuse" -> ImpossibleMatch.REFUSE;
            default -> throw new IllegalArgumentException("--impossible is dial or refuse, not " + value);
        }));
        rules(arguments, "replace", (text, lines) -> {
            int equals = text.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("--replace takes PREFIX=REPLACE[@LINES], not " + text);
            }
            return new DialPlanSettings.ReplaceRuleSettings(text.substring(0, equals), text.substring(equals + 1), lines);
        }).ifPresent(settings::replaceRules);
        rules(arguments, "dial-now", DialPlanSettings.DialNowSettings::new).ifPresent(settings::dialNowRules);
        rules(arguments, "block-out", DialPlanSettings.BlockOutSettings::new).ifPresent(settings::blockOut);
        if (arguments.option("area-code").isPresent()) {
            String[] area = lines(arguments.option("area-code").get());
            String[] parts = area[0].split("[:-]");
            if (parts.length != 3) {
                throw new IllegalArgumentException("--area-code takes CODE:MIN-MAX[@LINES], not " + area[0]);
            }
            settings.areaCode(new DialPlanSettings.AreaCodeSettings(parts[0], number(parts[1], "--area-code"),
                    number(parts[2], "--area-code"), area[1]));
        }
        if (arguments.option("hotline").isPresent()) {
            String[] hotline = arguments.option("hotline").get().split(":", 2);
            settings.hotline(new DialPlanSettings.HotlineSettings(hotline[0],
                    hotline.length == 2 ? number(hotline[1], "--hotline") : 0));
        }
        if (arguments.option("dialing-rule").isPresent()) {
            String[] rule = arguments.option("dialing-rule").get().split(",", 5);
            DialPlanSettings.DialingRuleSettings dialingRule = new DialPlanSettings.DialingRuleSettings(rule[0],
                    field(rule, 1), field(rule, 2), field(rule, 3).isEmpty() ? 0 : number(field(rule, 3), "--dialing-rule"),
                    field(rule, 4), DialPlanSettings.ALL_SOURCES);
            int account = integer(arguments, "account", 1);
            DialPlanSettings.AccountSettings configured = base.account(account);
            settings.account(account, new DialPlanSettings.AccountSettings(configured.digitMapEnabled(), configured.digitMap(),
                    configured.digitMapTimerSeconds(), configured.digitMapAppliesTo(), dialingRule));
        }
        return settings.build();
    }

    private static Source source(String name) {
        for (Source source : Source.values()) {
            if (source.name().equalsIgnoreCase(name)) {
                return source;
            }
        }
        throw new IllegalArgumentException("--source is manual, history, directory or forward, not " + name);
    }

    /** A list option's items, each {@code RULE[@LINES]} made into a rule; empty when the option is not given. */
    private static <T> Optional<List<T>> rules(Arguments arguments, String option, BiFunction<String, String, T> rule) {
        if (arguments.option(option).isEmpty()) {
            return Optional.empty();
        }
        List<T> rules = new ArrayList<>();
        for (String item : items(arguments, option)) {
            String[] parts = lines(item);
            rules.add(rule.apply(parts[0], parts[1]));
        }
        return Optional.of(rules);
    }

    private static List<String> items(Arguments arguments, String option) {
        List<String> items = new ArrayList<>();
        for (String item : arguments.option(option).orElse("").split(";")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    /** {@code RULE@LINES} split in two; no {@code @} means every line. */
    private static String[] lines(String item) {
        int at = item.lastIndexOf('@');
        return at < 0 ? new String[] {item, ""} : new String[] {item.substring(0, at), item.substring(at + 1)};
    }

    private static String field(String[] fields, int index) {
        return index < fields.length ? fields[index] : "";
    }

    private static int integer(Arguments arguments, String option, int otherwise) {
        return arguments.option(option).map(value -> number(value, "--" + option)).orElse(otherwise);
    }

    private static int number(String value, String option) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }

    static String text(DialPlanTester.Outcome outcome) {
        Decision decision = outcome.decision();
        String input = "'" + outcome.input() + "'";
        if (decision instanceof Decision.Dial dial) {
            return input + ": dial " + dial.number() + " on account " + dial.account() + " after " + seconds(outcome)
                    + " s (" + dial.trigger().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "; " + dial.rule() + ")";
        }
        if (decision instanceof Decision.Block block) {
            return input + ": block " + block.number() + " after " + seconds(outcome) + " s (" + block.rule() + ")";
        }
        if (decision instanceof Decision.NoMatch noMatch) {
            return input + ": nomatch " + noMatch.number() + " after " + seconds(outcome) + " s (no digit-map string matches)";
        }
        Decision.Collect collect = (Decision.Collect) decision;
        String map = collect.map() == Decision.MapState.NO_MAP ? "no digit map"
                : "digit map: " + collect.map().name().toLowerCase(Locale.ROOT) + " match";
        return input + ": incomplete '" + collect.input() + "' (waits for more keys or Send; " + map + ")";
    }

    static String json(DialPlanTester.Outcome outcome) {
        return JSON.toJson(DialPlanJson.of(outcome));
    }

    private static String seconds(DialPlanTester.Outcome outcome) {
        return BigDecimal.valueOf(outcome.after().toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
