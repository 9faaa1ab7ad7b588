package org.eimas.micro.domain.orderflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrderFlowImbalanceTest {

    private static double[] a(double... v) {
        return v;
    }

    @Test
    void handWorkedLevelOne() {
        OrderFlowImbalance ofi = new OrderFlowImbalance(1);
        // first snapshot: e = 0
        assertThat(ofi.update(a(10.00), a(100), a(10.02), a(200))).isEqualTo(0.0);
        // bid unchanged, size 100 -> 150: +150 - 100; ask unchanged 200 -> 200: -200 + 200
        assertThat(ofi.update(a(10.00), a(150), a(10.02), a(200))).isEqualTo(50.0);
        // bid rises to 10.01 with 30: the whole new size +30 (not 30 - 150); ask same 200 -> 180: -180 + 200
        assertThat(ofi.update(a(10.01), a(30), a(10.02), a(180))).isEqualTo(50.0);
        // bid falls to 10.00: -30 (old size); ask falls to 10.01 with 40: -40
        assertThat(ofi.update(a(10.00), a(80), a(10.01), a(40))).isEqualTo(-70.0);
        // bid same 80 -> 80: 0; ask rises to 10.02: +40 (old size)
        assertThat(ofi.update(a(10.00), a(80), a(10.02), a(300))).isEqualTo(40.0);
        // locked book 10.01 / 10.01: bid up +10, ask down -20
        assertThat(ofi.update(a(10.01), a(10), a(10.01), a(20))).isEqualTo(-10.0);
        // zero sizes: bid same 10 -> 0: -10; ask same 20 -> 0: +20
        assertThat(ofi.update(a(10.01), a(0), a(10.01), a(0))).isEqualTo(10.0);
        assertThat(ofi.count()).isEqualTo(7);
    }

    @Test
    void pricesFromArithmeticCompareExactly() {
        OrderFlowImbalance ofi = new OrderFlowImbalance(1);
        ofi.update(a(0.3), a(100), a(0.4), a(100));
        double bid = 0.1 + 0.2; // 0.30000000000000004: the same price, not a rise
        assertThat(bid).isNotEqualTo(0.3);
        assertThat(ofi.update(a(bid), a(120), a(0.4), a(100))).isEqualTo(20.0);
        // LOBSTER style: 2237950 / 10000 against 223.795
        OrderFlowImbalance l = new OrderFlowImbalance(1);
        l.update(a(223.795), a(5), a(224.0), a(5));
        assertThat(l.update(a(2237950 / 10000.0), a(7), a(224.0), a(5))).isEqualTo(2.0);
    }

    @Test
    void priceUnitsRoundToWholeHundredMillionths() {
        assertThat(org.eimas.micro.domain.market.PriceUnits.of(223.795)).isEqualTo(22_379_500_000L);
        assertThat(org.eimas.micro.domain.market.PriceUnits.of(2237950 / 10000.0)).isEqualTo(22_379_500_000L);
        assertThat(org.eimas.micro.domain.market.PriceUnits.of(0.1 + 0.2)).isEqualTo(30_000_000L);
        assertThat(org.eimas.micro.domain.market.PriceUnits.of(-1.5)).isEqualTo(-150_000_000L);
        assertThat(org.eimas.micro.domain.market.PriceUnits.of(0)).isEqualTo(0L);
        assertThatThrownBy(() -> org.eimas.micro.domain.market.PriceUnits.of(Double.POSITIVE_INFINITY)).hasMessageContaining("exactly");
        assertThatThrownBy(() -> org.eimas.micro.domain.market.PriceUnits.of(1e12)).hasMessageContaining("exactly");
    }

    @Test
    void levelsAreComparedByPosition() {
        OrderFlowImbalance ofi = new OrderFlowImbalance(2);
        ofi.update(a(10.00, 9.99), a(100, 200), a(10.01, 10.02), a(100, 300));
        // level 1: bid down to 9.99 (-100), ask same 100 -> 50 (+50 ... -50+100=+50) => -50
        // level 2: bid down to 9.98 (-200), ask same 10.02 300 -> 300 => 0 => -200
        ofi.update(a(9.99, 9.98), a(200, 400), a(10.01, 10.02), a(50, 300));
        assertThat(ofi.ofi(1)).isEqualTo(-50.0);
        assertThat(ofi.ofi(2)).isEqualTo(-200.0);
        ofi.reset();
        assertThat(ofi.update(a(1, 0.5), a(1, 1), a(2, 3), a(1, 1))).isEqualTo(0.0);
        assertThat(ofi.ofi(2)).isEqualTo(0.0);
    }

    @Test
    void rejectsShortArraysAndBadLevels() {
        assertThatThrownBy(() -> new OrderFlowImbalance(0)).hasMessageContaining("levels");
        OrderFlowImbalance ofi = new OrderFlowImbalance(3);
        assertThatThrownBy(() -> ofi.update(a(1), a(1), a(2), a(1))).hasMessageContaining("3 levels");
        assertThatThrownBy(() -> new OrderFlowImbalance(1).update(a(Double.NaN), a(1), a(2), a(1)))
                .hasMessageContaining("NaN");
    }

    /** Slow reference: prices as decimal strings compared with BigDecimal, the formula term by term. */
    static double naive(String pb0, double qb0, String pa0, double qa0, String pb1, double qb1, String pa1, double qa1) {
        int b = new BigDecimal(pb1).compareTo(new BigDecimal(pb0));
        int s = new BigDecimal(pa1).compareTo(new BigDecimal(pa0));
        double e = 0;
        e += (b >= 0 ? 1 : 0) * qb1;
        e -= (b <= 0 ? 1 : 0) * qb0;
        e -= (s <= 0 ? 1 : 0) * qa1;
        e += (s >= 0 ? 1 : 0) * qa0;
        return e;
    }

    @Test
    void matchesDecimalReferenceOnRandomBooks() {
        Random r = new Random(42);
        int levels = 5;
        OrderFlowImbalance ofi = new OrderFlowImbalance(levels);
        String[][] prev = null;
        double[][] prevSz = null;
        for (int n = 0; n < 5000; n++) {
            int mid = 10000 + r.nextInt(7) - 3; // cents, many ties
            String[] bp = new String[levels];
            String[] ap = new String[levels];
            double[] bpx = new double[levels];
            double[] apx = new double[levels];
            double[] bsz = new double[levels];
            double[] asz = new double[levels];
            for (int m = 0; m < levels; m++) {
                int bc = mid - 1 - m - (r.nextInt(4) == 0 ? 1 : 0) * m;
                int ac = mid + 1 + m + (r.nextInt(4) == 0 ? 1 : 0) * m;
                bp[m] = BigDecimal.valueOf(bc, 2).toPlainString();
                ap[m] = BigDecimal.valueOf(ac, 2).toPlainString();
                bpx[m] = Double.parseDouble(bp[m]);
                apx[m] = Double.parseDouble(ap[m]);
                bsz[m] = r.nextInt(5) == 0 ? 0 : r.nextInt(500);
                asz[m] = r.nextInt(5) == 0 ? 0 : r.nextInt(500);
            }
            ofi.update(bpx, bsz, apx, asz);
            for (int m = 0; m < levels; m++) {
                double expected = prev == null ? 0
                        : naive(prev[0][m], prevSz[0][m], prev[1][m], prevSz[1][m], bp[m], bsz[m], ap[m], asz[m]);
                assertThat(ofi.ofi(m + 1)).as("snapshot %d level %d", n, m + 1).isEqualTo(expected);
            }
            prev = new String[][] {bp, ap};
            prevSz = new double[][] {bsz, asz};
        }
    }

    @Test
    void windowedSumIsInclusiveAtBothEndsAndMatchesNaive() {
        long w = 10;
        WindowedSum ws = new WindowedSum(w);
        ws.add(0, 1);
        ws.add(5, 2);
        ws.add(10, 4);
        assertThat(ws.sum(10)).isEqualTo(7.0); // [0, 10] holds ts 0, 5, 10
        ws.add(11, 8);
        assertThat(ws.sum(11)).isEqualTo(14.0); // [1, 11]: 5, 10, 11
        ws.add(25, 16);
        assertThat(ws.sum(25)).isEqualTo(16.0);
        assertThatThrownBy(() -> ws.add(24, 1)).hasMessageContaining("decrease");

        Random r = new Random(7);
        List<long[]> ev = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        WindowedSum big = new WindowedSum(1_000);
        long t = 0;
        for (int i = 0; i < 3000; i++) {
            t += r.nextInt(3) == 0 ? 0 : r.nextInt(200);
            double v = r.nextInt(201) - 100;
            big.add(t, v);
            ev.add(new long[] {t});
            vals.add(v);
            double naive = 0;
            for (int j = 0; j < ev.size(); j++) {
                long tj = ev.get(j)[0];
                if (tj >= t - 1_000 && tj <= t) {
                    naive += vals.get(j);
                }
            }
            assertThat(big.sum(t)).as("at %d", i).isEqualTo(naive);
        }
    }

    @Test
    void regressionHandWorked() {
        // S = 1 s, tick 0.01. Interval 0 (dropped) ends with mid 10.01.
        OfiRegression reg = new OfiRegression(1_000_000_000L, 0.01);
        OrderFlowImbalance ofi = new OrderFlowImbalance(1);
        long s = 1_000_000_000L;
        double[][] book = {
            // ts(s), bid, bidSz, ask, askSz
            {0.2, 10.00, 100, 10.02, 100},
            {0.8, 10.00, 150, 10.02, 100},  // e = 50, still interval 0
            {1.5, 10.00, 160, 10.02, 100},  // e = 10 -> OFI_1 = 10, mid 10.01, dP = 0
            {3.1, 10.01, 20, 10.02, 100},   // e = +20 (interval 3) ...
            {3.9, 10.01, 40, 10.02, 100},   // e = +20 -> OFI_3 = 40, mid 10.015, dP = 0.5
            {4.0, 10.02, 80, 10.03, 100},   // e = +80 + 100 (ask up, old size) = 180 -> OFI_4 = 180, mid 10.025, dP = 1
        };
        for (double[] b : book) {
            long ts = Math.round(b[0] * s);
            double e = ofi.update(new double[] {b[1]}, new double[] {b[2]}, new double[] {b[3]}, new double[] {b[4]});
            reg.update(ts, e, b[1], b[3]);
        }
        // points (10, 0), (40, 0.5), (180, 1): mean x = 230/3, mean y = 0.5
        double mx = 230.0 / 3, my = 0.5;
        double sxx = sq(10 - mx) + sq(40 - mx) + sq(180 - mx);
        double sxy = (10 - mx) * (0 - my) + (40 - mx) * (0.5 - my) + (180 - mx) * (1 - my);
        double syy = 0.25 + 0 + 0.25;
        OfiFit fit = reg.fit();
        assertThat(fit.intervals()).isEqualTo(3);
        assertThat(fit.beta()).isCloseTo(sxy / sxx, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(my - sxy / sxx * mx, within(1e-12));
        assertThat(fit.r2()).isCloseTo(sxy * sxy / (sxx * syy), within(1e-12));
        PriceImpact imp = fit.impact(100, 10.0);
        assertThat(imp.ticks()).isCloseTo(fit.intercept() + fit.beta() * 100, within(1e-12));
        assertThat(imp.bps()).isCloseTo(imp.ticks() * 0.01 / 10.0 * 1e4, within(1e-12));
    }

    private static double sq(double x) {
        return x * x;
    }

    @Test
    void regressionMatchesTwoPassReferenceOnRandomData() {
        Random r = new Random(11);
        long sNs = 2_000_000_000L;
        OfiRegression reg = new OfiRegression(sNs, 0.01);
        OrderFlowImbalance ofi = new OrderFlowImbalance(1);
        List<long[]> rows = new ArrayList<>(); // ts, bidCents, askCents
        List<Double> es = new ArrayList<>();
        long t = 1_700_000_000_000_000_000L;
        int mid = 10000;
        for (int i = 0; i < 4000; i++) {
            t += r.nextInt(10) == 0 ? 7_000_000_000L : r.nextInt(400_000_000);
            mid += r.nextInt(3) - 1;
            int bid = mid - 1, ask = mid + 1 + r.nextInt(2);
            double qb = r.nextInt(300), qa = r.nextInt(300);
            double e = ofi.update(new double[] {bid / 100.0}, new double[] {qb}, new double[] {ask / 100.0}, new double[] {qa});
            reg.update(t, e, bid / 100.0, ask / 100.0);
            rows.add(new long[] {t, bid, ask});
            es.add(e);
        }
        // reference: group by floor(ts / S), two-pass OLS
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        long curK = Long.MIN_VALUE;
        double acc = 0;
        long lastMidC2 = 0;
        Long prevMidC2 = null;
        for (int i = 0; i <= rows.size(); i++) {
            long k = i < rows.size() ? Math.floorDiv(rows.get(i)[0], sNs) : Long.MAX_VALUE;
            if (k != curK && curK != Long.MIN_VALUE) {
                if (prevMidC2 != null) {
                    xs.add(acc);
                    ys.add((lastMidC2 - prevMidC2) / 2.0); // cents = ticks
                }
                prevMidC2 = lastMidC2;
                acc = 0;
            }
            if (i == rows.size()) {
                break;
            }
            curK = k;
            acc += es.get(i);
            lastMidC2 = rows.get(i)[1] + rows.get(i)[2];
        }
        int n = xs.size();
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += xs.get(i);
            my += ys.get(i);
        }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += sq(xs.get(i) - mx);
            syy += sq(ys.get(i) - my);
            sxy += (xs.get(i) - mx) * (ys.get(i) - my);
        }
        OfiFit fit = reg.fit();
        assertThat(fit.intervals()).isEqualTo(n);
        assertThat(fit.beta()).isCloseTo(sxy / sxx, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(my - sxy / sxx * mx, within(1e-9));
        assertThat(fit.r2()).isCloseTo(sxy * sxy / (sxx * syy), within(1e-9));
        assertThat(fit.r2()).isGreaterThan(0.05); // OFI does explain mid changes on this synthetic book
    }

    @Test
    void regressionNeedsIntervalsAndSignalThresholds() {
        OfiRegression reg = new OfiRegression(1_000_000_000L, 0.01);
        reg.update(0, 0, 10, 10.02);
        reg.update(1_000_000_000L, 5, 10, 10.02);
        assertThatThrownBy(reg::fit).hasMessageContaining("at least 2 intervals");
        assertThatThrownBy(() -> new OfiRegression(0, 0.01)).hasMessageContaining("interval");
        assertThatThrownBy(() -> new OfiRegression(1, 0)).hasMessageContaining("tick");
        assertThat(OfiSignal.of(1001, 1000)).isEqualTo(OfiSignal.BUY);
        assertThat(OfiSignal.of(1000, 1000)).isEqualTo(OfiSignal.NEUTRAL);
        assertThat(OfiSignal.of(-1000.5, 1000)).isEqualTo(OfiSignal.SELL);
    }
}
