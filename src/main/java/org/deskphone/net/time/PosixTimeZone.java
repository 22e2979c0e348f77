package org.deskphone.net.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A POSIX {@code TZ} string, as DHCP option 100 carries it (RFC 4833; ALE L530-548):
 * {@code std offset [dst [offset] [,start[/time],end[/time]]]}, for example
 * {@code PST8PDT,M3.2.0/2:00:00,M11.1.0/2:00:00}.
 *
 * <p>Offsets follow POSIX: they are added to local time to get UTC, so {@code PST8} is UTC-8. One
 * leniency, for the ALE manual's own London example {@code GMT0BST1,...} (L545, digest §11 A-4), which
 * strictly means a summer time one hour <em>behind</em> GMT: when a DST offset read strictly would put
 * summer time behind standard time and read the other way round would put it ahead, it is read the other
 * way round. No real zone has a summer time behind standard time except at offset 0 (tzdb's
 * {@code IST-1GMT0} for Dublin), which the rule leaves alone.
 *
 * <p>Rules: {@code Mm.w.d} (day {@code d} of week {@code w} of month {@code m}, week 5 the last),
 * {@code Jn} (day 1-365 never counting February 29) and {@code n} (day 0-365 counting it), each with a
 * time that may be negative or past 24 hours (RFC 8536 §3.3.1). Without rules, US rules apply, as glibc
 * does.
 */
public final class PosixTimeZone {
    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 2200;
    private static final String DEFAULT_RULES = "M3.2.0,M11.1.0";

    private final String text;
    private final String standardName;
    private final ZoneOffset standardOffset;
    private final Optional<String> summerName;
    private final Optional<ZoneOffset> summerOffset;
    private final boolean signLenient;
    private final ZoneRules rules;

