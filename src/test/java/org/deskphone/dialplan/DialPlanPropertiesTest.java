package org.deskphone.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.deskphone.config.Access;
import org.deskphone.config.ChangeResult;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.deskphone.testing.PhoneConfig;

class DialPlanPropertiesTest {
    private static final PhoneConfig CONFIG = new PhoneConfig();
    private static final String MAP_CHARS = "0123456789xX*#+[]-.,TtRr!;|() 5";
    private static final String RULE_CHARS = "0123456789x*#+[]-.,()$ a";
    private static final String KEYS = "0123456789*#+";

    @Provide
    Arbitrary<String> mapLike() {
        return Arbitraries.strings().withChars(MAP_CHARS.toCharArray()).ofMaxLength(2100);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(300);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().withChars(KEYS.toCharArray()).ofMaxLength(40);
    }

    /** Valid maps, built from valid strings, up to the 2,048-character limit. */
    @Provide
    Arbitrary<String> validMap() {
        Arbitrary<String> element = Arbitraries.oneOf(
                Arbitraries.of("0", "1", "2", "9", "x", "*", "#", "+", "[2-9]", "[13-5*]", "[x#]"),
                Arbitraries.of("x.", "1.", "[35-7]."));
        Arbitrary<List<String>> body = element.list().ofMinSize(1).ofMaxSize(12);
        Arbitrary<String> string = Combinators.combine(body, Arbitraries.of("", "", "T", "T5", "!", "T!"),
                Arbitraries.of("", "", "R9R0R", "RR+R", ",")).as((parts, end, prefix) -> prefix.equals(",")
                        ? parts.get(0) + "," + String.join("", parts.subList(1, parts.size())) + end
                        : prefix + String.join("", parts) + end);
        return string.list().ofMinSize(1).ofMaxSize(200).map(strings -> {
            StringBuilder map = new StringBuilder();
            for (String s : strings) {
                if (map.length() + s.length() + 1 > DigitMap.MAX_LENGTH) {
                    break;
                }
                map.append(map.length() == 0 ? "" : ";").append(s);
            }
            return map.toString();
        });
    }

    @Property(tries = 400)
    void theMapParserThrowsNothingButItsOwnError(@ForAll("mapLike") String text) {
        parseQuietly(text);
    }

    @Property(tries = 300)
    void theMapParserThrowsNothingButItsOwnErrorOnAnyText(@ForAll("anyText") String text) {
        parseQuietly(text);
    }

