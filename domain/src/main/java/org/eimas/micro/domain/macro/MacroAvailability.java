package org.eimas.micro.domain.macro;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.store.MacroSeries;

/**
 * When a daily macro observation may be used by intraday code, so that joining daily series onto
 * intraday bars has no look-ahead.
 *
 * <p>The rule: an observation dated D is usable from the open of the first New York trading session
 * on or after D + {@code lagDays} calendar days ({@code lagDays >= 1}, default 1, i.e. the next
 * trading session after D), never on D itself. A daily close such as VIXCLS or DGS10 for D is only
 * published after D's session, so a bar of D that saw it would be trading on tomorrow's newspaper.
 * Sessions are NYSE trading days ({@link NyseCalendar}: weekends and rule-based full-day holidays,
 * plus any extra closures given), opening at 09:30 America/New_York (DST-aware) unless another
 * open time is given.
 *
 * <p>{@link #forwardFill} carries the latest usable, non-missing observation forward onto each
 * timestamp (NaN before the first one); a missing observation ({@code "."} in FRED) never
 * replaces a known value and is never turned into a number. {@link Cursor} does the same for a
 * stream of non-decreasing timestamps in O(1) amortised time per call without allocation.
 *
 * <p>Pure functions of their arguments; no clock.
 */
public final class MacroAvailability {
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final LocalTime NYSE_OPEN = LocalTime.of(9, 30);

    private final int lagDays;
    private final NyseCalendar calendar;
    private final LocalTime sessionOpen;

    private MacroAvailability(int lagDays, NyseCalendar calendar, LocalTime sessionOpen) {
        if (lagDays < 1) {
            throw new IllegalArgumentException("lagDays must be >= 1 (an observation is never usable on its own date), got "
                    + lagDays);
        }
        this.lagDays = lagDays;
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.sessionOpen = Objects.requireNonNull(sessionOpen, "sessionOpen");
    }

    /** The default rule: usable from the open of the next NYSE trading session after the observation date. */
    public static MacroAvailability nextSession() {
        return new MacroAvailability(1, NyseCalendar.byRule(), NYSE_OPEN);
    }

    public static MacroAvailability of(int lagDays, NyseCalendar calendar) {
        return new MacroAvailability(lagDays, calendar, NYSE_OPEN);
    }

    public static MacroAvailability of(int lagDays, NyseCalendar calendar, LocalTime sessionOpen) {
        return new MacroAvailability(lagDays, calendar, sessionOpen);
    }

    public int lagDays() {
        return lagDays;
    }

    public NyseCalendar calendar() {
        return calendar;
    }

    /** The trading session from whose open an observation dated {@code date} may be used. */
    public LocalDate firstUsableSession(LocalDate date) {
        return calendar.firstTradingDayOnOrAfter(date.plusDays(lagDays));
    }

    /** Epoch nanoseconds (UTC) from which an observation dated {@code date} may be used. */
    public long usableFromNanos(LocalDate date) {
        return epochNanos(ZonedDateTime.of(firstUsableSession(date), sessionOpen, NEW_YORK));
    }

    /** The New York midnight that starts {@code date}, in epoch nanoseconds: the {@code ts} of a daily macro table row. */
    public static long newYorkMidnightNanos(LocalDate date) {
        return epochNanos(date.atStartOfDay(NEW_YORK));
    }

    /** The date whose New York midnight is {@code ts}; an error when {@code ts} is not such a midnight. */
    public static LocalDate dateOfNewYorkMidnight(long ts) {
        LocalDate d = newYorkDate(ts);
        if (newYorkMidnightNanos(d) != ts) {
            throw new IllegalArgumentException("ts " + ts + " is not a New York midnight (daily macro tables are indexed "
                    + "by the New York midnight of the observation date)");
        }
        return d;
    }

    /** The New York calendar date of an instant. */
    public static LocalDate newYorkDate(long ts) {
        return Instant.ofEpochSecond(Math.floorDiv(ts, 1_000_000_000L), Math.floorMod(ts, 1_000_000_000L))
                .atZone(NEW_YORK).toLocalDate();
    }

    private static long epochNanos(ZonedDateTime t) {
        Instant i = t.toInstant();
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    }

