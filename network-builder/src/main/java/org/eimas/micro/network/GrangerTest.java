package org.eimas.micro.network;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Beta;

/**
 * Granger causality F test (Granger 1969, "Investigating causal relations by econometric models and
 * cross-spectral methods", Econometrica 37(3)), computed exactly as statsmodels'
 * {@code grangercausalitytests(df[[y, x]], maxlag)} reports {@code ssr_ftest}.
 *
 * <p>For each lag p = 1..maxlag, on rows t = p..n-1 (n - p observations):
 * <ul>
 *   <li>restricted: y_t = c + sum_{l=1..p} a_l y_{t-l} + e_t, residual sum of squares RSS_r;</li>
 *   <li>unrestricted: adds sum_{l=1..p} b_l x_{t-l}, RSS_u, with df_u = (n - p) - (2p + 1);</li>
 *   <li>F = ((RSS_r - RSS_u) / p) / (RSS_u / df_u), p-value = P(F(p, df_u) &gt; F).</li>
 * </ul>
 * Both regressions are solved by Householder QR ({@link HouseholderQr}); the unrestricted design is
 * the restricted one with the cause's lags appended, so its QR continues the restricted QR (the same
 * reflectors, applied once per effect and lag, then p more). The p-value is the regularized incomplete
 * beta function I_{d2/(d2 + d1 F)}(d2/2, d1/2), which is P(F &gt; f) without the cancellation of
 * 1 - CDF for tiny p-values (as scipy's {@code f.sf}).
 *
 * <p>Like statsmodels, the test refuses n &lt;= 3 maxlag + 1 observations and a perfect fit
 * (RSS_u &lt;= machine epsilon times the centered total sum of squares); unlike statsmodels (which
 * silently uses a pseudo-inverse), a rank-deficient design (a constant cause, or a cause that is a copy
 * of the effect) is an error naming the series.
 */
public final class GrangerTest {

    /** One lag's {@code ssr_ftest}, plus the two residual sums and the sum of the cause's lag coefficients. */
    public record LagResult(int lag, double f, double pValue, int dfNum, int dfDenom,
                            double rssRestricted, double rssUnrestricted, double causeCoefficientSum) {
    }

    private GrangerTest() {
    }

    /**
     * Does {@code cause} Granger-cause {@code effect}? One result per lag 1..maxlag.
     */
    public static List<LagResult> test(String effectName, double[] effect, String causeName, double[] cause,
                                       int maxlag) {
        checkSeries(effectName, effect);
        checkSeries(causeName, cause);
        if (effect.length != cause.length) {
            throw new IllegalArgumentException("'" + effectName + "' has " + effect.length + " rows but '"
                    + causeName + "' has " + cause.length);
        }
        checkLag(effect.length, maxlag);
        List<LagResult> out = new ArrayList<>(maxlag);
        double[] res = new double[5];
        for (int p = 1; p <= maxlag; p++) {
            Restricted r = new Restricted(effectName, effect, p);
            Workspace w = new Workspace(p, r.m);
            unrestricted(r, causeName, cause, w, res);
            out.add(new LagResult(p, res[0], res[1], p, (int) res[2], r.rss, res[3], res[4]));
        }
        return out;
    }

