package org.eimas.micro.replay.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stylised facts of one simulated full day, each computed here by a plain, independent method
 * from the quotes and trades the simulator delivered.
 */
class SyntheticMarketStatsTest {
    static final long NS = 1_000_000_000L;
    static SyntheticMarketConfig cfg;
    static MarketTape tape;
    static long start;

    @BeforeAll
    static void simulate() {
        cfg = SyntheticMarketConfig.of(List.of("SPY"), LocalDate.of(2024, 6, 3), 6.5, 7);
        tape = new MarketTape("SPY");
        long t0 = System.nanoTime();
        new SyntheticMarket(cfg).run(tape);
        start = cfg.sessionStartNs();
        System.out.printf("simulated %d books, %d quotes, %d trades, %d order events in %.2f s%n", tape.books, tape.nq,
                tape.nt, tape.orderEvents, (System.nanoTime() - t0) / 1e9);
    }

    /** Time-weighted fraction of the session with a one-tick spread. */
    @Test
    void spreadIsMostlyOneTick() {
        double oneTick = 0;
        double total = 0;
        for (int i = 0; i + 1 < tape.nq; i++) {
            double dt = tape.qts[i + 1] - tape.qts[i];
            total += dt;
            if (Math.round((tape.ask[i] - tape.bid[i]) * 100) == 1) {
                oneTick += dt;
            }
        }
        double frac = oneTick / total;
        System.out.println("one-tick spread fraction " + frac);
        assertThat(frac).isGreaterThan(0.6);
    }

    /** Mid price at the end of each interval of {@code step} ns (last quote at or before it). */
    static double[] midGrid(long step) {
        int n = (int) (cfg.durationSeconds() * NS / step);
        double[] mid = new double[n + 1];
        int q = 0;
        for (int k = 0; k <= n; k++) {
            long t = start + k * step;
            while (q + 1 < tape.nq && tape.qts[q + 1] <= t) {
                q++;
            }
            mid[k] = 0.5 * (tape.bid[q] + tape.ask[q]);
        }
        return mid;
    }

    @Test
    void oneMinuteReturnsAreHeavyTailed() {
        double[] mid = midGrid(60 * NS);
        int n = mid.length - 1;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = Math.log(mid[i + 1] / mid[i]);
        }
        double m = 0;
        for (double x : r) {
            m += x / n;
        }
        double m2 = 0;
        double m4 = 0;
        for (double x : r) {
            m2 += (x - m) * (x - m) / n;
            m4 += Math.pow(x - m, 4) / n;
        }
        double excessKurtosis = m4 / (m2 * m2) - 3;
        System.out.println("1-min return excess kurtosis " + excessKurtosis);
        assertThat(excessKurtosis).isGreaterThan(1.0);
    }

    @Test
    void volumeClusters() {
        int n = (int) (cfg.durationSeconds() / 60);
        double[] v = new double[n];
        for (int i = 0; i < tape.nt; i++) {
            int k = (int) ((tape.tts[i] - start) / (60 * NS));
            if (k < n) {
                v[k] += tape.tsz[i];
            }
        }
        double ac = autocorrelation(v, 1);
        System.out.println("1-min volume lag-1 autocorrelation " + ac);
        assertThat(ac).isGreaterThan(0.2);
    }

    /** Cont, Kukanov & Stoikov (2014) eq. 2-3 over 10 s intervals, regressed as in eq. 10. */
    @Test
    void orderFlowImbalanceExplainsPriceChanges() {
        long step = 10 * NS;
        int n = (int) (cfg.durationSeconds() * NS / step);
        double[] ofi = new double[n];
        double[] dmid = new double[n];
        double[] mid = midGrid(step);
        for (int k = 0; k < n; k++) {
            dmid[k] = (mid[k + 1] - mid[k]) * 100;
        }
        for (int i = 1; i < tape.nq; i++) {
            int k = (int) ((tape.qts[i] - start) / step);
            if (k >= n) {
                break;
            }
            double e = 0;
            if (tape.bid[i] >= tape.bid[i - 1]) {
                e += tape.bsz[i];
            }
            if (tape.bid[i] <= tape.bid[i - 1]) {
                e -= tape.bsz[i - 1];
            }
            if (tape.ask[i] <= tape.ask[i - 1]) {
                e -= tape.asz[i];
            }
            if (tape.ask[i] >= tape.ask[i - 1]) {
                e += tape.asz[i - 1];
            }
            ofi[k] += e;
        }
        // as in the paper, one regression per half hour (180 intervals of 10 s), R^2 averaged
        int per = 180;
        double sum = 0;
        int windows = 0;
        for (int w = 0; (w + 1) * per <= n; w++) {
            sum += rSquared(java.util.Arrays.copyOfRange(ofi, w * per, (w + 1) * per),
                    java.util.Arrays.copyOfRange(dmid, w * per, (w + 1) * per));
            windows++;
        }
        double r2 = sum / windows;
        System.out.println("OFI-price R^2 (10 s intervals, mean of " + windows + " half hours) " + r2
                + ", whole day pooled " + rSquared(ofi, dmid));
        assertThat(r2).isGreaterThan(0.3);
    }

    /** VPIN (Easley, Lopez de Prado & O'Hara 2012, eq. 5) with the true trade signs. */
    @Test
    void vpinRisesBeforeTheLiquidityEvent() {
        double total = 0;
        for (int i = 0; i < tape.nt; i++) {
            total += tape.tsz[i];
        }
        double bucket = total / 1000;
        int window = 50;
        java.util.ArrayList<double[]> buckets = new java.util.ArrayList<>(); // {endTs, |Vb - Vs|}
        double vb = 0;
        double vs = 0;
        for (int i = 0; i < tape.nt; i++) {
            double left = tape.tsz[i];
            while (left > 0) {
                double take = Math.min(left, bucket - vb - vs);
                if (tape.tsign[i] > 0) {
                    vb += take;
                } else {
                    vs += take;
                }
                left -= take;
                if (vb + vs >= bucket - 1e-9) {
                    buckets.add(new double[] {tape.tts[i], Math.abs(vb - vs)});
                    vb = 0;
                    vs = 0;
                }
            }
        }
        double eventNs = start + cfg.eventSecond() * NS;
        double preSum = 0;
        int preN = 0;
        double baseSum = 0;
        int baseN = 0;
        for (int b = window - 1; b < buckets.size(); b++) {
            double s = 0;
            for (int j = b - window + 1; j <= b; j++) {
                s += buckets.get(j)[1];
            }
            double vpin = s / (window * bucket);
            double ts = buckets.get(b)[0];
            if (ts < eventNs && ts >= eventNs - 600 * NS) {
                preSum += vpin;
                preN++;
            } else if (ts >= start + 3600 * NS && ts < eventNs - 2400 * NS) {
                baseSum += vpin;
                baseN++;
            }
        }
        double pre = preSum / preN;
        double base = baseSum / baseN;
        System.out.println("VPIN baseline " + base + " (" + baseN + " buckets), last 10 min before event " + pre + " ("
                + preN + ")");
        assertThat(pre).isGreaterThan(1.5 * base);
    }

    static double autocorrelation(double[] x, int lag) {
        double m = 0;
        for (double v : x) {
            m += v / x.length;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            den += (x[i] - m) * (x[i] - m);
            if (i + lag < x.length) {
                num += (x[i] - m) * (x[i + lag] - m);
            }
        }
        return num / den;
    }

    /** R^2 of OLS y = a + b x. */
    static double rSquared(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy * sxy / (sxx * syy);
    }
}
