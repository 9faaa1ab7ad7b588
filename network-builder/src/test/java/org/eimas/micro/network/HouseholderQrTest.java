package org.eimas.micro.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HouseholderQrTest {

    /** y = 1 + 2 t + 3 t^2 exactly: the fit recovers (1, 2, 3) and RSS 0. */
    @Test
    void recoversAnExactPolynomial() {
        int m = 10;
        double[][] x = new double[3][m];
        double[] y = new double[m];
        for (int t = 0; t < m; t++) {
            x[0][t] = 1;
            x[1][t] = t;
            x[2][t] = (double) t * t;
            y[t] = 1 + 2.0 * t + 3.0 * t * t;
        }
        HouseholderQr qr = new HouseholderQr(x, new String[] {"1", "t", "t2"});
        double[] b = qr.solve(y);
        assertThat(b[0]).isCloseTo(1, within(1e-11));
        assertThat(b[1]).isCloseTo(2, within(1e-11));
        assertThat(b[2]).isCloseTo(3, within(1e-12));
        assertThat(qr.rss(y)).isLessThan(1e-20);
    }

    /**
     * A column at level 1e6 varying by 1e-2: X'X has condition ~1e17 and is singular in doubles, QR is
     * fine. y = 3 + 2 x + e with e orthogonal to [1, x] (alternating +-1 on a symmetric grid), so the
     * exact solution is (3, 2) and the RSS is m.
     */
    @Test
    void handlesColumnsWhereTheNormalEquationsBreak() {
        int m = 8;
        double[][] x = new double[2][m];
        double[] y = new double[m];
        double[] e = {1, -1, -1, 1, 1, -1, -1, 1}; // sums to 0 and is orthogonal to t - 3.5 on t = 0..7
        for (int t = 0; t < m; t++) {
            x[0][t] = 1;
            x[1][t] = 1e6 + 1e-2 * (t - 3.5);
            y[t] = 3 + 2 * x[1][t] + e[t];
        }
        double dot = 0;
        for (int t = 0; t < m; t++) {
            dot += e[t] * (t - 3.5);
        }
        assertThat(dot).isZero();
        HouseholderQr qr = new HouseholderQr(x, null);
        double[] b = qr.solve(y);
        assertThat(b[1]).isCloseTo(2, within(1e-5));
        assertThat(b[0] + b[1] * 1e6).isCloseTo(3 + 2e6, within(1e-5));
        assertThat(qr.rss(y)).isCloseTo(m, within(1e-4));
    }

    @Test
    void aCollinearColumnIsNamed() {
        double[][] x = {{1, 1, 1, 1}, {1, 2, 3, 4}, {2, 4, 6, 8}};
        assertThatThrownBy(() -> new HouseholderQr(x, new String[] {"const", "a", "twice_a"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'twice_a'");
        assertThatThrownBy(() -> new HouseholderQr(new double[][] {{1, 2}, {1, 2}, {3, 4}}, null))
                .hasMessageContaining("2 rows for 3 columns");
    }
}
