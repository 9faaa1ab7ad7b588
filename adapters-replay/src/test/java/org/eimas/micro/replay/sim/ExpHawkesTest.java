package org.eimas.micro.replay.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpHawkesTest {

    /** Stationary mean rates Lambda = (I - N)^-1 mu, solved here by Gaussian elimination. */
    static double[] stationary(double[][] n, double[] mu) {
        int k = mu.length;
        double[][] a = new double[k][k + 1];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = (i == j ? 1 : 0) - n[i][j];
            }
            a[i][k] = mu[i];
        }
        for (int c = 0; c < k; c++) {
            for (int r = c + 1; r < k; r++) {
                double f = a[r][c] / a[c][c];
                for (int j = c; j <= k; j++) {
                    a[r][j] -= f * a[c][j];
                }
            }
        }
        double[] x = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = a[i][k];
            for (int j = i + 1; j < k; j++) {
                s -= a[i][j] * x[j];
            }
            x[i] = s / a[i][i];
        }
        return x;
    }

    @Test
    void longRunRatesMatchTheClosedForm() {
        double[][] n = SymbolSimulator.BRANCHING;
        double[] mu = SymbolSimulator.MU;
        ExpHawkes h = new ExpHawkes(n, SymbolSimulator.BETA);
        SplittableRandom rng = new SplittableRandom(42);
        double[] ones = {1, 1, 1, 1, 1, 1};
        double horizon = 40_000;
        long[] counts = new long[6];
        while (true) {
            int type = h.next(rng, mu, ones, new double[0], horizon);
            if (type < 0) {
                break;
            }
            counts[type]++;
            h.excite(type);
        }
        double[] expected = stationary(n, mu);
        for (int i = 0; i < 6; i++) {
            double rate = counts[i] / horizon;
            // a few standard errors of a clustered count: within 4 %
            assertThat(rate).as("rate of type %d", i).isCloseTo(expected[i], within(0.04 * expected[i]));
        }
    }

    @Test
    void poissonWhenThereIsNoExcitation() {
        ExpHawkes h = new ExpHawkes(new double[][] {{0}}, 1.0);
        SplittableRandom rng = new SplittableRandom(1);
        long count = 0;
        while (h.next(rng, new double[] {3.0}, new double[] {1.0}, new double[0], 100_000) >= 0) {
            count++;
        }
        // Poisson(300000): sd = 548
        assertThat((double) count).isCloseTo(300_000, within(2_200.0));
    }

    @Test
    void exponentialDecayOfTheExcitation() {
        ExpHawkes h = new ExpHawkes(new double[][] {{0.5, 0.0}, {0.2, 0.3}}, 2.0);
        h.excite(0);
        assertThat(h.excitation(0)).isEqualTo(1.0); // n * beta
        assertThat(h.excitation(1)).isCloseTo(0.4, within(1e-15));
        h.decayTo(0.5);
        assertThat(h.excitation(0)).isCloseTo(Math.exp(-1.0), within(1e-15));
        assertThat(h.excitation(1)).isCloseTo(0.4 * Math.exp(-1.0), within(1e-15));
    }

    @Test
    void spectralRadiusOfAKnownMatrix() {
        // eigenvalues of [[0.2, 0.3], [0.4, 0.1]] are 0.5 and -0.2
        assertThat(ExpHawkes.spectralRadius(new double[][] {{0.2, 0.3}, {0.4, 0.1}})).isCloseTo(0.5, within(1e-12));
        assertThatThrownBy(() -> new ExpHawkes(new double[][] {{0.6, 0.5}, {0.5, 0.6}}, 1.0))
                .hasMessageContaining("spectral radius 1.1");
    }
}
