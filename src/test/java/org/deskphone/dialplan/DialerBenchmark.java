package org.deskphone.dialplan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time per keystroke decision: a dialler off hook takes a 10-key number, one key at a time, each key
 * answered with a decision (and its timer armed on the loop). Maps: the ALE default (7 strings) and a
 * 2,048-character map (123 strings). The peer, in the same run, is the obvious implementation:
 * each digit-map string as a {@link java.util.regex.Pattern}, every string re-matched against the whole
 * input at each key ({@code matches()} for complete, {@code hitEnd()} for could-still-match); no Java
 * digit-map library exists to compare with (anchors §2.5). Run: {@code tools/bench/jmh -f 1 Dialer}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DialerBenchmark {
    static final int KEYS = 10;

    @Param({"default", "2048"})
    public String map;

    private String text;
    private String number;
    private DialPlan plan;
    private PhoneLoop loop;
    private RegexDigitMap regex;
    private final Decision[] sink = new Decision[1];

    @Setup(Level.Trial)
    public void setUp() throws DialPlanException {
        text = map.equals("default") ? DigitMap.ALE_DEFAULT : longMap();
        plan = DialPlan.compile(DialPlanSettings.builder().digitMap(text, 3).build());
        loop = new PhoneLoop(new VirtualClock(Instant.EPOCH));
        number = null;
        for (String candidate : new String[] {"2125551234", "0212555123", "9212555123", "5512345678"}) {
            if (stillDialling(candidate.substring(0, KEYS - 1))) {
                number = candidate;
                break;
            }
        }
        if (number == null) {
            throw new IllegalStateException("no input keeps the dialler busy for " + KEYS + " keys");
        }
        regex = new RegexDigitMap(text);
        for (int i = 1; i <= number.length(); i++) {
            DigitMap.Run run = plan.map(1, Source.MANUAL).map().run();
            String prefix = number.substring(0, i);
            for (char c : prefix.toCharArray()) {
                run.feed(c);
            }
            int ours = run.dialingAtEnd() >= 0 || run.blockingAtEnd() >= 0 ? 2 : run.live() ? 1 : 0;
            if (ours != regex.state(prefix)) {
                throw new IllegalStateException("the regex peer disagrees on " + prefix + ": " + regex.state(prefix) + " vs " + ours);
            }
        }
    }

    /** Ours: the dialler, one key at a time, a decision per key. */
    @Benchmark
    @OperationsPerInvocation(KEYS)
    public Decision dialler() {
        Dialer dialer = new Dialer(loop, plan, 1, false, decision -> sink[0] = decision);
        dialer.start(Dialer.Start.OFF_HOOK);
        for (int i = 0; i < KEYS; i++) {
            dialer.key(number.charAt(i));
        }
        dialer.cancel();
        loop.pendingTimers(); // drops the cancelled timers, as their due time would on a phone
        return dialer.decision();
    }

    /** True when these keys leave the dialler collecting with some string still able to match. */
    private boolean stillDialling(String keys) {
        Dialer dialer = new Dialer(loop, plan, 1, false, decision -> { });
        dialer.start(Dialer.Start.OFF_HOOK);
        for (char c : keys.toCharArray()) {
            dialer.key(c);
        }
        Decision decision = dialer.decision();
        dialer.cancel();
        return decision instanceof Decision.Collect collect && collect.map() != Decision.MapState.IMPOSSIBLE;
    }

    /** The input the benchmark dials. */
    String number() {
        return number;
    }

    /** The peer: every string's regex against the input so far, at each key. */
    @Benchmark
    @OperationsPerInvocation(KEYS)
    public int regexPeer() {
        int state = 0;
        for (int i = 1; i <= KEYS; i++) {
            state += regex.state(number.substring(0, i));
        }
        return state;
    }

    /** 123 plausible PBX strings, 2,048 characters in all, deterministic. */
    static String longMap() {
        String[] heads = {"9[2-9]", "8[1-5]", "7", "6[0-4]", "5[5-9]", "4", "3[2-8]", "2[0-9]", "1[2-9]", "0[1-9]"};
        String[] tails = {"xxxxxxxx", "xx.T", "x[0-4]xxxT", "xxxxxxxxx!", "[0-4]xxxxxxx", "[2-9]xxT5", "xxxxxxxxT"};
        StringBuilder map = new StringBuilder();
        long seed = 42;
        while (true) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int a = (int) ((seed >>> 33) % heads.length);
            int b = (int) ((seed >>> 13) % tails.length);
            String next = (seed & 1) == 0 ? heads[a] + tails[b] : "R" + a + "RR" + heads[a] + tails[b];
            if (map.length() + next.length() + 1 > DigitMap.MAX_LENGTH) {
                break;
            }
            map.append(map.length() == 0 ? "" : ";").append(next);
        }
        int left = DigitMap.MAX_LENGTH - map.length();
        map.append(left >= 2 ? ";" + "x".repeat(left - 1) : ";".repeat(left));
        return map.toString();
    }

    /** The peer: a digit map as regular expressions, the way one would write it with the JDK. */
    static final class RegexDigitMap {
        private final List<Pattern> patterns = new ArrayList<>();

        RegexDigitMap(String map) {
            for (String string : map.split("[;|]")) {
                String body = string.strip().replaceAll("T\\d*$|!$", "").replaceAll("R([^R]*)R[^R]*R", "$1").replace(",", "");
                if (body.isEmpty()) {
                    continue;
                }
                StringBuilder regex = new StringBuilder();
                for (int i = 0; i < body.length(); i++) {
                    char c = body.charAt(i);
                    if (c == 'x') {
                        regex.append("[0-9]");
                    } else if (c == '.') {
                        regex.append('+');
                    } else if (c == '[') {
                        int close = body.indexOf(']', i);
                        regex.append(body, i, close + 1);
                        i = close;
                    } else {
                        regex.append(Pattern.quote(String.valueOf(c)));
                    }
                }
                patterns.add(Pattern.compile(regex.toString().replace("[x", "[0-9")));
            }
        }

        /** 2 when a string matches completely, 1 when one could still match, 0 when none can. */
        int state(String input) {
            int state = 0;
            for (Pattern pattern : patterns) {
                Matcher matcher = pattern.matcher(input);
                if (matcher.matches()) {
                    return 2;
                }
                if (matcher.hitEnd()) {
                    state = 1;
                }
            }
            return state;
        }
    }
}
