package org.eimas.micro.network;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * VAR(p) with a constant, estimated equation by equation by OLS, exactly as statsmodels'
 * {@code VAR(df).fit(p, trend="c")} (Lütkepohl 2005, New Introduction to Multiple Time Series
 * Analysis, section 3.2, eq. 3.2.3 and 3.2.19):
 * <pre>
 *   y_t = nu + A_1 y_{t-1} + ... + A_p y_{t-p} + u_t,   t = p..n-1   (T = n - p observations)
 *   Z_t = [1, y_{t-1}', ..., y_{t-p}']',  B = argmin ||Y - Z B||   (one Householder QR of Z, k columns of Y)
 *   sigma_u = U'U / (T - k p - 1)          (statsmodels' degrees-of-freedom correction)
 * </pre>
 * {@code coefs[l][i][j]} is the effect of variable j at lag l+1 on variable i.
 *
 * <p>The analysis of the fit ({@link VarFit}): MA(infinity) impulse responses Phi_0 = I,
 * Phi_h = sum_{l=1..min(h,p)} Phi_{h-l} A_l (Lütkepohl eq. 2.1.22); orthogonalised responses
 * Theta_h = Phi_h P with P the lower Cholesky factor of sigma_u (eq. 2.3.27; the ordering is the
 * column order); forecast-error variance decomposition omega_{ij,h} = sum_{s&lt;h} theta_{ij,s}^2 /
 * MSE_ii(h), MSE(h) = sum_{s&lt;h} Phi_s sigma_u Phi_s' (eq. 2.3.36); stability when every eigenvalue of
 * the companion matrix has modulus &lt;= 1 (statsmodels' {@code is_stable} test, Lütkepohl eq. 2.1.9
 * asks for &lt; 1; the moduli are reported so a caller can apply either).
 */
public final class VectorAutoregression {

    private VectorAutoregression() {
    }

    /**
     * @param variables names, in column order (the Cholesky ordering)
     * @param series    series[j][t], all the same length
     * @param lags      p &gt;= 1
     */
    public static VarFit fit(List<String> variables, double[][] series, int lags) {
        int k = series.length;
        if (variables.size() != k) {
            throw new IllegalArgumentException(variables.size() + " names for " + k + " series");
        }
        if (k == 0) {
            throw new IllegalArgumentException("VAR needs at least one variable");
        }
        if (lags < 1) {
            throw new IllegalArgumentException("VAR lag order must be >= 1, got " + lags);
        }
        int n = series[0].length;
        for (int j = 0; j < k; j++) {
            GrangerTest.checkSeries(variables.get(j), series[j]);
            if (series[j].length != n) {
                throw new IllegalArgumentException("'" + variables.get(j) + "' has " + series[j].length
                        + " rows, expected " + n);
            }
        }
        int nobs = n - lags;
        int ncoef = 1 + k * lags;
        int dfResid = nobs - ncoef;
        if (dfResid <= 0) {
            throw new IllegalArgumentException("VAR(" + lags + ") of " + k + " variables needs more than "
                    + (ncoef + lags) + " rows, got " + n);
        }
        double[][] z = new double[ncoef][nobs];
        String[] names = new String[ncoef];
        java.util.Arrays.fill(z[0], 1.0);
        names[0] = "const";
        for (int l = 1; l <= lags; l++) {
            for (int j = 0; j < k; j++) {
                int c = 1 + (l - 1) * k + j;
                System.arraycopy(series[j], lags - l, z[c], 0, nobs);
                names[c] = "L" + l + "." + variables.get(j);
            }
        }
        HouseholderQr qr = new HouseholderQr(z, names);
        double[] intercept = new double[k];
        double[][][] coefs = new double[lags][k][k];
        double[][] resid = new double[k][nobs];
        for (int i = 0; i < k; i++) {
            double[] y = new double[nobs];
            System.arraycopy(series[i], lags, y, 0, nobs);
            double[] b = qr.solve(y);
            intercept[i] = b[0];
            for (int l = 0; l < lags; l++) {
                for (int j = 0; j < k; j++) {
                    coefs[l][i][j] = b[1 + l * k + j];
                }
            }
            for (int t = 0; t < nobs; t++) {
                double fit = 0;
                for (int c = 0; c < ncoef; c++) {
                    fit += z[c][t] * b[c];
                }
                resid[i][t] = y[t] - fit;
            }
        }
        double[][] sigma = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = HouseholderQr.dot(resid[i], resid[j], 0, nobs) / dfResid;
                sigma[i][j] = s;
                sigma[j][i] = s;
            }
        }
        return new VarFit(List.copyOf(variables), lags, nobs, intercept, coefs, sigma);
    }

    /** Moduli of the eigenvalues of the companion matrix of coefs (p x k x k), largest first. */
    static double[] companionModuli(double[][][] coefs) {
        int p = coefs.length;
        int k = coefs[0].length;
        int kp = k * p;
        double[][] comp = new double[kp][kp];
        for (int l = 0; l < p; l++) {
            for (int i = 0; i < k; i++) {
                System.arraycopy(coefs[l][i], 0, comp[i], l * k, k);
            }
        }
        for (int i = k; i < kp; i++) {
            comp[i][i - k] = 1.0;
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(comp, false));
        double[] re = eig.getRealEigenvalues();
        double[] im = eig.getImagEigenvalues();
        double[] mod = new double[kp];
        for (int i = 0; i < kp; i++) {
            mod[i] = Math.hypot(re[i], im[i]);
        }
        java.util.Arrays.sort(mod);
        for (int i = 0; i < kp / 2; i++) {
            double t = mod[i];
            mod[i] = mod[kp - 1 - i];
            mod[kp - 1 - i] = t;
        }
        return mod;
    }
}
