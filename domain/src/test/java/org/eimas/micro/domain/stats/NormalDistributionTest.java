package org.eimas.micro.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalDistributionTest {
    /** Phi by composite Simpson integration of the density from 0 (an independent method). */
    private static double simpsonCdf(double x) {
        int n = 20000;
        double h = x / n;
        double s = NormalDistribution.pdf(0) + NormalDistribution.pdf(x);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * NormalDistribution.pdf(i * h);
        }
        return 0.5 + s * h / 3;
    }

    @Test
    void cdfMatchesNumericalIntegration() {
        for (double x = -6; x <= 6; x += 0.37) {
            assertThat(NormalDistribution.cdf(x)).as("Phi(%s)", x).isCloseTo(simpsonCdf(x), within(1e-14));
        }
        assertThat(NormalDistribution.cdf(0)).isEqualTo(0.5);
    }

    @Test
    void tailsHaveRelativePrecision() {
        // Mills-ratio asymptotic series: Phi(-x) = phi(x)/x * (1 - 1/x^2 + 3/x^4 - 15/x^6 + 105/x^8 - ...)
        for (double x : new double[] {15, 20, 30}) {
            double s = 1 - 1 / (x * x) + 3 / Math.pow(x, 4) - 15 / Math.pow(x, 6) + 105 / Math.pow(x, 8)
                    - 945 / Math.pow(x, 10) + 10395 / Math.pow(x, 12);
            double expected = NormalDistribution.pdf(x) / x * s;
            assertThat(NormalDistribution.cdf(-x) / expected).as("x=%s", x).isCloseTo(1.0, within(1e-11));
        }
    }

    @Test
    void inverseIsTheInverse() {
        for (double p : new double[] {1e-300, 1e-12, 0.001, 0.02425, 0.1, 0.5, 0.77, 0.975, 0.999999}) {
            double x = NormalDistribution.inverseCdf(p);
            assertThat(NormalDistribution.cdf(x)).as("p=%s", p).isCloseTo(p, within(p * 1e-12 + 1e-16));
        }
        assertThat(NormalDistribution.inverseCdf(0.975)).isCloseTo(1.959963984540054, within(1e-14));
    }
}
