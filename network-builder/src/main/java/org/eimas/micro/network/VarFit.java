package org.eimas.micro.network;

import java.util.List;

/**
 * A fitted VAR(p) with a constant and its impulse-response analysis; see {@link VectorAutoregression}
 * for the equations. Index conventions follow statsmodels: {@code coefs[l][i][j]} is the effect of
 * variable j at lag l+1 on variable i; {@code irf(H)[h][i][j]} the response of variable i at step h
 * to a unit shock in variable j; {@code fevd(H)[h][i][j]} the share of the (h+1)-step forecast-error
 * variance of variable i due to orthogonalised shock j (statsmodels' {@code fevd(H).decomp[i][h][j]}).
 */
public final class VarFit {
    private final List<String> variables;
    private final int lags;
    private final int nobs;
    private final double[] intercept;
    private final double[][][] coefs;
    private final double[][] sigmaU;
    private final double[][] chol;

    VarFit(List<String> variables, int lags, int nobs, double[] intercept, double[][][] coefs, double[][] sigmaU) {
        this.variables = variables;
        this.lags = lags;
        this.nobs = nobs;
        this.intercept = intercept;
        this.coefs = coefs;
        this.sigmaU = sigmaU;
        this.chol = cholesky(sigmaU, variables);
    }

    public List<String> variables() {
        return variables;
    }

    public int lags() {
        return lags;
    }

    /** Observations used, n - p. */
    public int nobs() {
        return nobs;
    }

    public double[] intercept() {
        return intercept.clone();
    }

    public double[][][] coefs() {
        return deepCopy(coefs);
    }

    /** Residual covariance U'U / (nobs - k p - 1). */
    public double[][] sigmaU() {
        double[][] s = new double[sigmaU.length][];
        for (int i = 0; i < s.length; i++) {
            s[i] = sigmaU[i].clone();
        }
        return s;
    }

    /** Lower Cholesky factor P of sigma_u, P P' = sigma_u. */
    public double[][] choleskyFactor() {
        double[][] s = new double[chol.length][];
        for (int i = 0; i < s.length; i++) {
            s[i] = chol[i].clone();
        }
        return s;
    }

    /** Moduli of the companion matrix's eigenvalues, largest first. */
    public double[] companionModuli() {
        return VectorAutoregression.companionModuli(coefs);
    }

    /** statsmodels' {@code is_stable()}: all companion eigenvalues have modulus &lt;= 1. */
    public boolean isStable() {
        return companionModuli()[0] <= 1.0;
    }

    /** Phi_0..Phi_H, H+1 matrices of k x k. */
    public double[][][] irf(int horizon) {
        if (horizon < 0) {
            throw new IllegalArgumentException("horizon must be >= 0, got " + horizon);
        }
        int k = variables.size();
        double[][][] phi = new double[horizon + 1][k][k];
        for (int i = 0; i < k; i++) {
            phi[0][i][i] = 1.0;
        }
        for (int h = 1; h <= horizon; h++) {
            for (int l = 1; l <= Math.min(h, lags); l++) {
                double[][] prev = phi[h - l];
                double[][] a = coefs[l - 1];
                for (int i = 0; i < k; i++) {
                    for (int m = 0; m < k; m++) {
                        double pim = prev[i][m];
                        if (pim == 0) {
                            continue;
                        }
                        for (int j = 0; j < k; j++) {
                            phi[h][i][j] += pim * a[m][j];
                        }
                    }
                }
            }
        }
        return phi;
    }

    /** Theta_h = Phi_h P, h = 0..H. */
    public double[][][] orthIrf(int horizon) {
        double[][][] phi = irf(horizon);
        int k = variables.size();
        double[][][] theta = new double[horizon + 1][k][k];
        for (int h = 0; h <= horizon; h++) {
            theta[h] = multiply(phi[h], chol);
        }
        return theta;
    }

    /** Forecast-error variance decomposition for steps 1..H: H matrices, rows sum to 1. */
    public double[][][] fevd(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("FEVD horizon must be >= 1, got " + horizon);
        }
        int k = variables.size();
        double[][][] theta = orthIrf(horizon - 1);
        double[][][] phi = irf(horizon - 1);
        double[][][] out = new double[horizon][k][k];
        double[][] cum = new double[k][k];
        double[] mse = new double[k];
        for (int h = 0; h < horizon; h++) {
            double[][] var = multiply(multiply(phi[h], sigmaU), transpose(phi[h]));
            for (int i = 0; i < k; i++) {
                mse[i] += var[i][i];
                for (int j = 0; j < k; j++) {
                    cum[i][j] += theta[h][i][j] * theta[h][i][j];
                    out[h][i][j] = cum[i][j] / mse[i];
                }
            }
        }
        return out;
    }

    static double[][] cholesky(double[][] a, List<String> names) {
        int k = a.length;
        double[][] l = new double[k][k];
        for (int j = 0; j < k; j++) {
            double d = a[j][j];
            for (int m = 0; m < j; m++) {
                d -= l[j][m] * l[j][m];
            }
            if (!(d > 0)) {
                throw new IllegalArgumentException("residual covariance is not positive definite at '"
                        + names.get(j) + "' (a variable is an exact linear function of the others' shocks)");
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < k; i++) {
                double s = a[i][j];
                for (int m = 0; m < j; m++) {
                    s -= l[i][m] * l[j][m];
                }
                l[i][j] = s / l[j][j];
            }
        }
        return l;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int r = a.length;
        int inner = b.length;
        int c = b[0].length;
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int m = 0; m < inner; m++) {
                double aim = a[i][m];
                for (int j = 0; j < c; j++) {
                    out[i][j] += aim * b[m][j];
                }
            }
        }
        return out;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double[][][] deepCopy(double[][][] x) {
        double[][][] c = new double[x.length][][];
        for (int a = 0; a < x.length; a++) {
            c[a] = new double[x[a].length][];
            for (int b = 0; b < x[a].length; b++) {
                c[a][b] = x[a][b].clone();
            }
        }
        return c;
    }
}
