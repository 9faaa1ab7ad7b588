package org.eimas.micro.replay.sim;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * What to simulate: which symbols, which day, how long, the seed, book depth and whether the
 * scripted liquidity event happens. Everything else (rates, excitation, tick size) is a documented
 * constant of {@link SymbolSimulator}.
 *
 * @param symbols         one or more instruments (each gets its own book and random stream)
 * @param date            trading day; the session starts at 09:30 New York time on it
 * @param hours           session length in hours (6.5 = a full day)
 * @param seed            same seed, same data
 * @param levels          book levels per side in the snapshots
 * @param liquidityEvent  whether the scripted liquidity event happens
 * @param eventAtFraction where in the session it happens, in (0, 1)
 */
public record SyntheticMarketConfig(List<String> symbols, LocalDate date, double hours, long seed, int levels,
                                    boolean liquidityEvent, double eventAtFraction) {
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    public SyntheticMarketConfig {
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("simulate needs at least one symbol");
        }
        if (symbols.stream().distinct().count() != symbols.size()) {
            throw new IllegalArgumentException("duplicate symbol in " + symbols);
        }
        for (String s : symbols) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException("empty symbol in " + symbols);
            }
        }
        if (!(hours > 0) || hours > 24) {
            throw new IllegalArgumentException("hours must be in (0, 24], got " + hours);
        }
        if (levels < 1 || levels > 50) {
            throw new IllegalArgumentException("levels must be in [1, 50], got " + levels);
        }
        if (!(eventAtFraction > 0 && eventAtFraction < 1)) {
            throw new IllegalArgumentException("eventAtFraction must be in (0, 1), got " + eventAtFraction);
        }
    }

    /** A full-featured day: 10 levels, liquidity event at 75 % of the session. */
    public static SyntheticMarketConfig of(List<String> symbols, LocalDate date, double hours, long seed) {
        return new SyntheticMarketConfig(symbols, date, hours, seed, 10, true, 0.75);
    }

    /** 09:30 New York time on {@link #date()}, as epoch nanoseconds UTC. */
    public long sessionStartNs() {
        return date.atTime(LocalTime.of(9, 30)).atZone(NEW_YORK).toEpochSecond() * 1_000_000_000L;
    }

    public double durationSeconds() {
        return hours * 3600.0;
    }

    /** Seconds after the open when the liquidity event hits. */
    public double eventSecond() {
        return eventAtFraction * durationSeconds();
    }

    public SyntheticMarketConfig withLiquidityEvent(boolean on) {
        return new SyntheticMarketConfig(symbols, date, hours, seed, levels, on, eventAtFraction);
    }

    public SyntheticMarketConfig withLevels(int n) {
        return new SyntheticMarketConfig(symbols, date, hours, seed, n, liquidityEvent, eventAtFraction);
    }
}