    /** A streaming view of one series under this rule. */
    public Cursor cursor(MacroSeries series) {
        List<MacroSeries.Observation> obs = series.observations();
        int n = 0;
        for (MacroSeries.Observation o : obs) {
            if (!o.missing()) {
                n++;
            }
        }
        long[] from = new long[n];
        double[] values = new double[n];
        int i = 0;
        LocalDate previous = null;
        for (MacroSeries.Observation o : obs) {
            if (previous != null && !o.date().isAfter(previous)) {
                throw new IllegalArgumentException("series " + series.id() + ": observation dates must increase, got "
                        + o.date() + " after " + previous);
            }
            previous = o.date();
            if (o.missing()) {
                continue;
            }
            if (!Double.isFinite(o.value())) {
                throw new IllegalArgumentException("series " + series.id() + " on " + o.date()
                        + ": a present observation must be a finite number, got " + o.value());
            }
            from[i] = usableFromNanos(o.date());
            values[i] = o.value();
            i++;
        }
        return new Cursor(series.id(), from, values);
    }

    /** The series' value usable at each timestamp ({@code ts} non-decreasing); NaN before its first usable value. */
    public double[] forwardFill(MacroSeries series, long[] ts) {
        Cursor c = cursor(series);
        double[] out = new double[ts.length];
        for (int r = 0; r < ts.length; r++) {
            out[r] = c.valueAt(ts[r]);
        }
        return out;
    }

    /**
     * Forward-fills a daily macro table (index = New York midnight of each observation date, as
     * written by {@code eimas macro fetch}; NaN = missing) onto intraday timestamps under this rule.
     * The result has the same columns, index {@code ts}.
     */
    public NumericTable forwardFill(NumericTable daily, long[] ts) {
        if (!daily.hasTs()) {
            throw new IllegalArgumentException("the daily macro table needs a ts index (New York midnight of each date)");
        }
        LocalDate[] dates = new LocalDate[daily.rows()];
        for (int r = 0; r < dates.length; r++) {
            try {
                dates[r] = dateOfNewYorkMidnight(daily.ts(r));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("daily macro table row " + (r + 1) + ": " + e.getMessage(), e);
            }
        }
        int cols = daily.columns().size();
        double[][] data = new double[cols][];
        for (int c = 0; c < cols; c++) {
            java.util.ArrayList<MacroSeries.Observation> obs = new java.util.ArrayList<>(dates.length);
            for (int r = 0; r < dates.length; r++) {
                double v = daily.get(r, c);
                boolean missing = Double.isNaN(v);
                obs.add(new MacroSeries.Observation(dates[r], v, missing, null, null));
            }
            data[c] = forwardFill(new MacroSeries(daily.columns().get(c), obs), ts);
        }
        return new NumericTable(daily.columns(), ts.clone(), data);
    }

    /**
     * The value of one series at non-decreasing timestamps: O(1) amortised per call, no allocation.
     * Not thread-safe (one cursor per consumer).
     */
    public static final class Cursor {
        private final String seriesId;
        private final long[] usableFrom;
        private final double[] values;
        private int next;
        private double current = Double.NaN;
        private long lastTs = Long.MIN_VALUE;

        private Cursor(String seriesId, long[] usableFrom, double[] values) {
            this.seriesId = seriesId;
            this.usableFrom = usableFrom;
            this.values = values;
        }

        public String seriesId() {
            return seriesId;
        }

        /** Back to before the first timestamp, to replay another stream. */
        public void rewind() {
            next = 0;
            current = Double.NaN;
            lastTs = Long.MIN_VALUE;
        }

        /** Observations (non-missing) the cursor holds. */
        public int size() {
            return values.length;
        }

        /** The latest observation usable at {@code ts}, or NaN when none is yet. */
        public double valueAt(long ts) {
            if (ts < lastTs) {
                throw new IllegalArgumentException("series " + seriesId + ": timestamps must not decrease, got " + ts
                        + " after " + lastTs);
            }
            lastTs = ts;
            while (next < usableFrom.length && usableFrom[next] <= ts) {
                current = values[next++];
            }
            return current;
        }
    }
}
