package org.eimas.micro.domain.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CriticalPathsTest {

    @Test
    void rollingZScoreMatchesTwoPassReference() {
        Random r = new Random(1);
        RollingZScore z = new RollingZScore(60, 11);
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            double x = 1e6 + r.nextGaussian() * (i % 500 == 0 ? 50 : 5); // large offset: cancellation check
            double got = z.add(x);
            all.add(x);
            int from = Math.max(0, all.size() - 60);
            int n = all.size() - from;
            if (n < 11) {
                assertThat(got).isNaN();
                continue;
            }
            double mean = 0;
            for (int j = from; j < all.size(); j++) {
                mean += all.get(j);
            }
            mean /= n;
            double ss = 0;
            for (int j = from; j < all.size(); j++) {
                ss += (all.get(j) - mean) * (all.get(j) - mean);
            }
            double expected = (x - mean) / Math.sqrt(ss / n);
            assertThat(got).as("obs %d", i).isCloseTo(expected, within(1e-6));
        }
        RollingZScore c = new RollingZScore(5, 2);
        c.add(3);
        assertThat(c.add(3)).isNaN(); // sd = 0
        assertThat(c.add(4)).isCloseTo((4 - 10 / 3.0) / Math.sqrt(2.0 / 9), within(1e-12));
        assertThatThrownBy(() -> c.add(Double.NaN)).hasMessageContaining("finite");
    }

    @Test
    void rollingMedianMatchesSort() {
        Random r = new Random(2);
        RollingMedian m = new RollingMedian(25);
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double x = r.nextInt(40);
            m.add(x);
            all.add(x);
            double[] w = all.subList(Math.max(0, all.size() - 25), all.size()).stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(w);
            double med = w.length % 2 == 1 ? w[w.length / 2] : (w[w.length / 2 - 1] + w[w.length / 2]) / 2;
            assertThat(m.median()).isEqualTo(med);
        }
    }

    /** 20 calm observations: OFI alternating 100/-100 (|z| = 1), spread 0.01/0.02. */
    private static MicrostructureStressPath calm() {
        MicrostructureStressPath p = new MicrostructureStressPath();
        for (int i = 0; i < 20; i++) {
            assertThat(p.update(i, 0.3, i % 2 == 0 ? 100 : -100, i % 2 == 0 ? 0.01 : 0.02)).isNull();
        }
        return p;
    }

    @Test
    void path18SeverityFromVpinAndOfi() {
        MicrostructureStressPath p = calm();
        StressTrigger w = p.update(100, 0.85, 0, 0.015); // VPIN only
        assertThat(w.severity()).isEqualTo(Severity.WARNING);
        assertThat(w.vpinTriggered()).isTrue();
        assertThat(w.ofiTriggered()).isFalse();
        assertThat(w.action()).isEqualTo("TIGHTEN_RISK_LIMITS");
        assertThat(w.linkedPath()).isEqualTo(0);

        MicrostructureStressPath q = calm();
        // OFI 1000 after 20 x (+-100): window of 21, mean 1000/21 ...
        double[] obs = new double[21];
        for (int i = 0; i < 20; i++) {
            obs[i] = i % 2 == 0 ? 100 : -100;
        }
        obs[20] = 1000;
        double mean = Arrays.stream(obs).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(obs).map(x -> (x - mean) * (x - mean)).sum() / 21);
        StressTrigger c = q.update(101, 0.81, 1000, 0.015);
        assertThat(c.ofiZ()).isCloseTo((1000 - mean) / sd, within(1e-9));
        assertThat(c.ofiZ()).isGreaterThan(2);
        assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(c.action()).isEqualTo("REDUCE_ALL_POSITIONS");
        assertThat(c.linkedPath()).isEqualTo(12);
        assertThat(c.vpin()).isEqualTo(0.81);
        assertThat(q.history()).containsExactly(c);

        MicrostructureStressPath s = calm();
        StressTrigger neg = s.update(102, 0.5, -1000, 0.015); // a large sell imbalance counts too (|z|)
        assertThat(neg.severity()).isEqualTo(Severity.WARNING);
        assertThat(neg.ofiTriggered()).isTrue();
        MicrostructureStressPath v = calm();
        assertThat(v.update(103, 0.8, 0, 0.015)).isNull(); // 0.8 is not > 0.8
        assertThat(v.update(104, Double.NaN, 0, 0.015)).isNull(); // no VPIN yet
    }

    @Test
    void path12NeedsCriticalStressDepthCollapseAndSpreadWidening() {
        MicrostructureStressPath p18 = calm();
        LiquidityCascadePath p12 = new LiquidityCascadePath();
        for (int i = 0; i < 20; i++) {
            assertThat(p12.update(i, null, 0, 2, 1000 + i)).isNull(); // depths 1000..1019, median 1009.5
        }
        // critical stress, wide spread (0.10 vs 0.01/0.02), depth 400 < 0.5 * 1009.5
        StressTrigger s = p18.update(50, 0.9, 1000, 0.10);
        assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(p18.lastSpreadTriggered()).isTrue();
        CascadeTrigger c = p12.update(50, s, p18.lastSpreadZ(), 2, 400);
        assertThat(c).isNotNull();
        assertThat(c.depthMedian()).isEqualTo(1009.5);
        assertThat(c.action()).isEqualTo("EXIT_ILLIQUID_POSITIONS");

        // same stress, depth not collapsed (600 > 0.5 * median)
        MicrostructureStressPath q18 = calm();
        LiquidityCascadePath q12 = new LiquidityCascadePath();
        for (int i = 0; i < 20; i++) {
            q12.update(i, null, 0, 2, 1000);
        }
        StressTrigger s2 = q18.update(50, 0.9, 1000, 0.10);
        assertThat(q12.update(50, s2, q18.lastSpreadZ(), 2, 600)).isNull();
        // collapse but spread not widened
        assertThat(q12.update(51, s2, 1.0, 2, 100)).isNull();
        // collapse and widening but stress only WARNING
        StressTrigger warn = new StressTrigger(52, Severity.WARNING, 0.9, 0, 0, 0, 3, true, false, true, "", "", 0);
        assertThat(q12.update(52, warn, 3, 2, 100)).isNull();
    }
}
