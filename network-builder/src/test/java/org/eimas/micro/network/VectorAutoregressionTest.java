package org.eimas.micro.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class VectorAutoregressionTest {

    /**
     * AR(1) by hand: y = [1,2,0,3,1], p = 1, so y_t = [2,0,3,1] on y_{t-1} = [1,2,0,3].
     * Means 1.5 and 1.5, Sxx = 5, Sxy = -4, Syy = 5: slope -0.8, intercept 1.5 + 0.8 * 1.5 = 2.7,
     * RSS = 5 - 16/5 = 1.8. statsmodels divides by nobs - k p - 1 = 4 - 1 - 1 = 2: sigma_u = 0.9
     * (the MLE would be 1.8 / 4 = 0.45).
     */
    @Test
    void sigmaUUsesTheDegreesOfFreedomCorrection() {
        VarFit fit = VectorAutoregression.fit(List.of("y"), new double[][] {{1, 2, 0, 3, 1}}, 1);
        assertThat(fit.nobs()).isEqualTo(4);
        assertThat(fit.intercept()[0]).isCloseTo(2.7, within(1e-13));
        assertThat(fit.coefs()[0][0][0]).isCloseTo(-0.8, within(1e-13));
        assertThat(fit.sigmaU()[0][0]).isCloseTo(0.9, within(1e-13));
        // IRF of an AR(1): phi^h
        double[][][] irf = fit.irf(4);
        for (int h = 0; h <= 4; h++) {
            assertThat(irf[h][0][0]).isCloseTo(Math.pow(-0.8, h), within(1e-13));
        }
        assertThat(fit.orthIrf(1)[1][0][0]).isCloseTo(-0.8 * Math.sqrt(0.9), within(1e-13));
    }

    /** A bivariate VAR(2): every coefficient and sigma_u against equation-by-equation normal equations. */
    @Test
    void coefficientsAndSigmaUMatchNormalEquations() {
        double[][] s = simulate(new double[][][] {{{0.5, 0.1}, {0.2, 0.3}}, {{-0.2, 0.0}, {0.1, 0.1}}},
                new double[] {0.3, -0.1}, 400, 11);
        int p = 2;
        VarFit fit = VectorAutoregression.fit(List.of("a", "b"), s, p);
        int n = s[0].length;
        int nobs = n - p;
        double[][] design = new double[nobs][5];
        for (int t = p; t < n; t++) {
            design[t - p] = new double[] {1, s[0][t - 1], s[1][t - 1], s[0][t - 2], s[1][t - 2]};
        }
        RealMatrix z = new Array2DRowRealMatrix(design);
        RealMatrix ztz = z.transpose().multiply(z);
        double[][] resid = new double[2][nobs];
        for (int i = 0; i < 2; i++) {
            double[] y = new double[nobs];
            System.arraycopy(s[i], p, y, 0, nobs);
            double[] b = new LUDecomposition(ztz).getSolver().solve(z.transpose().operate(new ArrayRealVector(y)))
                    .toArray();
            assertThat(fit.intercept()[i]).isCloseTo(b[0], within(1e-10));
            assertThat(fit.coefs()[0][i][0]).isCloseTo(b[1], within(1e-10));
            assertThat(fit.coefs()[0][i][1]).isCloseTo(b[2], within(1e-10));
            assertThat(fit.coefs()[1][i][0]).isCloseTo(b[3], within(1e-10));
            assertThat(fit.coefs()[1][i][1]).isCloseTo(b[4], within(1e-10));
            double[] fitted = z.operate(b);
            for (int t = 0; t < nobs; t++) {
                resid[i][t] = y[t] - fitted[t];
            }
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double c = 0;
                for (int t = 0; t < nobs; t++) {
                    c += resid[i][t] * resid[j][t];
                }
                assertThat(fit.sigmaU()[i][j]).isCloseTo(c / (nobs - 2 * 2 - 1), within(1e-12));
            }
        }
        // the estimates are near the truth
        assertThat(fit.coefs()[0][0][0]).isCloseTo(0.5, within(0.15));
        assertThat(fit.coefs()[1][0][0]).isCloseTo(-0.2, within(0.15));
    }

    /** VAR(1): Phi_h = A^h of the fitted A; Theta_h = A^h P with P P' = sigma_u, P lower triangular. */
    @Test
    void irfOfAVar1IsThePowerOfItsCoefficientMatrix() {
        double[][] s = simulate(new double[][][] {{{0.6, 0.2, 0.0}, {-0.1, 0.4, 0.3}, {0.0, 0.1, 0.7}}},
                new double[] {0, 1, 2}, 600, 5);
        VarFit fit = VectorAutoregression.fit(List.of("x", "y", "z"), s, 1);
        double[][] a = fit.coefs()[0];
        double[][][] irf = fit.irf(8);
        double[][][] orth = fit.orthIrf(8);
        double[][] p = fit.choleskyFactor();
        double[][] ppt = VarFit.multiply(p, VarFit.transpose(p));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(ppt[i][j]).isCloseTo(fit.sigmaU()[i][j], within(1e-13));
                if (j > i) {
                    assertThat(p[i][j]).isZero();
                }
            }
        }
        double[][] power = identity(3);
        for (int h = 0; h <= 8; h++) {
            double[][] theta = VarFit.multiply(power, p);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertThat(irf[h][i][j]).isCloseTo(power[i][j], within(1e-13));
                    assertThat(orth[h][i][j]).isCloseTo(theta[i][j], within(1e-13));
                }
            }
            power = VarFit.multiply(power, a);
        }
        assertThat(fit.isStable()).isTrue();
    }

    /** VAR(2): the MA coefficients are the top-left block of the companion matrix's powers. */
    @Test
    void irfOfAVar2IsTheCompanionPowerBlock() {
        double[][] s = simulate(new double[][][] {{{0.5, 0.1}, {0.2, 0.3}}, {{-0.2, 0.0}, {0.1, 0.1}}},
                new double[] {0, 0}, 300, 2);
        VarFit fit = VectorAutoregression.fit(List.of("a", "b"), s, 2);
        double[][][] c = fit.coefs();
        double[][] comp = new double[4][4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                comp[i][j] = c[0][i][j];
                comp[i][2 + j] = c[1][i][j];
            }
        }
        comp[2][0] = 1;
        comp[3][1] = 1;
        double[][] power = identity(4);
        double[][][] irf = fit.irf(10);
        for (int h = 0; h <= 10; h++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(irf[h][i][j]).isCloseTo(power[i][j], within(1e-13));
                }
            }
            power = VarFit.multiply(power, comp);
        }
    }

    /**
     * FEVD: step 1 is P_ij^2 / sigma_ii; every row sums to one; step h sums squared orthogonalised
     * responses over s &lt; h and divides by the diagonal of sum Phi_s sigma_u Phi_s'.
     */
    @Test
    void fevdIsTheShareOfForecastErrorVariance() {
        double[][] s = simulate(new double[][][] {{{0.6, 0.2, 0.0}, {-0.1, 0.4, 0.3}, {0.0, 0.1, 0.7}}},
                new double[] {0, 0, 0}, 500, 9);
        VarFit fit = VectorAutoregression.fit(List.of("x", "y", "z"), s, 1);
        double[][][] fevd = fit.fevd(6);
        assertThat(fevd).hasNumberOfRows(6);
        double[][] p = fit.choleskyFactor();
        double[][] sig = fit.sigmaU();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(fevd[0][i][j]).isCloseTo(p[i][j] * p[i][j] / sig[i][i], within(1e-13));
            }
            assertThat(fevd[0][0][1]).isZero();
        }
        double[][][] phi = fit.irf(5);
        double[][][] theta = fit.orthIrf(5);
        for (int h = 0; h < 6; h++) {
            for (int i = 0; i < 3; i++) {
                double mse = 0;
                for (int q = 0; q <= h; q++) {
                    double[][] v = VarFit.multiply(VarFit.multiply(phi[q], sig), VarFit.transpose(phi[q]));
                    mse += v[i][i];
                }
                double rowSum = 0;
                for (int j = 0; j < 3; j++) {
                    double num = 0;
                    for (int q = 0; q <= h; q++) {
                        num += theta[q][i][j] * theta[q][i][j];
                    }
                    assertThat(fevd[h][i][j]).isCloseTo(num / mse, within(1e-12));
                    rowSum += fevd[h][i][j];
                }
                assertThat(rowSum).isCloseTo(1.0, within(1e-12));
            }
        }
    }

    @Test
    void stabilityUsesTheCompanionEigenvalues() {
        // diagonal A: eigenvalues 1.2 and 0.5
        double[] m = VectorAutoregression.companionModuli(new double[][][] {{{1.2, 0}, {0, 0.5}}});
        assertThat(m[0]).isCloseTo(1.2, within(1e-12));
        assertThat(m[1]).isCloseTo(0.5, within(1e-12));
        // rotation by 30 degrees scaled by 0.9: complex pair of modulus 0.9
        double c = 0.9 * Math.cos(Math.PI / 6);
        double s = 0.9 * Math.sin(Math.PI / 6);
        double[] rot = VectorAutoregression.companionModuli(new double[][][] {{{c, -s}, {s, c}}});
        assertThat(rot[0]).isCloseTo(0.9, within(1e-12));
        assertThat(rot[1]).isCloseTo(0.9, within(1e-12));
        // AR(2) y_t = 1.5 y_{t-1} - 0.56 y_{t-2}: roots of z^2 - 1.5 z + 0.56 are 0.8 and 0.7
        double[] ar2 = VectorAutoregression.companionModuli(new double[][][] {{{1.5}}, {{-0.56}}});
        assertThat(ar2[0]).isCloseTo(0.8, within(1e-12));
        assertThat(ar2[1]).isCloseTo(0.7, within(1e-12));
        // a random walk with drift is estimated near the unit root; an explosive AR(1) is unstable
        double[] y = new double[60];
        y[0] = 1;
        Random r = new Random(1);
        for (int t = 1; t < y.length; t++) {
            y[t] = 1.1 * y[t - 1] + r.nextGaussian();
        }
        assertThat(VectorAutoregression.fit(List.of("y"), new double[][] {y}, 1).isStable()).isFalse();
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> VectorAutoregression.fit(List.of("a", "b"),
                new double[][] {{1, 2, 3, 4, 5, 6}, {1, 1, 1, 1, 1, 1}}, 1))
                .hasMessageContaining("L1.b");
        assertThatThrownBy(() -> VectorAutoregression.fit(List.of("a"), new double[][] {{1, 2, 3}}, 1))
                .hasMessageContaining("needs more than");
        assertThatThrownBy(() -> VectorAutoregression.fit(List.of("a"), new double[][] {{1, Double.NaN, 3, 4, 0}}, 1))
                .hasMessageContaining("'a' row 1");
    }

    static double[][] identity(int k) {
        double[][] id = new double[k][k];
        for (int i = 0; i < k; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    /** y_t = nu + sum A_l y_{t-l} + N(0, I) noise, seeded. */
    static double[][] simulate(double[][][] a, double[] nu, int n, long seed) {
        int k = nu.length;
        Random r = new Random(seed);
        double[][] y = new double[k][n];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < k; i++) {
                double v = nu[i] + r.nextGaussian();
                for (int l = 0; l < a.length; l++) {
                    if (t - l - 1 < 0) {
                        continue;
                    }
                    for (int j = 0; j < k; j++) {
                        v += a[l][i][j] * y[j][t - l - 1];
                    }
                }
                y[i][t] = v;
            }
        }
        return y;
    }
}