    /**
     * The pairwise matrix: {@code pValue[i][j]} is the smallest p-value over lags 1..maxlag for
     * "series j Granger-causes series i"; NaN on the diagonal and where the test could not be computed
     * (the reason is in {@link GrangerMatrix#errors()}).
     */
    public static GrangerMatrix matrix(List<String> names, double[][] series, int maxlag) {
        int k = series.length;
        if (names.size() != k) {
            throw new IllegalArgumentException(names.size() + " names for " + k + " series");
        }
        if (k == 0) {
            throw new IllegalArgumentException("no series");
        }
        int n = series[0].length;
        for (int i = 0; i < k; i++) {
            checkSeries(names.get(i), series[i]);
            if (series[i].length != n) {
                throw new IllegalArgumentException("'" + names.get(i) + "' has " + series[i].length
                        + " rows, expected " + n);
            }
        }
        checkLag(n, maxlag);
        double[][] pMin = new double[k][k];
        int[][] bestLag = new int[k][k];
        double[][] f = new double[k][k];
        double[][] weight = new double[k][k];
        List<String> errors = new ArrayList<>();
        for (double[] row : pMin) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (double[] row : f) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (double[] row : weight) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        double[] res = new double[5];
        boolean[][] failed = new boolean[k][k];
        for (int i = 0; i < k; i++) {
            for (int p = 1; p <= maxlag; p++) {
                Restricted r;
                try {
                    r = new Restricted(names.get(i), series[i], p);
                } catch (IllegalArgumentException e) {
                    for (int j = 0; j < k; j++) {
                        if (j != i && !failed[i][j]) {
                            failed[i][j] = true;
                            errors.add(names.get(j) + " -> " + names.get(i) + ": " + e.getMessage());
                        }
                    }
                    break;
                }
                Workspace w = new Workspace(p, r.m);
                for (int j = 0; j < k; j++) {
                    if (j == i || failed[i][j]) {
                        continue;
                    }
                    try {
                        unrestricted(r, names.get(j), series[j], w, res);
                    } catch (IllegalArgumentException e) {
                        failed[i][j] = true;
                        pMin[i][j] = Double.NaN;
                        errors.add(names.get(j) + " -> " + names.get(i) + ": " + e.getMessage());
                        continue;
                    }
                    if (p == 1 || res[1] < pMin[i][j]) {
                        pMin[i][j] = res[1];
                        bestLag[i][j] = p;
                        f[i][j] = res[0];
                        weight[i][j] = res[4];
                    }
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (failed[i][j]) {
                    pMin[i][j] = Double.NaN;
                    f[i][j] = Double.NaN;
                    weight[i][j] = Double.NaN;
                    bestLag[i][j] = 0;
                }
            }
        }
        return new GrangerMatrix(List.copyOf(names), maxlag, pMin, bestLag, f, weight, List.copyOf(errors));
    }

    /** P(F(d1, d2) &gt; f) = I_{d2/(d2 + d1 f)}(d2/2, d1/2). */
    public static double fSurvival(double f, double d1, double d2) {
        if (Double.isNaN(f)) {
            return Double.NaN;
        }
        if (f <= 0) {
            return 1.0;
        }
        if (Double.isInfinite(f)) {
            return 0.0;
        }
        return Beta.regularizedBeta(d2 / (d2 + d1 * f), d2 / 2.0, d1 / 2.0);
    }

    static void checkLag(int n, int maxlag) {
        if (maxlag < 1) {
            throw new IllegalArgumentException("maxlag must be >= 1, got " + maxlag);
        }
        if (n <= 3 * maxlag + 1) {
            throw new IllegalArgumentException("insufficient observations: " + n + " rows for maxlag " + maxlag
                    + " (need more than 3*maxlag+1 = " + (3 * maxlag + 1) + "); the maximum allowable lag is "
                    + Math.max(0, (n - 1) / 3 - 1));
        }
    }

    static void checkSeries(String name, double[] s) {
        for (int t = 0; t < s.length; t++) {
            if (!Double.isFinite(s[t])) {
                throw new IllegalArgumentException("'" + name + "' row " + t + " is " + s[t]
                        + "; drop or fill missing values first");
            }
        }
    }

    /** The QR of [1, y_{t-1}, ..., y_{t-p}] on rows p..n-1, and Q'y. */
    static final class Restricted {
        final String name;
        final int p;
        final int m;
        /** reflectors of the p+1 restricted columns, rows [k,m) of v[k]. */
        final double[][] v;
        final double[] vnorm2;
        /** Q_r' y. */
        final double[] z;
        final double rss;
        final double tss;

        Restricted(String name, double[] y, int p) {
            this.name = name;
            this.p = p;
            int n = y.length;
            m = n - p;
            v = new double[p + 1][m];
            vnorm2 = new double[p + 1];
            java.util.Arrays.fill(v[0], 1.0);
            for (int l = 1; l <= p; l++) {
                System.arraycopy(y, p - l, v[l], 0, m);
            }
            for (int k = 0; k <= p; k++) {
                double norm0 = Math.sqrt(HouseholderQr.dot(v[k], v[k], 0, m));
                for (int j = 0; j < k; j++) {
                    HouseholderQr.reflect(v[j], vnorm2[j], v[k], j, m);
                }
                vnorm2[k] = HouseholderQr.makeReflector(v[k], k, m);
                double alpha = HouseholderQr.rdiagOf(v[k], k, vnorm2[k], m);
                if (!(Math.abs(alpha) > HouseholderQr.RANK_TOLERANCE * norm0)) {
                    throw new IllegalArgumentException(k == 0 ? "no observations"
                            : "'" + name + "' is constant (or its lags are collinear) at lag " + p);
                }
            }
            z = new double[m];
            System.arraycopy(y, p, z, 0, m);
            double mean = 0;
            for (int r = 0; r < m; r++) {
                mean += z[r];
            }
            mean /= m;
            double t = 0;
            for (int r = 0; r < m; r++) {
                double d = z[r] - mean;
                t += d * d;
            }
            tss = t;
            for (int k = 0; k <= p; k++) {
                HouseholderQr.reflect(v[k], vnorm2[k], z, k, m);
            }
            rss = HouseholderQr.dot(z, z, p + 1, m);
        }
    }

    /** Scratch arrays for the unrestricted fits of one (effect, lag). */
    static final class Workspace {
        final double[][] x;
        final double[] z;
        final double[] vnorm2;
        final double[] alpha;
        final double[] b;

        Workspace(int p, int m) {
            x = new double[p][m];
            z = new double[m];
            vnorm2 = new double[p];
            alpha = new double[p];
            b = new double[p];
        }
    }

    /**
     * Continues the restricted QR with the cause's p lags. Writes {F, p-value, df_denom, RSS_u,
     * sum of the cause's lag coefficients} into {@code out}. Allocation-free.
     */
    static void unrestricted(Restricted r, String causeName, double[] x, Workspace w, double[] out) {
        int p = r.p;
        int m = r.m;
        int k0 = p + 1;
        for (int l = 1; l <= p; l++) {
            double[] col = w.x[l - 1];
            System.arraycopy(x, p - l, col, 0, m);
        }
        System.arraycopy(r.z, 0, w.z, 0, m);
        for (int c = 0; c < p; c++) {
            double[] col = w.x[c];
            double norm0 = Math.sqrt(HouseholderQr.dot(col, col, 0, m));
            for (int j = 0; j < k0; j++) {
                HouseholderQr.reflect(r.v[j], r.vnorm2[j], col, j, m);
            }
            for (int j = 0; j < c; j++) {
                HouseholderQr.reflect(w.x[j], w.vnorm2[j], col, k0 + j, m);
            }
            int k = k0 + c;
            w.vnorm2[c] = HouseholderQr.makeReflector(col, k, m);
            w.alpha[c] = HouseholderQr.rdiagOf(col, k, w.vnorm2[c], m);
            if (!(Math.abs(w.alpha[c]) > HouseholderQr.RANK_TOLERANCE * norm0)) {
                throw new IllegalArgumentException("'" + causeName + "' lag " + (c + 1)
                        + " is constant or collinear with the lags of '" + r.name + "' (lag order " + p + ")");
            }
            HouseholderQr.reflect(col, w.vnorm2[c], w.z, k, m);
        }
        int dfDenom = m - (2 * p + 1);
        double rssU = HouseholderQr.dot(w.z, w.z, k0 + p, m);
        if (r.tss == 0 || rssU == 0 || rssU / r.tss < Math.ulp(1.0)) {
            throw new IllegalArgumentException("perfect fit of '" + r.name + "' on its own and '" + causeName
                    + "''s lags at lag order " + p + ": the F statistic cannot be computed");
        }
        double f = (r.rss - rssU) / rssU / p * dfDenom;
        // cause coefficients: the trailing p x p block of R, R_xx b = z[k0, k0+p)
        double sum = 0;
        for (int a = p - 1; a >= 0; a--) {
            double s = w.z[k0 + a];
            for (int c = a + 1; c < p; c++) {
                s -= w.x[c][k0 + a] * w.b[c];
            }
            w.b[a] = s / w.alpha[a];
            sum += w.b[a];
        }
        out[0] = f;
        out[1] = fSurvival(f, p, dfDenom);
        out[2] = dfDenom;
        out[3] = rssU;
        out[4] = sum;
    }
}
