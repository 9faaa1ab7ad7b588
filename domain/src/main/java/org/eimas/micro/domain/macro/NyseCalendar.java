package org.eimas.micro.domain.macro;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * New York Stock Exchange full-day closures computed by rule (NYSE Rule 7.2 and its holiday list),
 * plus any extra closures the caller names (national days of mourning, weather: 2012-10-29/30,
 * 2018-12-05, 2025-01-09 and the like cannot be derived by rule).
 *
 * <p>Holidays: New Year's Day, Martin Luther King Jr. Day (third Monday of January, from 1998),
 * Washington's Birthday (third Monday of February), Good Friday (two days before Western Easter,
 * computed with the anonymous Gregorian algorithm of Meeus, <i>Astronomical Algorithms</i>, ch. 8),
 * Memorial Day (last Monday of May), Juneteenth (June 19, from 2022), Independence Day (July 4),
 * Labor Day (first Monday of September), Thanksgiving (fourth Thursday of November) and Christmas
 * (December 25). A fixed-date holiday on a Sunday is observed on the Monday after, on a Saturday on
 * the Friday before, except New Year's Day on a Saturday, which closes nothing (the exchange stays
 * open on December 31, the end of the accounting year). Early closes (13:00) are trading sessions.
 *
 * <p>Pure functions of the date; no clock.
 */
public final class NyseCalendar {
    private static final NyseCalendar BY_RULE = new NyseCalendar(Set.of());

    private final Set<LocalDate> extraClosures;

    private NyseCalendar(Set<LocalDate> extraClosures) {
        this.extraClosures = Set.copyOf(extraClosures);
    }

    /** The rule-based calendar, without special closures. */
    public static NyseCalendar byRule() {
        return BY_RULE;
    }

    /** The rule-based calendar plus the given weekday closures. */
    public static NyseCalendar withClosures(Set<LocalDate> extraClosures) {
        return new NyseCalendar(extraClosures);
    }

    public Set<LocalDate> extraClosures() {
        return extraClosures;
    }

    /** Western (Gregorian) Easter Sunday of the year (Meeus/Jones/Butcher algorithm). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** The rule-based full-day holidays of a year as observed (sorted); extra closures not included. */
    public static List<LocalDate> holidays(int year) {
        TreeSet<LocalDate> out = new TreeSet<>();
        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
            out.add(newYear.plusDays(1));
        } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            out.add(newYear);
        }
        if (year >= 1998) {
            out.add(nthWeekday(year, Month.JANUARY, DayOfWeek.MONDAY, 3));
        }
        out.add(nthWeekday(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
        out.add(easterSunday(year).minusDays(2));
        out.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        if (year >= 2022) {
            out.add(observed(LocalDate.of(year, Month.JUNE, 19)));
        }
        out.add(observed(LocalDate.of(year, Month.JULY, 4)));
        out.add(nthWeekday(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
        out.add(nthWeekday(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));
        out.add(observed(LocalDate.of(year, Month.DECEMBER, 25)));
        return List.copyOf(out);
    }

    private static LocalDate observed(LocalDate d) {
        switch (d.getDayOfWeek()) {
            case SATURDAY:
                return d.minusDays(1);
            case SUNDAY:
                return d.plusDays(1);
            default:
                return d;
        }
    }

    private static LocalDate nthWeekday(int year, Month month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    /** True for a rule-based holiday (as observed) or an extra closure. */
    public boolean isHoliday(LocalDate d) {
        if (extraClosures.contains(d)) {
            return true;
        }
        DayOfWeek w = d.getDayOfWeek();
        if (w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY) {
            return false;
        }
        // only December 31 can be observed in another year, and New Year's Day never is
        return holidays(d.getYear()).contains(d);
    }

    /** A weekday that is not a holiday: the exchange holds a session (possibly an early close). */
    public boolean isTradingDay(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !isHoliday(d);
    }

    /** The first trading day strictly after {@code d}. */
    public LocalDate nextTradingDay(LocalDate d) {
        return firstTradingDayOnOrAfter(d.plusDays(1));
    }

    /** {@code d} when it is a trading day, else the next one. */
    public LocalDate firstTradingDayOnOrAfter(LocalDate d) {
        LocalDate x = d;
        // at most a four-day weekend plus a run of extra closures
        for (int guard = 0; guard < 400; guard++) {
            if (isTradingDay(x)) {
                return x;
            }
            x = x.plusDays(1);
        }
        throw new IllegalStateException("no trading day within 400 days after " + d);
    }

    /** Trading days in [from, to], both inclusive. */
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                out.add(d);
            }
        }
        return out;
    }
}
