package org.eimas.micro.domain.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.store.MacroSeries;
import org.eimas.micro.domain.store.MacroSeries.Observation;
import org.junit.jupiter.api.Test;

class MacroAvailabilityTest {
    private static final MacroAvailability RULE = MacroAvailability.nextSession();

    private static long utc(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static Observation obs(String date, double v) {
        return new Observation(LocalDate.parse(date), v, false, null, null);
    }

    private static Observation missing(String date) {
        return new Observation(LocalDate.parse(date), Double.NaN, true, null, null);
    }

    @Test
    void usableFromTheOpenOfTheNextSessionAcrossHolidaysAndDst() {
        // Thursday before Good Friday 2024 -> Monday 2024-04-01 09:30 EDT (UTC-4)
        assertThat(RULE.firstUsableSession(LocalDate.parse("2024-03-28"))).isEqualTo("2024-04-01");
        assertThat(RULE.usableFromNanos(LocalDate.parse("2024-03-28"))).isEqualTo(utc("2024-04-01T13:30:00Z"));
        // Friday before the DST switch (2024-03-10) -> Monday 09:30 EDT
        assertThat(RULE.usableFromNanos(LocalDate.parse("2024-03-08"))).isEqualTo(utc("2024-03-11T13:30:00Z"));
        // Friday before the switch back (2024-11-03) -> Monday 09:30 EST (UTC-5)
        assertThat(RULE.usableFromNanos(LocalDate.parse("2024-11-01"))).isEqualTo(utc("2024-11-04T14:30:00Z"));
        // the day before Independence Day -> Friday 2024-07-05
        assertThat(RULE.firstUsableSession(LocalDate.parse("2024-07-03"))).isEqualTo("2024-07-05");
        // an observation dated on a weekend (weekly series) -> Monday
        assertThat(RULE.firstUsableSession(LocalDate.parse("2024-06-15"))).isEqualTo("2024-06-17");
    }

    @Test
    void configurableLagInCalendarDays() {
        LocalDate mon = LocalDate.parse("2024-06-17");
        assertThat(MacroAvailability.of(1, NyseCalendar.byRule()).firstUsableSession(mon)).isEqualTo("2024-06-18");
        assertThat(MacroAvailability.of(2, NyseCalendar.byRule()).firstUsableSession(mon))
                .as("D+2 is Juneteenth").isEqualTo("2024-06-20");
        assertThat(MacroAvailability.of(5, NyseCalendar.byRule()).firstUsableSession(mon))
                .as("D+5 is a Saturday").isEqualTo("2024-06-24");
        assertThatThrownBy(() -> MacroAvailability.of(0, NyseCalendar.byRule()))
                .hasMessageContaining("never usable on its own date");
    }

    /** Checked day by day against a slow scan: never on D, always a session, and no session skipped (lag 1). */
    @Test
    void neverOnTheObservationDateAndNoSessionSkipped() {
        NyseCalendar cal = NyseCalendar.byRule();
        for (LocalDate d = LocalDate.parse("2000-01-01"); d.isBefore(LocalDate.parse("2031-01-01")); d = d.plusDays(1)) {
            LocalDate s = RULE.firstUsableSession(d);
            assertThat(s).isAfter(d);
            assertThat(cal.isTradingDay(s)).isTrue();
            for (LocalDate x = d.plusDays(1); x.isBefore(s); x = x.plusDays(1)) {
                assertThat(cal.isTradingDay(x)).as("session %s skipped for %s", x, d).isFalse();
            }
            assertThat(RULE.usableFromNanos(d)).isGreaterThan(MacroAvailability.newYorkMidnightNanos(d.plusDays(1)));
        }
    }

    @Test
    void forwardFillKeepsTheLastKnownValueAndNeverUsesMissingOrFutureOnes() {
        MacroSeries s = new MacroSeries("DGS10", List.of(obs("2024-06-17", 1.0), obs("2024-06-18", 2.0),
                missing("2024-06-20"), obs("2024-06-21", 4.0)));
        long[] ts = {
                utc("2024-06-17T14:00:00Z"), // Mon 10:00 EDT: nothing usable yet
                utc("2024-06-18T13:29:59Z"), // Tue 09:29:59: before the open
                utc("2024-06-18T13:30:00Z"), // Tue open: Monday's value
                utc("2024-06-18T19:00:00Z"), // Tue 15:00: still Monday's (Tuesday's not published for the session)
                utc("2024-06-20T14:00:00Z"), // Thu (Wed is Juneteenth): Tuesday's
                utc("2024-06-21T14:00:00Z"), // Fri: Thursday was missing, keep Tuesday's
                utc("2024-06-24T13:30:00Z"), // Mon open: Friday's
        };
        double[] v = RULE.forwardFill(s, ts);
        assertThat(v[0]).isNaN();
        assertThat(v[1]).isNaN();
        assertThat(v).containsSubsequence(1.0, 1.0, 2.0, 2.0, 4.0);
        assertThat(java.util.Arrays.copyOfRange(v, 2, 7)).containsExactly(1.0, 1.0, 2.0, 2.0, 4.0);

        MacroAvailability.Cursor c = RULE.cursor(s);
        assertThat(c.size()).isEqualTo(3);
        assertThat(c.valueAt(ts[6])).isEqualTo(4.0);
        c.rewind();
        assertThat(c.valueAt(ts[2])).isEqualTo(1.0);

        NumericTable daily = MacroTables.byDate(List.of(s));
        NumericTable filled = RULE.forwardFill(daily, ts);
        assertThat(filled.columns()).containsExactly("DGS10");
        assertThat(filled.column(0)).usingElementComparator((a, b) -> Double.compare(a, b)).containsExactly(v);
        assertThat(filled.ts(6)).isEqualTo(ts[6]);
    }

    @Test
    void badInputIsNamed() {
        MacroSeries unordered = new MacroSeries("X", List.of(obs("2024-06-18", 1), obs("2024-06-17", 2)));
        assertThatThrownBy(() -> RULE.cursor(unordered)).hasMessageContaining("series X").hasMessageContaining("increase");
        MacroAvailability.Cursor c = RULE.cursor(new MacroSeries("X", List.of(obs("2024-06-17", 1))));
        c.valueAt(10);
        assertThatThrownBy(() -> c.valueAt(9)).hasMessageContaining("must not decrease");
        NumericTable notMidnight = new NumericTable(List.of("X"), new long[] {utc("2024-06-17T12:00:00Z")},
                new double[][] {{1}});
        assertThatThrownBy(() -> RULE.forwardFill(notMidnight, new long[] {0}))
                .hasMessageContaining("row 1").hasMessageContaining("not a New York midnight");
    }

    /**
     * The same pipeline with and without the rule. The macro series is a daily close that moves with
     * the market during its own day (X_D - X_{D-1} = the day's return). Joined the naive way (a date
     * usable from its own midnight, as {@code resample('5min').ffill()} of a date index does), each
     * bar already "knows" its day's close and the change correlates perfectly with the same-day
     * return: look-ahead. Under the rule each bar sees the previous session's close and the
     * correlation is only what independent noise gives.
     */
    @Test
    void lookAheadWithoutTheRuleAndNoneWithIt() {
        NyseCalendar cal = NyseCalendar.byRule();
        List<LocalDate> days = cal.tradingDays(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"));
        Random rnd = new Random(42);
        List<Observation> obs = new ArrayList<>();
        double[] dayReturn = new double[days.size()];
        double x = 100;
        for (int i = 0; i < days.size(); i++) {
            dayReturn[i] = rnd.nextGaussian();
            x += dayReturn[i];
            obs.add(obs(days.get(i).toString(), x));
        }
        MacroSeries series = new MacroSeries("VIXCLS", obs);
        // one bar at 12:00 New York each session (EST/EDT handled by java.time)
        long[] bars = new long[days.size()];
        for (int i = 0; i < days.size(); i++) {
            Instant noon = days.get(i).atTime(12, 0).atZone(MacroAvailability.NEW_YORK).toInstant();
            bars[i] = noon.getEpochSecond() * 1_000_000_000L;
        }
        double[] withRule = RULE.forwardFill(series, bars);
        double[] naive = naiveSameDayFill(series, bars);
        // with the rule each session sees the previous session's close exactly
        for (int i = 1; i < days.size(); i++) {
            assertThat(withRule[i]).isEqualTo(obs.get(i - 1).value());
            assertThat(naive[i]).isEqualTo(obs.get(i).value());
        }
        assertThat(withRule[0]).isNaN();
        double naiveCorr = correlationOfChangeWithReturn(naive, dayReturn);
        double ruleCorr = correlationOfChangeWithReturn(withRule, dayReturn);
        assertThat(naiveCorr).isCloseTo(1.0, within(1e-12));
        assertThat(Math.abs(ruleCorr)).isLessThan(0.25);
    }

    /** The naive merge, written out slowly: the value of the last date whose New York midnight is <= ts. */
    private static double[] naiveSameDayFill(MacroSeries s, long[] ts) {
        double[] out = new double[ts.length];
        for (int r = 0; r < ts.length; r++) {
            out[r] = Double.NaN;
            for (Observation o : s.observations()) {
                if (MacroAvailability.newYorkMidnightNanos(o.date()) <= ts[r]) {
                    out[r] = o.value();
                }
            }
        }
        return out;
    }

    private static double correlationOfChangeWithReturn(double[] seen, double[] ret) {
        int n = 0;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int i = 2; i < seen.length; i++) {
            double dx = seen[i] - seen[i - 1];
            double y = ret[i];
            n++;
            sx += dx;
            sy += y;
            sxx += dx * dx;
            syy += y * y;
            sxy += dx * y;
        }
        double cov = sxy / n - sx / n * sy / n;
        return cov / Math.sqrt((sxx / n - sx / n * sx / n) * (syy / n - sy / n * sy / n));
    }
}
