package org.eimas.micro.domain.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class SigningTest {

    @Test
    void tickRuleHandWorked() {
        TickRule t = new TickRule();
        double[] px = {10.00, 10.00, 10.01, 10.01, 10.00, 10.00, 10.02};
        int[] expected = {+1, +1, +1, +1, -1, -1, +1};
        for (int i = 0; i < px.length; i++) {
            assertThat(t.sign(px[i])).as("trade %d", i).isEqualTo(expected[i]);
        }
        TickRule down = new TickRule();
        assertThat(down.sign(5)).isEqualTo(1); // first trade is +1
        assertThat(down.sign(4.99)).isEqualTo(-1);
        assertThat(down.sign(4.99)).isEqualTo(-1); // zero tick keeps the previous sign
        assertThat(down.sign(0.1 + 0.2)).isEqualTo(-1);
        assertThat(down.sign(0.3)).isEqualTo(-1); // 0.3 vs 0.1 + 0.2: the same price, a zero tick
    }

    @Test
    void quoteRuleAndMidpointFallback() {
        assertThat(QuoteRule.sign(10.02, 10.00, 10.03, -1)).isEqualTo(1);
        assertThat(QuoteRule.sign(10.01, 10.00, 10.03, 1)).isEqualTo(-1);
        assertThat(QuoteRule.sign(10.015, 10.00, 10.03, -1)).isEqualTo(-1); // at the mid: tick sign
        assertThat(QuoteRule.sign(10.015, 10.00, 10.03, 1)).isEqualTo(1);
        // locked quote: a trade at the locked price is at the mid
        assertThat(QuoteRule.sign(10.00, 10.00, 10.00, -1)).isEqualTo(-1);
        // half-cent midpoint fill (LOBSTER 2237950): exactly at the mid of 223.79 / 223.80
        assertThat(QuoteRule.sign(2237950 / 10000.0, 223.79, 223.80, 1)).isEqualTo(1);
        assertThat(QuoteRule.sign(2237950 / 10000.0, 223.79, 223.80, -1)).isEqualTo(-1);
        assertThatThrownBy(() -> QuoteRule.sign(1, Double.NaN, 2, 1)).hasMessageContaining("needs a bid and an ask");
    }

    @Test
    void leeReadyUsesQuotesThenTickRule() {
        LeeReady lr = new LeeReady();
        assertThat(lr.sign(10.00)).isEqualTo(1);   // no quote: tick rule, first trade
        assertThat(lr.sign(9.99)).isEqualTo(-1);   // no quote: down-tick
        lr.onQuote(9.98, 10.00);                   // mid 9.99
        assertThat(lr.sign(9.99)).isEqualTo(-1);   // at mid: tick rule (zero tick after -1)
        assertThat(lr.sign(9.995)).isEqualTo(1);   // above mid
        assertThat(lr.sign(10.00)).isEqualTo(1);
        assertThat(lr.sign(9.985)).isEqualTo(-1);  // below mid
        assertThat(lr.sign(9.99)).isEqualTo(1);    // at mid, up-tick from 9.985
    }

    /** Independent reference: Lee-Ready with BigDecimal prices, quotes looked up by a linear scan. */
    @Test
    void leeReadyMatchesSlowReference() {
        Random r = new Random(3);
        List<long[]> quotes = new ArrayList<>(); // ts, bid cents, ask cents
        long t = 0;
        int mid = 1000;
        for (int i = 0; i < 500; i++) {
            t += r.nextInt(100);
            mid += r.nextInt(3) - 1;
            quotes.add(new long[] {t, mid - 1 - r.nextInt(2), mid + r.nextInt(2)});
        }
        LeeReady lr = new LeeReady();
        int qi = 0;
        long tt = 0;
        BigDecimal prev = null;
        int prevSign = 0;
        for (int i = 0; i < 3000; i++) {
            tt += r.nextInt(20);
            long halfCents = 2L * (mid - 5 + r.nextInt(10)) + r.nextInt(2); // half-cent prices too
            double px = halfCents / 200.0;
            while (qi < quotes.size() && quotes.get(qi)[0] <= tt) {
                lr.onQuote(quotes.get(qi)[1] / 100.0, quotes.get(qi)[2] / 100.0);
                qi++;
            }
            int got = lr.sign(px);
            // reference
            BigDecimal p = BigDecimal.valueOf(halfCents, 2).divide(BigDecimal.valueOf(2));
            int tick = prev == null ? 1 : p.compareTo(prev) > 0 ? 1 : p.compareTo(prev) < 0 ? -1 : prevSign;
            prev = p;
            prevSign = tick;
            long[] q = null;
            for (long[] cand : quotes) {
                if (cand[0] <= tt) {
                    q = cand;
                }
            }
            int expected = tick;
            if (q != null) {
                BigDecimal m = BigDecimal.valueOf(q[1] + q[2], 2).divide(BigDecimal.valueOf(2));
                int c = p.compareTo(m);
                expected = c > 0 ? 1 : c < 0 ? -1 : tick;
            }
            assertThat(got).as("trade %d", i).isEqualTo(expected);
        }
    }

    @Test
    void standardNormalCdfToDoublePrecision() {
        // reference values: scipy.special.ndtr (scipy 1.17)
        double[][] ref = {
            {-20, 2.7536241186061556e-89}, {-8, 6.22096057427174e-16}, {-5, 2.866515718791933e-07},
            {-3.0000001, 0.0013498975884453205}, {-3, 0.0013498980316300933}, {-2.9999999, 0.0013498984748150013},
            {-1.96, 0.024997895148220435}, {-1, 0.15865525393145707}, {-0.5, 0.3085375387259869},
            {-0.001, 0.49960105778608893}, {0, 0.5}, {0.001, 0.500398942213911}, {0.5, 0.6914624612740131},
            {1, 0.8413447460685429}, {1.6448536269514722, 0.95}, {2.5, 0.9937903346742238},
            {2.9999999, 0.998650101525185}, {3, 0.9986501019683699}, {4, 0.9999683287581669},
            {6, 0.9999999990134123}, {9, 1.0},
        };
        for (double[] r : ref) {
            assertThat(StandardNormal.cdf(r[0])).as("Phi(%s)", r[0]).isCloseTo(r[1], within(Math.max(4e-16, Math.abs(r[1]) * 1e-14)));
        }
        NormalDistribution n = new NormalDistribution(0, 1);
        for (double x = -7; x <= 7; x += 0.01) {
            assertThat(StandardNormal.cdf(x)).as("Phi(%s)", x).isCloseTo(n.cumulativeProbability(x), within(2e-15));
        }
        assertThat(StandardNormal.cdf(Double.NaN)).isNaN();
        assertThat(StandardNormal.cdf(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(StandardNormal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    }

    @Test
    void bulkVolumeClassificationHandWorked() {
        long min = 60_000_000_000L;
        BulkVolumeClassifier bvc = new BulkVolumeClassifier(min);
        // bar 0: last 10.00, volume 100; bar 1: last 10.02 (300); bar 3 (bar 2 empty): last 10.01 (200); bar 4: 10.01 (50)
        bvc.add(5, 9.99, 40);
        bvc.add(10, 10.00, 60);
        bvc.add(min + 1, 10.02, 300);
        bvc.add(3 * min, 10.05, 100);
        bvc.add(3 * min + 7, 10.01, 100);
        bvc.add(4 * min + 2, 10.01, 0);
        bvc.add(4 * min + 3, 10.01, 50);
        bvc.classify();
        assertThat(bvc.bars()).isEqualTo(4);
        assertThat(bvc.barEndTs(2)).isEqualTo(3 * min + 7);
        assertThat(bvc.barVolume(2)).isEqualTo(200);
        double[] dp = {10.02 - 10.00, 10.01 - 10.02, 10.01 - 10.01};
        double mean = (dp[0] + dp[1] + dp[2]) / 3;
        double sigma = Math.sqrt((sq(dp[0] - mean) + sq(dp[1] - mean) + sq(dp[2] - mean)) / 2);
        assertThat(bvc.sigma()).isCloseTo(sigma, within(1e-15));
        NormalDistribution n = new NormalDistribution(0, 1);
        assertThat(bvc.buyFraction(0)).isEqualTo(0.5);
        for (int i = 1; i < 4; i++) {
            assertThat(bvc.buyFraction(i)).isCloseTo(n.cumulativeProbability(dp[i - 1] / sigma), within(1e-14));
        }
        assertThat(bvc.buyFraction(3)).isEqualTo(0.5); // dP = 0
    }

    @Test
    void bulkVolumeConstantPricesAndTooFewBars() {
        BulkVolumeClassifier c = new BulkVolumeClassifier(10);
        for (int i = 0; i < 50; i++) {
            c.add(i * 10L, 7.5, 3);
        }
        c.classify();
        assertThat(c.bars()).isEqualTo(50);
        assertThat(c.sigma()).isEqualTo(0.0);
        for (int i = 0; i < 50; i++) {
            assertThat(c.buyFraction(i)).isEqualTo(0.5);
        }
        BulkVolumeClassifier two = new BulkVolumeClassifier(10);
        two.add(0, 1, 1);
        two.add(10, 2, 1); // one dP only
        two.classify();
        assertThat(two.buyFraction(1)).isEqualTo(0.5);
        assertThat(two.sigma()).isNaN();
        BulkVolumeClassifier custom = new BulkVolumeClassifier(10, x -> x > 0 ? 1 : 0);
        custom.add(0, 1, 1);
        custom.add(10, 2, 1);
        custom.add(20, 1, 1);
        custom.classify();
        assertThat(custom.buyFraction(1)).isEqualTo(1.0);
        assertThat(custom.buyFraction(2)).isEqualTo(0.0);
        assertThatThrownBy(() -> custom.add(30, 1, 1)).hasMessageContaining("classify");
    }

    private static double sq(double x) {
        return x * x;
    }
}