    @Property(tries = 300)
    void ruleParsersThrowNothingButTheirOwnError(@ForAll("anyText") String prefix, @ForAll("anyText") String replace,
            @ForAll("anyText") String lines) {
        DialPlanSettings settings = DialPlanSettings.builder()
                .replaceRules(List.of(new DialPlanSettings.ReplaceRuleSettings(prefix, replace, lines)))
                .dialNowRules(List.of(new DialPlanSettings.DialNowSettings(replace, lines)))
                .blockOut(List.of(new DialPlanSettings.BlockOutSettings(prefix, lines)))
                .emergencyNumbers(replace)
                .build();
        try {
            DialPlan.compile(settings);
        } catch (DialPlanException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    /** The rule items come through the configuration: whatever the store accepts, the plan refuses only with its own error. */
    @Property(tries = 300)
    void configuredRuleItemsGiveAPlanOrItsOwnError(@ForAll("anyText") String item) {
        ChangeResult stored = CONFIG.store.change(Access.ADMIN, Map.of("dialplan.item.1", item, "dialnow.item.1", item));
        if (!stored.accepted()) {
            return; // the store refused it (control characters, too long): no plan ever sees it
        }
        try {
            DialPlan.compile(DialPlanSettings.from(CONFIG.current()));
        } catch (DialPlanException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void ruleSyntaxCharactersParseOrFailCleanly(@ForAll("ruleLike") String pattern) {
        try {
            RulePattern.parse(pattern).matches("12345");
        } catch (DialPlanException e) {
            assertThat(e.offset()).isLessThan(Math.max(1, pattern.length()));
        }
    }

    @Provide
    Arbitrary<String> ruleLike() {
        return Arbitraries.strings().withChars(RULE_CHARS.toCharArray()).ofMaxLength(60);
    }

    /**
     * The keystroke matcher (all strings side by side, bit-parallel) and the path finder (one string,
     * the whole input at once) are two independent implementations: they must agree on every prefix.
     */
    @Property(tries = 300)
    void theKeystrokeMatcherAgreesWithThePathFinder(@ForAll("validMap") String text, @ForAll("keys") String input)
            throws DialPlanException {
        DigitMap map = DigitMap.parse(text);
        DigitMap.Run run = map.run();
        for (int i = 1; i <= input.length(); i++) {
            run.feed(input.charAt(i - 1));
            String prefix = input.substring(0, i);
            int firstComplete = -1;
            for (int p = 0; p < map.size(); p++) {
                if (map.entry(p).pattern().path(prefix) != null) {
                    firstComplete = firstComplete < 0 ? p : firstComplete;
                    if (!map.entry(p).blocking()) {
                        assertThat(run.dialingAtEnd()).as("%s after %s", map.entry(p).text(), prefix).isGreaterThanOrEqualTo(0);
                    }
                }
            }
            boolean anyComplete = run.dialingAtEnd() >= 0 || run.blockingAtEnd() >= 0;
            assertThat(anyComplete).as("%s on %s", prefix, text).isEqualTo(firstComplete >= 0);
            if (run.dialingAtEnd() >= 0) {
                assertThat(map.entry(run.dialingAtEnd()).pattern().path(prefix)).isNotNull();
                map.rewrite(run.dialingAtEnd(), prefix);
            }
            if (run.impossible()) {
                assertThat(anyComplete).isFalse();
                for (char next : KEYS.toCharArray()) {
                    for (int p = 0; p < map.size(); p++) {
                        assertThat(map.entry(p).pattern().path(prefix + next)).as("%s%s", prefix, next).isNull();
                    }
                }
                break; // and impossible it stays
            }
        }
    }

    @Property(tries = 30)
    void matchingLongInputsAgainstLongMapsStaysBounded(@ForAll("validMap") String text,
            @ForAll @IntRange(min = 1000, max = 20_000) int length) throws DialPlanException {
        DigitMap map = DigitMap.parse(text);
        DigitMap.Run run = map.run();
        long seed = length;
        for (int i = 0; i < length; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            run.feed(KEYS.charAt((int) ((seed >>> 33) % KEYS.length())));
            run.dialingNow();
            run.firstTimed(3);
        }
        assertThat(run.live() || run.impossible() || run.dialingAtEnd() >= 0 || run.blockingAtEnd() >= 0).isTrue();
    }

    @Property(tries = 40)
    void aDiallerFedEndlessKeysAlwaysEndsOrWaitsWithinItsLimit(@ForAll("validMap") String text,
            @ForAll @IntRange(min = 0, max = 2000) int keys, @ForAll @IntRange(min = 0, max = 20) int timer) {
        DialPlan plan;
        try {
            plan = DialPlan.compile(DialPlanSettings.builder().digitMap(text, timer).build());
        } catch (DialPlanException e) {
            throw new AssertionError(e);
        }
        PhoneLoop loop = new PhoneLoop(new VirtualClock(Instant.EPOCH));
        Dialer dialer = new Dialer(loop, plan, 1, false, decision -> { });
        dialer.start(Dialer.Start.OFF_HOOK);
        for (int i = 0; i < keys; i++) {
            dialer.key(KEYS.charAt(i % KEYS.length()));
        }
        loop.advance(Duration.ofSeconds(200));
        assertThat(dialer.input().length()).isLessThanOrEqualTo(DialPlan.MAX_NUMBER_LENGTH);
        assertThat(dialer.decision().isFinal() || keys == 0).isTrue();
        assertThat(loop.pendingTimers()).isZero();
    }

    @Property(tries = 200)
    void aCompleteNumberAlwaysGetsADecision(@ForAll("validMap") String text, @ForAll("anyText") String number) {
        DialPlan plan;
        try {
            plan = DialPlan.compile(DialPlanSettings.builder().digitMap(text, 3).build());
        } catch (DialPlanException e) {
            throw new AssertionError(e);
        }
        for (Source source : Source.values()) {
            assertThat(plan.resolve(number, 1, source)).isNotNull();
        }
    }

    private static void parseQuietly(String text) {
        try {
            DigitMap map = DigitMap.parse(text);
            DigitMap.Run run = map.run();
            for (char c : "0123456789*#+".toCharArray()) {
                run.feed(c);
            }
        } catch (DialPlanException e) {
            assertThat(e.offset()).isBetween(-1, Math.max(0, text.length()));
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
