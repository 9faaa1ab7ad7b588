package org.eimas.micro.domain.vpin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VpinTest {

    /** Collects buckets as rows {bucket, endTs, buy, sell, vpin}. */
    static final class Rows implements BucketListener {
        final List<double[]> rows = new ArrayList<>();

        @Override
        public void onBucket(long bucket, long endTs, double buy, double sell, double vpin) {
            rows.add(new double[] {bucket, endTs, buy, sell, vpin});
        }
    }

    @Test
    void handWorkedBucketsSplitsAndZeroSizes() {
        Vpin v = new Vpin(100, 2, 1);
        Rows r = new Rows();
        assertThat(v.addSigned(1, 60, +1, r)).isEqualTo(0);
        assertThat(v.addSigned(2, 70, -1, r)).isEqualTo(1);   // bucket 1: 60 buy + 40 sell; 30 sell carried
        assertThat(v.addSigned(3, 250, +1, r)).isEqualTo(2);  // bucket 2: 30 sell + 70 buy; bucket 3: 100 buy; 80 carried
        assertThat(v.addSigned(4, 0, -1, r)).isEqualTo(0);    // size 0 never completes a bucket
        assertThat(v.addSigned(5, 20, -1, r)).isEqualTo(1);   // bucket 4: 80 buy + 20 sell, exactly full
        assertThat(v.addSigned(6, 0, +1, r)).isEqualTo(0);
        assertThat(v.addSigned(7, 10, +1, r)).isEqualTo(0);   // unfinished: not reported
        assertThat(r.rows).hasSize(4);
        assertRow(r.rows.get(0), 1, 2, 60, 40, Double.NaN);
        assertRow(r.rows.get(1), 2, 3, 70, 30, (20 + 40) / 200.0);
        assertRow(r.rows.get(2), 3, 3, 100, 0, (40 + 100) / 200.0);
        assertRow(r.rows.get(3), 4, 5, 80, 20, (100 + 60) / 200.0);
        assertThat(v.last()).isEqualTo(0.8);
        assertThat(v.pendingUnits()).isEqualTo(10);
    }

    private static void assertRow(double[] row, long bucket, long ts, double buy, double sell, double vpin) {
        assertThat(row[0]).isEqualTo(bucket);
        assertThat(row[1]).isEqualTo(ts);
        assertThat(row[2]).isEqualTo(buy);
        assertThat(row[3]).isEqualTo(sell);
        if (Double.isNaN(vpin)) {
            assertThat(row[4]).isNaN();
        } else {
            assertThat(row[4]).isCloseTo(vpin, within(1e-15));
        }
    }

    @Test
    void dollarBucketsInCentsCompleteToTheCent() {
        // V = $1,000 = 100000 cents; 10.01 * 50 = $500.50, 9.99 * 50 = $499.50: exactly $1,000
        Vpin v = new Vpin(100_000, 1, 100);
        Rows r = new Rows();
        v.add(1, Math.round(10.01 * 50 * 100), 1, r);
        v.add(2, Math.round(9.99 * 50 * 100), 0, r);
        assertThat(r.rows).hasSize(1);
        assertRow(r.rows.get(0), 1, 2, 500.50, 499.50, 1.0 / 1000);
        assertThat(v.pendingUnits()).isEqualTo(0);
    }

    @Test
    void fractionalBuyFractionsSplitProRata() {
        Vpin v = new Vpin(10, 1, 1);
        Rows r = new Rows();
        v.add(1, 25, 0.8, r); // 2 full buckets of 8 buy / 2 sell, 5 carried at 0.8
        v.add(2, 5, 0.2, r);  // bucket 3: 4 + 1 buy, 1 + 4 sell
        assertThat(r.rows).hasSize(3);
        assertThat(r.rows.get(0)[2]).isCloseTo(8, within(1e-12));
        assertThat(r.rows.get(1)[4]).isCloseTo(0.6, within(1e-12));
        assertThat(r.rows.get(2)[2]).isCloseTo(5, within(1e-12));
        assertThat(r.rows.get(2)[4]).isCloseTo(0.0, within(1e-12));
        assertThatThrownBy(() -> v.add(3, 1, 1.5, r)).hasMessageContaining("buy fraction");
        assertThatThrownBy(() -> v.add(3, -1, 1, r)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new Vpin(0, 1, 1)).hasMessageContaining("bucket size");
    }

    /** Independent reference: every share is its own unit, assigned to bucket floor(cumulative / V). */
    @Test
    void matchesShareByShareReference() {
        Random rnd = new Random(5);
        int vSize = 137, n = 7;
        Vpin v = new Vpin(vSize, n, 1);
        Rows r = new Rows();
        List<int[]> trades = new ArrayList<>(); // ts, size, sign
        for (int i = 0; i < 20000; i++) {
            int size = rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(10) == 0 ? 300 + rnd.nextInt(300) : 1 + rnd.nextInt(60);
            int sign = rnd.nextInt(3) == 0 ? -1 : 1;
            trades.add(new int[] {i, size, sign});
            v.addSigned(i, size, sign, r);
        }
        List<long[]> ref = new ArrayList<>(); // buy, sell, endTs
        long buy = 0, sell = 0, inBucket = 0;
        for (int[] t : trades) {
            for (int s = 0; s < t[1]; s++) {
                if (t[2] > 0) {
                    buy++;
                } else {
                    sell++;
                }
                if (++inBucket == vSize) {
                    ref.add(new long[] {buy, sell, t[0]});
                    buy = sell = inBucket = 0;
                }
            }
        }
        assertThat(r.rows).hasSize(ref.size());
        for (int k = 0; k < ref.size(); k++) {
            double[] row = r.rows.get(k);
            assertThat(row[1]).isEqualTo(ref.get(k)[2]);
            assertThat(row[2]).isEqualTo(ref.get(k)[0]);
            assertThat(row[3]).isEqualTo(ref.get(k)[1]);
            if (k + 1 < n) {
                assertThat(row[4]).isNaN();
            } else {
                double s = 0;
                for (int j = k - n + 1; j <= k; j++) {
                    s += Math.abs(ref.get(j)[0] - ref.get(j)[1]);
                }
                assertThat(row[4]).as("bucket %d", k + 1).isCloseTo(s / (n * (double) vSize), within(1e-14));
            }
        }
    }

    @Test
    void fixedLevelsAndAlertHistory() {
        CrashDetector d = new CrashDetector(CrashDetector.Basis.FIXED, 10, 5, 3, 2);
        assertThat(d.update(1, 0.6)).isNull();
        CrashAlert e = d.update(2, 0.61);
        assertThat(e.level()).isEqualTo(AlertLevel.ELEVATED);
        assertThat(e.action()).isEqualTo("MONITOR_CLOSELY");
        assertThat(d.update(3, 0.7000001).level()).isEqualTo(AlertLevel.HIGH);
        CrashAlert c = d.update(4, 0.81);
        assertThat(c.level()).isEqualTo(AlertLevel.CRITICAL);
        assertThat(c.action()).isEqualTo("REDUCE_EXPOSURE_IMMEDIATELY");
        assertThat(d.update(5, 0.8).level()).isEqualTo(AlertLevel.HIGH); // 0.8 is not > 0.8
        assertThat(d.alerts()).extracting(CrashAlert::ts).containsExactly(4L, 5L); // capacity 2
        assertThatThrownBy(() -> d.update(6, 1.2)).hasMessageContaining("[0, 1]");
    }

    @Test
    void empiricalCdfMatchesNaiveCountOverTrailingHistory() {
        Random rnd = new Random(9);
        int h = 40;
        CrashDetector d = new CrashDetector(CrashDetector.Basis.CDF, h, 20, 12, 100);
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double v = rnd.nextInt(50) / 50.0; // many ties
            d.update(i, v);
            all.add(v);
            int from = Math.max(0, all.size() - h);
            int le = 0;
            for (int j = from; j < all.size(); j++) {
                if (all.get(j) <= v) {
                    le++;
                }
            }
            int size = all.size() - from;
            if (size < 20) {
                assertThat(d.lastCdf()).isNaN();
                assertThat(d.cdfLevel()).isEqualTo(AlertLevel.NONE);
            } else {
                double cdf = (double) le / size;
                assertThat(d.lastCdf()).as("value %d", i).isEqualTo(cdf);
                AlertLevel expected = cdf > 0.99 ? AlertLevel.CRITICAL : cdf > 0.95 ? AlertLevel.HIGH
                        : cdf > 0.90 ? AlertLevel.ELEVATED : AlertLevel.NONE;
                assertThat(d.level()).isEqualTo(expected);
            }
        }
    }

    @Test
    void trendBySlopeTest() {
        CrashDetector up = new CrashDetector(CrashDetector.Basis.FIXED, 100, 1, 12, 0);
        for (int i = 0; i < 30; i++) {
            up.update(i, 0.2 + 0.01 * i + (i % 2 == 0 ? 0.002 : -0.002));
        }
        assertThat(up.trend()).isEqualTo(VpinTrend.RISING);
        CrashDetector down = new CrashDetector(CrashDetector.Basis.FIXED, 100, 1, 12, 0);
        for (int i = 0; i < 30; i++) {
            down.update(i, 0.5 - 0.01 * i);
        }
        assertThat(down.trend()).isEqualTo(VpinTrend.FALLING);
        CrashDetector flat = new CrashDetector(CrashDetector.Basis.FIXED, 100, 1, 12, 0);
        for (int i = 0; i < 30; i++) {
            flat.update(i, 0.3);
        }
        assertThat(flat.trend()).isEqualTo(VpinTrend.STABLE);
        // noisy, no slope: values alternate; slope over 12 values is tiny relative to its standard error
        CrashDetector noisy = new CrashDetector(CrashDetector.Basis.FIXED, 100, 1, 12, 0);
        double[] vals = {0.3, 0.5, 0.2, 0.45, 0.35, 0.25, 0.5, 0.3, 0.4, 0.2, 0.45, 0.3};
        for (int i = 0; i < vals.length; i++) {
            noisy.update(i, vals[i]);
        }
        // hand check of t: slope and its standard error computed here
        double mi = 5.5, my = 0;
        for (double x : vals) {
            my += x / 12;
        }
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < 12; i++) {
            sxx += (i - mi) * (i - mi);
            sxy += (i - mi) * (vals[i] - my);
            syy += (vals[i] - my) * (vals[i] - my);
        }
        double b = sxy / sxx;
        double t = b / Math.sqrt((syy - b * sxy) / 10 / sxx);
        assertThat(Math.abs(t)).isLessThan(2);
        assertThat(noisy.trend()).isEqualTo(VpinTrend.STABLE);
    }
}