    private PosixTimeZone(String text, String standardName, ZoneOffset standardOffset, Optional<String> summerName,
            Optional<ZoneOffset> summerOffset, boolean signLenient, ZoneRules rules) {
        this.text = text;
        this.standardName = standardName;
        this.standardOffset = standardOffset;
        this.summerName = summerName;
        this.summerOffset = summerOffset;
        this.signLenient = signLenient;
        this.rules = rules;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming what is wrong and where, when it is not a POSIX TZ string
     */
    public static PosixTimeZone parse(String text) {
        return new Parser(text).zone();
    }

    public ZoneRules rules() {
        return rules;
    }

    public String standardName() {
        return standardName;
    }

    /** Standard time's offset from UTC, in the ISO sense (UTC-8 for {@code PST8}). */
    public ZoneOffset standardOffset() {
        return standardOffset;
    }

    public Optional<String> summerName() {
        return summerName;
    }

    public Optional<ZoneOffset> summerOffset() {
        return summerOffset;
    }

    /** True when the DST offset was read with the manual's sign rather than POSIX's (see the class comment). */
    public boolean signLenient() {
        return signLenient;
    }

    @Override
    public String toString() {
        return text;
    }

    /** When in the year a change happens: which day, and at what time of that day's local time. */
    private record Change(char kind, int month, int week, int day, int seconds) {

        /** The local date-time of the change in {@code year}, in the wall time in force before it. */
        LocalDateTime in(int year) {
            LocalDate date = switch (kind) {
                case 'J' -> LocalDate.ofYearDay(2001, day).withYear(year);
                case 'n' -> LocalDate.ofYearDay(year, Math.min(day + 1, LocalDate.of(year, 1, 1).lengthOfYear()));
                default -> week == 5
                        ? LocalDate.of(year, month, 1).plusMonths(1).minusDays(1)
                            .with(java.time.temporal.TemporalAdjusters.previousOrSame(dayOfWeek()))
                        : LocalDate.of(year, month, 1)
                            .with(java.time.temporal.TemporalAdjusters.nextOrSame(dayOfWeek())).plusWeeks(week - 1L);
            };
            return date.atStartOfDay().plusSeconds(seconds);
        }

        /** The same change as a yearly rule, when java.time can express it. */
        Optional<ZoneOffsetTransitionRule> asRule(ZoneOffset standard, ZoneOffset before, ZoneOffset after) {
            if (kind == 'n' || seconds < 0 || seconds > 86_400) {
                return Optional.empty();
            }
            boolean endOfDay = seconds == 86_400;
            LocalTime time = endOfDay ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(seconds);
            if (kind == 'J') {
                LocalDate date = LocalDate.ofYearDay(2001, day);
                return Optional.of(ZoneOffsetTransitionRule.of(date.getMonth(), date.getDayOfMonth(), null, time, endOfDay,
                        ZoneOffsetTransitionRule.TimeDefinition.WALL, standard, before, after));
            }
            int indicator = week == 5 ? -1 : (week - 1) * 7 + 1;
            return Optional.of(ZoneOffsetTransitionRule.of(Month.of(month), indicator, dayOfWeek(), time, endOfDay,
                    ZoneOffsetTransitionRule.TimeDefinition.WALL, standard, before, after));
        }

        private DayOfWeek dayOfWeek() {
            return DayOfWeek.SUNDAY.plus(day);
        }
    }

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("empty POSIX time zone");
            }
            this.text = text.trim();
        }

        PosixTimeZone zone() {
            String standardName = name();
            int standardPosix = offset("standard time offset");
            ZoneOffset standard = iso(standardPosix);
            if (done()) {
                return new PosixTimeZone(text, standardName, standard, Optional.empty(), Optional.empty(), false,
                        ZoneRules.of(standard));
            }
            String summerName = name();
            boolean lenient = false;
            ZoneOffset summer;
            if (!done() && peek() != ',') {
                int summerPosix = offset("summer time offset");
                summer = iso(summerPosix);
                ZoneOffset flipped = iso(-summerPosix);
                if (summer.compareTo(standard) > 0 && flipped.compareTo(standard) < 0) {
                    summer = flipped;
                    lenient = true;
                }
            } else {
                if (standardPosix - 3600 < -18 * 3600) {
                    throw error("summer time one hour ahead would pass UTC+18");
                }
                summer = iso(standardPosix - 3600);
            }
            if (summer.equals(standard)) {
                return new PosixTimeZone(text, standardName, standard, Optional.of(summerName), Optional.of(summer), lenient,
                        ZoneRules.of(standard));
            }
            String ruleText = done() ? DEFAULT_RULES : rest();
            String[] parts = ruleText.split(",", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(text + ": expected ',start,end' rules after the summer time name");
            }
            Change start = change(parts[0]);
            Change end = change(parts[1]);
            return new PosixTimeZone(text, standardName, standard, Optional.of(summerName), Optional.of(summer), lenient,
                    rules(standard, summer, start, end));
        }

        private static ZoneRules rules(ZoneOffset standard, ZoneOffset summer, Change start, Change end) {
            Optional<ZoneOffsetTransitionRule> startRule = start.asRule(standard, standard, summer);
            Optional<ZoneOffsetTransitionRule> endRule = end.asRule(standard, summer, standard);
            if (startRule.isPresent() && endRule.isPresent()) {
                return YearlyRules.of(standard, List.of(startRule.get(), endRule.get()));
            }
            List<ZoneOffsetTransition> transitions = new ArrayList<>();
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                transitions.add(ZoneOffsetTransition.of(start.in(year), standard, summer));
                transitions.add(ZoneOffsetTransition.of(end.in(year), summer, standard));
            }
            transitions.sort(Comparator.comparing(ZoneOffsetTransition::getInstant));
            return ZoneRules.of(standard, transitions.get(0).getOffsetBefore(), List.of(), transitions, List.of());
        }

        private String name() {
            if (!done() && peek() == '<') {
                int close = text.indexOf('>', at);
                if (close < 0) {
                    throw error("'<' without '>'");
                }
                String name = text.substring(at + 1, close);
                at = close + 1;
                if (name.length() < 3 || !name.matches("[A-Za-z0-9+-]+")) {
                    throw error("quoted name <" + name + "> must be 3 or more letters, digits, '+' or '-'");
                }
                return name;
            }
            int start = at;
            while (!done() && Character.isLetter(peek())) {
                at++;
            }
            if (at - start < 3) {
                throw error("a zone name of 3 or more letters is expected");
            }
            return text.substring(start, at);
        }

        /** {@code [+|-]hh[:mm[:ss]]} in seconds, POSIX sign (west of Greenwich is positive). */
        private int offset(String what) {
            // POSIX allows 24 hours; java.time (and every real zone) stays within 18.
            return clock(what, 18);
        }

        private int clock(String what, int maxHours) {
            int sign = 1;
            if (!done() && (peek() == '+' || peek() == '-')) {
                sign = peek() == '-' ? -1 : 1;
                at++;
            }
            int hours = number(what, 0, maxHours);
            int minutes = 0;
            int seconds = 0;
            if (!done() && peek() == ':') {
                at++;
                minutes = number(what + " minutes", 0, 59);
                if (!done() && peek() == ':') {
                    at++;
                    seconds = number(what + " seconds", 0, 59);
                }
            }
            return sign * (hours * 3600 + minutes * 60 + seconds);
        }

        private int number(String what, int low, int high) {
            int start = at;
            while (!done() && Character.isDigit(peek())) {
                at++;
            }
            if (start == at) {
                throw error(what + ": a number is expected");
            }
            int value = Integer.parseInt(text.substring(start, Math.min(at, start + 9)));
            if (value < low || value > high) {
                throw error(what + " " + value + " is outside " + low + "-" + high);
            }
            return value;
        }

        private Change change(String rule) {
            try {
                return new Parser(rule).rule(rule);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("POSIX time zone '" + text + "': rule '" + rule + "': " + e.getMessage(), e);
            }
        }

        private Change rule(String rule) {
            Parser part = this;
            char kind = part.peek();
            Change change;
            if (kind == 'M') {
                part.at++;
                int month = part.number("rule month", 1, 12);
                part.expect('.');
                int week = part.number("rule week", 1, 5);
                part.expect('.');
                int day = part.number("rule weekday", 0, 6);
                change = new Change('M', month, week, day, 7200);
            } else if (kind == 'J') {
                part.at++;
                change = new Change('J', 0, 0, part.number("Julian day", 1, 365), 7200);
            } else {
                change = new Change('n', 0, 0, part.number("day of year", 0, 365), 7200);
            }
            if (!part.done() && part.peek() == '/') {
                part.at++;
                change = new Change(change.kind(), change.month(), change.week(), change.day(), part.clock("rule time", 167));
            }
            if (!part.done()) {
                throw error("unexpected '" + part.text.substring(part.at) + "'");
            }
            return change;
        }

        private void expect(char c) {
            if (done() || peek() != c) {
                throw error("'" + c + "' expected");
            }
            at++;
        }

        private String rest() {
            if (peek() != ',') {
                throw error("',' expected before the rules");
            }
            String rest = text.substring(at + 1);
            at = text.length();
            return rest;
        }

        private boolean done() {
            return at >= text.length();
        }

        private char peek() {
            return text.charAt(at);
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("POSIX time zone '" + text + "' at position " + (at + 1) + ": " + what);
        }

        private static ZoneOffset iso(int posixSeconds) {
            return ZoneOffset.ofTotalSeconds(-posixSeconds);
        }
    }
}
