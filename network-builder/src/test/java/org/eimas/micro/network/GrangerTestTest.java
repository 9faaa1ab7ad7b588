package org.eimas.micro.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class GrangerTestTest {

    /**
     * Hand-built example, lag 1, n = 6 (5 observations). Over the sample rows the centered columns
     * y_{t-1} = [2,-1,0,1,-2] and x_{t-1} = [1,0,-2,0,1] are orthogonal to each other and to the
     * constant, so each explains its own projection of y_t = [-1,0,1,-2,2] (mean 0, TSS 10):
     * RSS_r = 10 - (-8)^2/10 = 3.6, RSS_u = 3.6 - (-1)^2/6 = 103/30, df = (1, 5 - 3 = 2),
     * F = (1/6) / ((103/30)/2) = 10/103; for F(1, 2), P(F &gt; f) = 1 - sqrt(f / (f + 2)) = 1 - sqrt(10/216).
     * The coefficient of x_{t-1} is -1/6.
     */
    @Test
    void fStatisticMatchesTheHandWorkedOrthogonalExample() {
        double[] y = {2, -1, 0, 1, -2, 2};
        double[] x = {1, 0, -2, 0, 1, 7};
        GrangerTest.LagResult r = GrangerTest.test("y", y, "x", x, 1).get(0);
        assertThat(r.lag()).isEqualTo(1);
        assertThat(r.dfNum()).isEqualTo(1);
        assertThat(r.dfDenom()).isEqualTo(2);
        assertThat(r.rssRestricted()).isCloseTo(3.6, within(1e-13));
        assertThat(r.rssUnrestricted()).isCloseTo(103.0 / 30.0, within(1e-13));
        assertThat(r.f()).isCloseTo(10.0 / 103.0, within(1e-13));
        assertThat(r.pValue()).isCloseTo(1 - Math.sqrt(10.0 / 216.0), within(1e-12));
        assertThat(r.causeCoefficientSum()).isCloseTo(-1.0 / 6.0, within(1e-13));
    }

    /** F, df and p-value against a naive normal-equations solve and commons-math's F distribution. */
    @Test
    void everyLagMatchesNormalEquationsOnAWellConditionedSeries() {
        Random rnd = new Random(42);
        int n = 300;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = rnd.nextGaussian() + (t > 0 ? 0.3 * x[t - 1] : 0);
            y[t] = rnd.nextGaussian() + (t > 0 ? 0.4 * y[t - 1] : 0) + (t > 1 ? 0.4 * x[t - 2] : 0);
        }
        List<GrangerTest.LagResult> res = GrangerTest.test("y", y, "x", x, 4);
        assertThat(res).hasSize(4);
        for (int p = 1; p <= 4; p++) {
            double rssR = naiveRss(y, x, p, false);
            double rssU = naiveRss(y, x, p, true);
            int df = n - 3 * p - 1;
            double f = ((rssR - rssU) / p) / (rssU / df);
            double pv = 1 - new FDistribution(p, df).cumulativeProbability(f);
            GrangerTest.LagResult r = res.get(p - 1);
            assertThat(r.dfDenom()).isEqualTo(df);
            assertThat(r.rssRestricted()).isCloseTo(rssR, within(1e-9 * rssR));
            assertThat(r.rssUnrestricted()).isCloseTo(rssU, within(1e-9 * rssU));
            assertThat(r.f()).isCloseTo(f, within(1e-8 * f));
            assertThat(r.pValue()).isCloseTo(pv, within(1e-9));
        }
        // x_{t-2} drives y: significant from lag 2 on
        assertThat(res.get(1).pValue()).isLessThan(1e-3);
    }

    @Test
    void fSurvivalMatchesClosedFormsAndTheTDistribution() {
        // d1 = 2: P(F > f) = (1 + 2 f / d2)^(-d2 / 2)
        for (double f : new double[] {0.1, 1.0, 3.7, 25.0}) {
            for (double d2 : new double[] {3, 17, 250}) {
                assertThat(GrangerTest.fSurvival(f, 2, d2)).isCloseTo(Math.pow(1 + 2 * f / d2, -d2 / 2), within(1e-13));
                // d1 = 1: F = T^2, P(F > f) = 2 P(T > sqrt f)
                double t = 2 * (1 - new TDistribution(d2).cumulativeProbability(Math.sqrt(f)));
                assertThat(GrangerTest.fSurvival(f, 1, d2)).isCloseTo(t, within(1e-10));
            }
        }
        // far tail keeps relative precision where 1 - CDF would be 0: d1 = 2 closed form again
        double tiny = GrangerTest.fSurvival(500, 2, 1000);
        double exact = Math.pow(1 + 1.0, -500);
        assertThat(tiny).isCloseTo(exact, within(exact * 1e-8));
        assertThat(GrangerTest.fSurvival(-1e-15, 3, 30)).isEqualTo(1.0);
    }

    /** F is invariant to affine changes of scale; QR keeps it at extreme scales where X'X is singular. */
    @Test
    void scaleOfTheSeriesDoesNotChangeTheTest() {
        Random rnd = new Random(7);
        int n = 500;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int t = 1; t < n; t++) {
            x[t] = rnd.nextGaussian();
            y[t] = 0.2 * y[t - 1] + 0.1 * x[t - 1] + rnd.nextGaussian();
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int t = 0; t < n; t++) {
            xs[t] = 1e6 + 1e-2 * x[t];   // level 1e6, variation 1e-2: cond(X'X) ~ 1e16
            ys[t] = 1e-4 * y[t];
        }
        List<GrangerTest.LagResult> a = GrangerTest.test("y", y, "x", x, 3);
        List<GrangerTest.LagResult> b = GrangerTest.test("y", ys, "x", xs, 3);
        for (int p = 0; p < 3; p++) {
            assertThat(b.get(p).f()).isCloseTo(a.get(p).f(), within(1e-6 * a.get(p).f()));
            assertThat(b.get(p).pValue()).isCloseTo(a.get(p).pValue(), within(1e-7));
        }
        // the weight scales with y/x: 1e-4 / 1e-2
        assertThat(b.get(0).causeCoefficientSum()).isCloseTo(a.get(0).causeCoefficientSum() * 1e-2,
                within(1e-6 * Math.abs(a.get(0).causeCoefficientSum() * 1e-2)));
    }

    @Test
    void matrixHoldsTheSmallestPValueOverLagsWithTheEffectAsRow() {
        Random rnd = new Random(3);
        int n = 400;
        double[][] s = new double[3][n];
        for (int t = 1; t < n; t++) {
            s[0][t] = rnd.nextGaussian();
            s[1][t] = 0.6 * s[0][t - 1] + rnd.nextGaussian();   // a -> b
            s[2][t] = 0.5 * s[2][t - 1] + rnd.nextGaussian();
        }
        List<String> names = List.of("a", "b", "c");
        GrangerMatrix m = GrangerTest.matrix(names, s, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(m.pValue()[i][i]).isNaN();
            for (int j = 0; j < 3; j++) {
                if (i == j) {
                    continue;
                }
                List<GrangerTest.LagResult> res = GrangerTest.test(names.get(i), s[i], names.get(j), s[j], 3);
                GrangerTest.LagResult best = res.stream()
                        .min(java.util.Comparator.comparingDouble(GrangerTest.LagResult::pValue)).orElseThrow();
                assertThat(m.pValue()[i][j]).isCloseTo(best.pValue(), within(1e-15));
                assertThat(m.lag()[i][j]).isEqualTo(best.lag());
                assertThat(m.f()[i][j]).isCloseTo(best.f(), within(1e-9 * best.f()));
                assertThat(m.weight()[i][j]).isCloseTo(best.causeCoefficientSum(), within(1e-12));
            }
        }
        assertThat(m.pValue()[1][0]).isLessThan(1e-20);   // a Granger-causes b
        assertThat(m.pValue()[0][1]).isGreaterThan(0.01); // not the other way
        assertThat(m.weight()[1][0]).isCloseTo(0.6, within(0.1));
        assertThat(m.errors()).isEmpty();
    }

    @Test
    void badInputIsRefusedWithTheSeriesNamed() {
        double[] y = new double[20];
        double[] c = new double[20];
        for (int t = 0; t < 20; t++) {
            y[t] = Math.sin(t * 1.3) + 0.1 * t;
            c[t] = 5.0;
        }
        assertThatThrownBy(() -> GrangerTest.test("ret", y, "vpin", c, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'vpin'");
        assertThatThrownBy(() -> GrangerTest.test("ret", y, "ofi", y.clone(), 7))
                .hasMessageContaining("insufficient observations").hasMessageContaining("maximum allowable lag is 5");
        double[] nan = y.clone();
        nan[4] = Double.NaN;
        assertThatThrownBy(() -> GrangerTest.test("ret", y, "ofi", nan, 1)).hasMessageContaining("'ofi' row 4");
        double[] z = new double[20];
        for (int t = 0; t < 20; t++) {
            z[t] = Math.cos(t * 0.7) * (1 + 0.05 * t);
        }
        GrangerMatrix m = GrangerTest.matrix(List.of("ret", "vpin", "ofi"), new double[][] {y, c, z}, 2);
        // a constant cause: its column of the matrix is NaN, with a reason; a constant effect: its row
        assertThat(m.pValue()[0][1]).isNaN();
        assertThat(m.pValue()[2][1]).isNaN();
        assertThat(m.pValue()[1][0]).isNaN();
        assertThat(m.pValue()[1][2]).isNaN();
        assertThat(m.lag()[1][0]).isZero();
        assertThat(m.pValue()[0][2]).isBetween(0.0, 1.0);
        assertThat(m.pValue()[2][0]).isBetween(0.0, 1.0);
        assertThat(m.errors()).hasSize(4).anyMatch(e -> e.startsWith("vpin -> ret"))
                .anyMatch(e -> e.startsWith("ret -> vpin") && e.contains("'vpin' is constant"));
    }

    /** RSS by solving X'X b = X'y with LU, the textbook way (fine on this well-conditioned example). */
    static double naiveRss(double[] y, double[] x, int p, boolean withX) {
        int n = y.length;
        int m = n - p;
        int cols = 1 + p + (withX ? p : 0);
        double[][] design = new double[m][cols];
        double[] target = new double[m];
        for (int t = p; t < n; t++) {
            int r = t - p;
            target[r] = y[t];
            design[r][0] = 1;
            for (int l = 1; l <= p; l++) {
                design[r][l] = y[t - l];
                if (withX) {
                    design[r][p + l] = x[t - l];
                }
            }
        }
        RealMatrix xm = new Array2DRowRealMatrix(design);
        RealMatrix xtx = xm.transpose().multiply(xm);
        double[] b = new LUDecomposition(xtx).getSolver()
                .solve(xm.transpose().operate(new ArrayRealVector(target))).toArray();
        double rss = 0;
        for (int r = 0; r < m; r++) {
            double e = target[r];
            for (int c = 0; c < cols; c++) {
                e -= design[r][c] * b[c];
            }
            rss += e * e;
        }
        return rss;
    }
}
