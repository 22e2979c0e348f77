package org.deskphone.net.time;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;

/**
 * Summer time set by hand (DST "enabled" rather than "automatic"): from a start to an end every year,
 * local times moving by {@code savingMinutes}. The boundaries are the manuals' two kinds: a weekday of a
 * week of a month (week 5 the last; ALE {@code SettingDstType=week}, Yealink "By Week"), or a day of a
 * month (ALE {@code date}, Yealink "By Date"), each at a whole hour of local time (ALE L11135-11398,
 * Yealink L7672-7805).
 *
 * @param start         when summer time begins, in standard time
 * @param end           when it ends, in summer time
 * @param savingMinutes how far summer time is ahead of standard time, -300 to 300 (ALE/Yealink range)
 */
public record DstRule(Boundary start, Boundary end, int savingMinutes) {

    /**
     * One boundary: {@code week} 1-5 (5 = last) with {@code weekday}, or {@code week} 0 with
     * {@code dayOfMonth} 1-31 (clamped to the month's shortest length, so "February 30" is the 28th).
     */
    public record Boundary(Month month, int week, DayOfWeek weekday, int dayOfMonth, int hour) {

        public Boundary {
            Objects.requireNonNull(month, "month");
            if (week < 0 || week > 5) {
                throw new IllegalArgumentException("DST week must be 1-5 (5 = last), not " + week);
            }
            if (week > 0) {
                Objects.requireNonNull(weekday, "weekday");
            } else if (dayOfMonth < 1 || dayOfMonth > 31) {
                throw new IllegalArgumentException("DST day of month must be 1-31, not " + dayOfMonth);
            }
            if (hour < 0 || hour > 23) {
                throw new IllegalArgumentException("DST hour must be 0-23, not " + hour);
            }
        }

        public static Boundary byWeek(Month month, int week, DayOfWeek weekday, int hour) {
            if (week < 1) {
                throw new IllegalArgumentException("DST week must be 1-5 (5 = last), not " + week);
            }
            return new Boundary(month, week, weekday, 0, hour);
        }

        public static Boundary byDate(Month month, int dayOfMonth, int hour) {
            return new Boundary(month, 0, null, dayOfMonth, hour);
        }

        ZoneOffsetTransitionRule rule(ZoneOffset standard, ZoneOffset before, ZoneOffset after) {
            int indicator;
            DayOfWeek day = null;
            if (week == 0) {
                indicator = Math.min(dayOfMonth, month.minLength());
            } else {
                indicator = week == 5 ? -1 : (week - 1) * 7 + 1;
                day = weekday;
            }
            return ZoneOffsetTransitionRule.of(month, indicator, day, LocalTime.of(hour, 0), false,
                    ZoneOffsetTransitionRule.TimeDefinition.WALL, standard, before, after);
        }
    }

    public DstRule {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (savingMinutes < -300 || savingMinutes > 300) {
            throw new IllegalArgumentException("DST offset must be -300 to 300 minutes, not " + savingMinutes);
        }
    }

    /** The rules of a zone with standard time {@code standard} and this summer time. */
    public ZoneRules rules(ZoneOffset standard) {
        if (savingMinutes == 0) {
            return ZoneRules.of(standard);
        }
        ZoneOffset summer = ZoneOffset.ofTotalSeconds(standard.getTotalSeconds() + savingMinutes * 60);
        return YearlyRules.of(standard, List.of(start.rule(standard, standard, summer), end.rule(standard, summer, standard)));
    }

    /**
     * A Yealink boundary, {@code Month/Day/Hour} By Date or {@code Month/Day of Week/Day of Week Last in
     * Month/Hour} By Week (L7714-7803). Weekdays are 1-7 from Monday, 0 also meaning Sunday; the week is
     * 1-5, 5 the last. The manual's three-field By Week defaults ({@code 1/1/0}, {@code 12/31/23}) are not
     * boundaries (digest §6 A18).
     *
     * @throws IllegalArgumentException naming the value and what is wrong with it
     */
    public static Boundary yealink(String value, boolean byWeek) {
        String[] fields = value.trim().split("\\s*/\\s*");
        try {
            if (byWeek) {
                if (fields.length != 4) {
                    throw new IllegalArgumentException("By Week needs Month/Day of Week/Week/Hour");
                }
                int weekday = Integer.parseInt(fields[1]);
                if (weekday < 0 || weekday > 7) {
                    throw new IllegalArgumentException("day of week must be 1-7 (or 0 for Sunday)");
                }
                return Boundary.byWeek(Month.of(Integer.parseInt(fields[0])), Integer.parseInt(fields[2]),
                        DayOfWeek.of(weekday == 0 ? 7 : weekday), Integer.parseInt(fields[3]));
            }
            if (fields.length != 3) {
                throw new IllegalArgumentException("By Date needs Month/Day/Hour");
            }
            return Boundary.byDate(Month.of(Integer.parseInt(fields[0])), Integer.parseInt(fields[1]),
                    Integer.parseInt(fields[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "': fields must be whole numbers", e);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "': " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "': " + e.getMessage(), e);
        }
    }
}
