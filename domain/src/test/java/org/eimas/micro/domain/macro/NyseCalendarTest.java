package org.eimas.micro.domain.macro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NyseCalendarTest {
    private static List<LocalDate> dates(String... iso) {
        return java.util.Arrays.stream(iso).map(LocalDate::parse).toList();
    }

    /** NYSE's published full-day holiday lists (nyse.com "Holidays and trading hours"), typed by hand. */
    @Test
    void holidaysMatchTheExchangesPublishedLists() {
        assertThat(NyseCalendar.holidays(2021)).containsExactlyElementsOf(dates("2021-01-01", "2021-01-18", "2021-02-15",
                "2021-04-02", "2021-05-31", "2021-07-05", "2021-09-06", "2021-11-25", "2021-12-24"));
        // 2022-01-01 is a Saturday: no closure on Friday 2021-12-31
        assertThat(NyseCalendar.holidays(2022)).containsExactlyElementsOf(dates("2022-01-17", "2022-02-21", "2022-04-15",
                "2022-05-30", "2022-06-20", "2022-07-04", "2022-09-05", "2022-11-24", "2022-12-26"));
        assertThat(NyseCalendar.holidays(2023)).containsExactlyElementsOf(dates("2023-01-02", "2023-01-16", "2023-02-20",
                "2023-04-07", "2023-05-29", "2023-06-19", "2023-07-04", "2023-09-04", "2023-11-23", "2023-12-25"));
        assertThat(NyseCalendar.holidays(2024)).containsExactlyElementsOf(dates("2024-01-01", "2024-01-15", "2024-02-19",
                "2024-03-29", "2024-05-27", "2024-06-19", "2024-07-04", "2024-09-02", "2024-11-28", "2024-12-25"));
        assertThat(NyseCalendar.holidays(2025)).containsExactlyElementsOf(dates("2025-01-01", "2025-01-20", "2025-02-17",
                "2025-04-18", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25"));
        // 2026-07-04 is a Saturday: observed Friday 2026-07-03
        assertThat(NyseCalendar.holidays(2026)).containsExactlyElementsOf(dates("2026-01-01", "2026-01-19", "2026-02-16",
                "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"));
    }

    @Test
    void easterSundayOnKnownDates() {
        assertThat(NyseCalendar.easterSunday(2000)).isEqualTo("2000-04-23");
        assertThat(NyseCalendar.easterSunday(2008)).isEqualTo("2008-03-23");
        assertThat(NyseCalendar.easterSunday(2011)).isEqualTo("2011-04-24");
        assertThat(NyseCalendar.easterSunday(2024)).isEqualTo("2024-03-31");
        assertThat(NyseCalendar.easterSunday(2025)).isEqualTo("2025-04-20");
        assertThat(NyseCalendar.easterSunday(1943)).isEqualTo("1943-04-25"); // the latest possible date
        assertThat(NyseCalendar.easterSunday(2285)).isEqualTo("2285-03-22"); // the earliest possible date
        for (int y = 1900; y <= 2100; y++) {
            LocalDate e = NyseCalendar.easterSunday(y);
            assertThat(e.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(e).isBetween(LocalDate.of(y, 3, 22), LocalDate.of(y, 4, 25));
        }
    }

    /** Sessions per year as the exchange reports them (no special closures in these years). */
    @Test
    void tradingDaysPerYear() {
        NyseCalendar cal = NyseCalendar.byRule();
        assertThat(cal.tradingDays(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31))).hasSize(252);
        assertThat(cal.tradingDays(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31))).hasSize(251);
        assertThat(cal.tradingDays(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31))).hasSize(250);
        assertThat(cal.tradingDays(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))).hasSize(252);
    }

    @Test
    void weekendsHolidaysAndExtraClosures() {
        NyseCalendar cal = NyseCalendar.byRule();
        assertThat(cal.isTradingDay(LocalDate.parse("2024-11-29"))).as("day after Thanksgiving: early close, open").isTrue();
        assertThat(cal.isTradingDay(LocalDate.parse("2024-11-30"))).isFalse();
        assertThat(cal.isTradingDay(LocalDate.parse("2021-12-31"))).as("New Year on Saturday closes nothing").isTrue();
        assertThat(cal.nextTradingDay(LocalDate.parse("2024-03-28"))).isEqualTo("2024-04-01"); // Good Friday + weekend
        assertThat(cal.nextTradingDay(LocalDate.parse("2024-12-31"))).isEqualTo("2025-01-02");
        assertThat(cal.firstTradingDayOnOrAfter(LocalDate.parse("2024-07-04"))).isEqualTo("2024-07-05");
        assertThat(cal.isTradingDay(LocalDate.parse("2025-01-09"))).isTrue();
        NyseCalendar mourning = NyseCalendar.withClosures(Set.of(LocalDate.parse("2025-01-09")));
        assertThat(mourning.isTradingDay(LocalDate.parse("2025-01-09"))).isFalse();
        assertThat(mourning.nextTradingDay(LocalDate.parse("2025-01-08"))).isEqualTo("2025-01-10");
    }
}
