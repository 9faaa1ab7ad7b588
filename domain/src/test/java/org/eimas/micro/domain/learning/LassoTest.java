package org.eimas.micro.domain.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LassoTest {

    /** n rows, p correlated features (column-major) and y = X·beta + noise. */
    static double[][] design(Random rnd, int n, int p) {
        double[][] x = new double[p][n];
        for (int i = 0; i < n; i++) {
            double common = rnd.nextGaussian();
            for (int j = 0; j < p; j++) {
                x[j][i] = 0.5 * common + rnd.nextGaussian() * (1 + j * 0.3) + j;
            }
        }
        return x;
    }

    static double[] target(Random rnd, double[][] x, double[] beta, double noise) {
        int n = x[0].length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 3.0;
            for (int j = 0; j < beta.length; j++) {
                s += beta[j] * x[j][i];
            }
            y[i] = s + noise * rnd.nextGaussian();
        }
        return y;
    }

    static double softThreshold(double z, double t) {
        return Math.signum(z) * Math.max(Math.abs(z) - t, 0);
    }

    @Test
    void oneFeatureMatchesTheSoftThresholdClosedForm() {
        Random rnd = new Random(7);
        int n = 300;
        double[][] x = new double[1][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = 2 + 3 * rnd.nextGaussian();
            y[i] = 1 + 0.7 * x[0][i] + rnd.nextGaussian();
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[0][i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[0][i] - mx) * (y[i] - my);
            sxx += (x[0][i] - mx) * (x[0][i] - mx);
        }
        for (double alpha : new double[] {0.0, 0.1, 1.0, 3.0, 6.0, 100.0}) {
            double expected = softThreshold(sxy / n, alpha) / (sxx / n);
            LassoFit fit = Lasso.problem(x, y, 0, n).solve(alpha, null, 1e-12, 10_000);
            // alpha = 0 is ordinary least squares: as in scikit-learn the duality gap does not certify it
            assertThat(fit.converged()).as("alpha %s", alpha).isEqualTo(alpha > 0);
            assertThat(fit.coefficient(0)).isCloseTo(expected, within(1e-12));
            assertThat(fit.intercept()).isCloseTo(my - expected * mx, within(1e-10));
        }
    }

    @Test
    void solutionSatisfiesTheKktConditions() {
        Random rnd = new Random(11);
        int n = 400;
        int p = 8;
        double[][] x = design(rnd, n, p);
        double[] y = target(rnd, x, new double[] {1.5, 0, -2, 0, 0, 0.3, 0, 0.05}, 1.0);
        Lasso problem = Lasso.problem(x, y, 0, n);
        for (double alpha : new double[] {0.01, 0.05, 0.2, 0.8}) {
            LassoFit fit = problem.solve(alpha, null, 1e-14, 100_000);
            double[] w = fit.coefficients();
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                double pred = fit.intercept();
                for (int j = 0; j < p; j++) {
                    pred += w[j] * x[j][i];
                }
                r[i] = y[i] - pred;
            }
            double rSum = 0;
            for (double v : r) {
                rSum += v;
            }
            assertThat(rSum / n).as("intercept makes residuals centred").isCloseTo(0, within(1e-9));
            int zeros = 0;
            for (int j = 0; j < p; j++) {
                double g = 0;
                for (int i = 0; i < n; i++) {
                    g += x[j][i] * r[i];
                }
                g /= n;
                if (w[j] == 0) {
                    zeros++;
                    assertThat(Math.abs(g)).as("alpha %s feature %s", alpha, j).isLessThanOrEqualTo(alpha + 1e-6);
                } else {
                    assertThat(g).as("alpha %s feature %s", alpha, j).isCloseTo(alpha * Math.signum(w[j]), within(1e-6));
                }
            }
            if (alpha >= 0.2) {
                assertThat(zeros).as("a large penalty zeroes some features").isPositive();
            }
        }
    }

    @Test
    void agreesWithANaiveProximalGradientRun() {
        Random rnd = new Random(3);
        int n = 150;
        int p = 5;
        double[][] x = design(rnd, n, p);
        double[] y = target(rnd, x, new double[] {0.8, -0.4, 0, 0.2, 0}, 0.7);
        double alpha = 0.07;
        double[] ista = ista(x, y, alpha);
        LassoFit fit = Lasso.problem(x, y, 0, n).solve(alpha, null, 1e-12, 100_000);
        for (int j = 0; j < p; j++) {
            assertThat(fit.coefficient(j)).as("coef %s", j).isCloseTo(ista[j], within(1e-7));
        }
    }

    /** Plain ISTA on the centred problem with step 1/trace(XᵀX/n), run until the iterates stop moving. */
    static double[] ista(double[][] x, double[] y, double alpha) {
        int p = x.length;
        int n = y.length;
        double[][] xc = new double[p][n];
        double[] yc = new double[n];
        double my = 0;
        for (double v : y) {
            my += v;
        }
        my /= n;
        for (int i = 0; i < n; i++) {
            yc[i] = y[i] - my;
        }
        double trace = 0;
        for (int j = 0; j < p; j++) {
            double m = 0;
            for (double v : x[j]) {
                m += v;
            }
            m /= n;
            for (int i = 0; i < n; i++) {
                xc[j][i] = x[j][i] - m;
                trace += xc[j][i] * xc[j][i] / n;
            }
        }
        double step = 1.0 / trace;
        double[] w = new double[p];
        double[] r = new double[n];
        for (int it = 0; it < 2_000_000; it++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < p; j++) {
                    s += xc[j][i] * w[j];
                }
                r[i] = yc[i] - s;
            }
            double moved = 0;
            for (int j = 0; j < p; j++) {
                double g = 0;
                for (int i = 0; i < n; i++) {
                    g -= xc[j][i] * r[i];
                }
                g /= n;
                double nw = softThreshold(w[j] - step * g, step * alpha);
                moved = Math.max(moved, Math.abs(nw - w[j]));
                w[j] = nw;
            }
            if (moved < 1e-14) {
                break;
            }
        }
        return w;
    }

    @Test
    void dualityGapIsPrimalMinusDualComputedFromTheData() {
        Random rnd = new Random(5);
        int n = 120;
        int p = 4;
        double[][] x = design(rnd, n, p);
        double[] y = target(rnd, x, new double[] {1, 0, -1, 0.5}, 2.0);
        double alpha = 0.3;
        // stop after one sweep so the gap is far from zero
        LassoFit fit = Lasso.problem(x, y, 0, n).solve(alpha, null, 1e-30, 1);
        double[] w = fit.coefficients();
        double[] yc = new double[n];
        double[] r = new double[n];
        double my = 0;
        for (double v : y) {
            my += v;
        }
        my /= n;
        double[] mx = new double[p];
        for (int j = 0; j < p; j++) {
            for (double v : x[j]) {
                mx[j] += v / n;
            }
        }
        for (int i = 0; i < n; i++) {
            yc[i] = y[i] - my;
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += (x[j][i] - mx[j]) * w[j];
            }
            r[i] = yc[i] - s;
        }
        double l1 = 0;
        for (double v : w) {
            l1 += Math.abs(v);
        }
        double rr = 0;
        double ry = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            rr += r[i] * r[i];
            ry += r[i] * yc[i];
            yy += yc[i] * yc[i];
        }
        double dual = 0;
        for (int j = 0; j < p; j++) {
            double g = 0;
            for (int i = 0; i < n; i++) {
                g += (x[j][i] - mx[j]) * r[i];
            }
            dual = Math.max(dual, Math.abs(g));
        }
        double c = Math.min(1.0, alpha * n / dual);
        double primal = 0.5 * rr + alpha * n * l1;
        double dualObjective = c * ry - 0.5 * c * c * rr;
        assertThat(fit.dualGap()).isCloseTo(primal - dualObjective, within(1e-8 * yy));
        assertThat(fit.dualGap()).isPositive();
        assertThat(fit.gapTolerance()).isCloseTo(1e-30 * yy, within(1e-40));
        assertThat(fit.converged()).isFalse();
    }

    @Test
    void alphaMaxIsTheSmallestPenaltyWithAllZeroCoefficients() {
        Random rnd = new Random(9);
        double[][] x = design(rnd, 200, 6);
        double[] y = target(rnd, x, new double[] {1, 0, 0, 0, 0, 0.5}, 1);
        Lasso problem = Lasso.problem(x, y, 0, 200);
        double aMax = problem.alphaMax();
        assertThat(problem.solve(aMax, null, 1e-10, 1000).nonZero()).isZero();
        assertThat(problem.solve(aMax * 0.999, null, 1e-10, 1000).nonZero()).isEqualTo(1);
    }

    @Test
    void warmStartedPathEqualsColdFits() {
        Random rnd = new Random(21);
        double[][] x = design(rnd, 300, 7);
        double[] y = target(rnd, x, new double[] {1, -1, 0, 0, 0.5, 0, 0}, 1);
        Lasso problem = Lasso.problem(x, y, 0, 300);
        double[] alphas = LassoCv.alphaGrid(problem.alphaMax(), 20, 1e-3);
        LassoFit[] path = problem.path(alphas, 1e-12, 100_000);
        for (int k = 0; k < alphas.length; k++) {
            LassoFit cold = problem.solve(alphas[k], null, 1e-12, 100_000);
            for (int j = 0; j < 7; j++) {
                assertThat(path[k].coefficient(j)).isCloseTo(cold.coefficient(j), within(1e-6));
            }
        }
    }

    @Test
    void constantColumnKeepsCoefficientZero() {
        Random rnd = new Random(2);
        int n = 50;
        double[][] x = new double[2][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = rnd.nextGaussian();
            x[1][i] = 4.25;
            y[i] = 2 * x[0][i] + 0.1 * rnd.nextGaussian();
        }
        StandardScaler scaler = StandardScaler.fit(x, 0, n);
        assertThat(scaler.scale(1)).isEqualTo(1.0);
        double[][] z = scaler.transform(x, 0, n);
        LassoFit fit = Lasso.problem(z, y, 0, n).solve(0.01, null, 1e-10, 1000);
        assertThat(fit.coefficient(1)).isZero();
        assertThat(fit.coefficient(0)).isGreaterThan(1.5);
    }

    @Test
    void rejectsBadArguments() {
        double[][] x = {{1, 2, 3}};
        double[] y = {1, 2, 4};
        Lasso problem = Lasso.problem(x, y, 0, 3);
        assertThatThrownBy(() -> problem.solve(-1, null, 1e-4, 10)).hasMessageContaining("alpha must be");
        assertThatThrownBy(() -> problem.solve(Double.NaN, null, 1e-4, 10)).hasMessageContaining("alpha must be");
        assertThatThrownBy(() -> Lasso.problem(x, y, 0, 0)).hasMessageContaining("at least 1 row");
    }
}
