package org.eimas.micro.replay.sim;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.eimas.micro.domain.port.MarketDataListener;

/**
 * The seeded synthetic market: one {@link SymbolSimulator} per symbol, merged in time order.
 *
 * <p>Each symbol draws from its own random stream derived from (seed, symbol), and the common
 * factor of the latent values from (seed) alone, so a symbol's data do not depend on which other
 * symbols are simulated with it. Same config, same events, byte for byte.
 *
 * <p>Use {@link #run(MarketDataListener)} for a whole session as fast as possible, or
 * {@link #hasNext()}/{@link #nextTs()}/{@link #step(MarketDataListener)} to pace it (the live
 * {@link SyntheticMarketFeed}).
 */
public final class SyntheticMarket {
    private static final Map<String, Double> KNOWN_PRICES = Map.of(
            "SPY", 450.0, "QQQ", 380.0, "IWM", 195.0, "DIA", 345.0, "AAPL", 190.0, "MSFT", 410.0,
            "AMZN", 180.0, "NVDA", 120.0, "TSLA", 240.0, "GLD", 215.0);

    private final SyntheticMarketConfig config;
    private final SymbolSimulator[] sims;

    public SyntheticMarket(SyntheticMarketConfig config) {
        this.config = config;
        int seconds = (int) Math.ceil(config.durationSeconds());
        double[] factor = studentT(new SplittableRandom(mix(config.seed(), 0x5eed_fac7L)), seconds);
        List<String> symbols = config.symbols();
        sims = new SymbolSimulator[symbols.size()];
        for (int i = 0; i < sims.length; i++) {
            String sym = symbols.get(i);
            long symSeed = mix(config.seed(), sym.hashCode());
            int startTick = (int) Math.round(startPrice(sym) * SymbolSimulator.TICKS_PER_DOLLAR);
            double[] value = valuePath(startTick, factor, new SplittableRandom(mix(symSeed, 0x7a1abcL)), seconds);
            sims[i] = new SymbolSimulator(sym, config, startTick, value, symSeed);
        }
    }

    public SyntheticMarketConfig config() {
        return config;
    }

    /** Opening price used for a symbol: a table for common ETFs and stocks, else 20..500 from the name. */
    public static double startPrice(String symbol) {
        Double p = KNOWN_PRICES.get(symbol);
        if (p != null) {
            return p;
        }
        int h = symbol.hashCode() & 0x7fffffff;
        return 20 + (h % 48_000) / 100.0;
    }

    /** Latent value in ticks at every second: Student-t(3) increments, common factor, scripted event. */
    private double[] valuePath(int startTick, double[] factor, SplittableRandom rng, int seconds) {
        double[] idio = studentT(rng, seconds);
        double[] v = new double[seconds + 1];
        v[0] = startTick;
        double rho = SymbolSimulator.FACTOR_CORR;
        double c = Math.sqrt(1 - rho * rho);
        double eventSec = config.eventSecond();
        double drift = config.liquidityEvent()
                ? SymbolSimulator.PRE_EVENT_DRIFT * startTick / SymbolSimulator.PRE_EVENT_SECONDS : 0;
        for (int s = 0; s < seconds; s++) {
            double a = SymbolSimulator.activity(s / config.durationSeconds());
            double x = v[s] + SymbolSimulator.SIGMA_TICKS * Math.sqrt(a) * (rho * factor[s] + c * idio[s]);
            if (config.liquidityEvent()) {
                if (s >= eventSec - SymbolSimulator.PRE_EVENT_SECONDS && s < eventSec) {
                    x -= drift;
                }
                if (s == (int) eventSec) {
                    x -= SymbolSimulator.EVENT_DROP * startTick;
                }
            }
            v[s + 1] = x;
        }
        return v;
    }

    /** Unit-variance Student-t(3) draws: Z / sqrt(chi2_3 / 3), scaled by 1/sqrt(3). */
    private static double[] studentT(SplittableRandom rng, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double z = gaussian(rng);
            double chi = 0;
            for (int j = 0; j < 3; j++) {
                double g = gaussian(rng);
                chi += g * g;
            }
            out[i] = z / Math.sqrt(chi / 3) / Math.sqrt(3);
        }
        return out;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public boolean hasNext() {
        for (SymbolSimulator s : sims) {
            if (!s.done()) {
                return true;
            }
        }
        return false;
    }

    /** Timestamp (epoch ns) of the next event; only valid when {@link #hasNext()}. */
    public long nextTs() {
        return sims[nextIndex()].nextTs();
    }

    /** Delivers the next event (all symbols merged in time order). */
    public void step(MarketDataListener out) {
        sims[nextIndex()].step(out);
    }

    /** Runs the whole session as fast as possible; returns the number of order-book events. */
    public long run(MarketDataListener out) {
        while (hasNext()) {
            step(out);
        }
        long n = 0;
        for (SymbolSimulator s : sims) {
            n += s.events();
        }
        return n;
    }

    private int nextIndex() {
        int best = -1;
        long bestTs = Long.MAX_VALUE;
        for (int i = 0; i < sims.length; i++) {
            if (!sims[i].done() && (best < 0 || sims[i].nextTs() < bestTs)) {
                best = i;
                bestTs = sims[i].nextTs();
            }
        }
        if (best < 0) {
            throw new IllegalStateException("the simulated session is over");
        }
        return best;
    }
}
