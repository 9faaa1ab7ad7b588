package org.eimas.micro.bench;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.domain.macro.MacroAvailability;
import org.eimas.micro.domain.macro.NyseCalendar;
import org.eimas.micro.domain.store.MacroSeries;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The macro availability rule on ten years of a daily series (2015-2024, weekdays, 2% missing):
 * building the point-in-time cursor (the rule evaluated once per observation), and forward-filling
 * onto every 5-minute regular-hours bar of those years (the per-event cost).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MacroAvailabilityBenchmark {
    static final int BARS = 196_326; // 2517 NYSE sessions 2015-2024 by rule x 78 bars, checked in setup

    MacroSeries series;
    long[] bars;
    MacroAvailability rule;
    MacroAvailability.Cursor cursor;

    @Setup
    public void setup() {
        rule = MacroAvailability.nextSession();
        Random rnd = new Random(7);
        List<MacroSeries.Observation> obs = new ArrayList<>();
        List<Long> ts = new ArrayList<>();
        double x = 15;
        for (LocalDate d = LocalDate.parse("2015-01-01"); d.isBefore(LocalDate.parse("2025-01-01")); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() >= 6) {
                continue;
            }
            x += rnd.nextGaussian();
            boolean missing = rnd.nextDouble() < 0.02;
            obs.add(new MacroSeries.Observation(d, missing ? Double.NaN : x, missing, null, null));
            if (NyseCalendar.byRule().isTradingDay(d)) {
                for (int b = 0; b < 78; b++) {
                    var t = d.atTime(LocalTime.of(9, 30).plusMinutes(5L * b)).atZone(MacroAvailability.NEW_YORK).toInstant();
                    ts.add(t.getEpochSecond() * 1_000_000_000L);
                }
            }
        }
        series = new MacroSeries("VIXCLS", obs);
        bars = ts.stream().mapToLong(Long::longValue).toArray();
        if (bars.length != BARS) {
            throw new IllegalStateException("expected " + BARS + " bars, got " + bars.length);
        }
        cursor = rule.cursor(series);
    }

    /** Observations per second turned into usable-from times (calendar rule per observation). */
    @Benchmark
    @OperationsPerInvocation(2609)
    public MacroAvailability.Cursor buildCursor() {
        return rule.cursor(series);
    }

    /** Bars per second forward-filled by the streaming cursor. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public double valueAtEveryBar() {
        cursor.rewind();
        double sum = 0;
        for (long t : bars) {
            sum += cursor.valueAt(t);
        }
        return sum;
    }
}
