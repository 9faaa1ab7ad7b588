package org.eimas.micro.domain.learning;

/**
 * LASSO exactly as scikit-learn's {@code Lasso} (Tibshirani 1996; coordinate descent of Friedman, Hastie and
 * Tibshirani 2010, "Regularization Paths for Generalized Linear Models via Coordinate Descent", J. Stat. Softw. 33(1),
 * eq. 5-6): minimise
 * <pre>  (1 / (2n)) ||y - Xw - b||²  +  alpha ||w||₁  </pre>
 * with the intercept b fitted by centring X and y on the fitted rows (b = ȳ - x̄ᵀw).
 *
 * <p>Solver: cyclic coordinate descent on the centred Gram matrix Q = X_cᵀX_c and q = X_cᵀy_c (scikit-learn's
 * {@code enet_coordinate_descent_gram}, which its {@code LassoCV} uses when n &gt; p), on the objective multiplied
 * by n, i.e. with the penalty alpha·n. The soft-threshold update is w_j ← S(q_j - (Qw)_j + Q_jj w_j, alpha·n) / Q_jj.
 * After a sweep whose largest coordinate change relative to the largest coefficient is below {@code tol}
 * (or at the last iteration) the duality gap is computed as scikit-learn does:
 * R² = ||y_c||² + wᵀQw - 2qᵀw, XtA = q - Qw, c = min(1, alpha·n / ||XtA||∞),
 * gap = ½ R²(1 + c²) (or R² when c = 1) + alpha·n ||w||₁ - c ||y_c||² + c qᵀw, and the solver stops when
 * gap &lt; tol·||y_c||². Columns with zero variance (Q_jj = 0) keep coefficient 0.
 *
 * <p>Data are column-major, {@code x[feature][row]}, rows {@code [from, to)}. The work is O(n p²) once for the
 * Gram matrix, then O(p²) per sweep, so a path of 100 alphas with warm starts costs little beyond the Gram matrix.
 */
public final class Lasso {
    /** scikit-learn's defaults. */
    public static final double DEFAULT_TOL = 1e-4;
    public static final int DEFAULT_MAX_ITER = 1000;

    private final int p;
    private final int n;
    private final double[] xMean;
    private final double yMean;
    private final double[] gram; // p × p row-major
    private final double[] q;
    private final double yNorm2;

    private Lasso(int n, double[] xMean, double yMean, double[] gram, double[] q, double yNorm2) {
        this.p = xMean.length;
        this.n = n;
        this.xMean = xMean;
        this.yMean = yMean;
        this.gram = gram;
        this.q = q;
        this.yNorm2 = yNorm2;
    }

    /** Prepares the centred Gram problem for rows [from, to). Inputs must be finite. */
    public static Lasso problem(double[][] x, double[] y, int from, int to) {
        int n = to - from;
        if (n < 1) {
            throw new IllegalArgumentException("LASSO needs at least 1 row, got " + n);
        }
        if (from < 0 || to > y.length) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") outside 0.." + y.length);
        }
        int p = x.length;
        double[] xMean = new double[p];
        double[][] xc = new double[p][n];
        for (int j = 0; j < p; j++) {
            if (x[j].length != y.length) {
                throw new IllegalArgumentException("feature " + j + " has " + x[j].length + " rows, target has " + y.length);
            }
            double s = 0;
            for (int i = from; i < to; i++) {
                s += x[j][i];
            }
            double m = s / n;
            xMean[j] = m;
            double[] c = xc[j];
            double[] src = x[j];
            for (int i = from; i < to; i++) {
                c[i - from] = src[i] - m;
            }
        }
        double sy = 0;
        for (int i = from; i < to; i++) {
            sy += y[i];
        }
        double yMean = sy / n;
        double[] yc = new double[n];
        double yNorm2 = 0;
        for (int i = from; i < to; i++) {
            double d = y[i] - yMean;
            yc[i - from] = d;
            yNorm2 += d * d;
        }
        double[] gram = new double[p * p];
        double[] q = new double[p];
        for (int j = 0; j < p; j++) {
            double[] cj = xc[j];
            for (int k = j; k < p; k++) {
                double[] ck = xc[k];
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += cj[i] * ck[i];
                }
                gram[j * p + k] = s;
                gram[k * p + j] = s;
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += cj[i] * yc[i];
            }
            q[j] = s;
        }
        return new Lasso(n, xMean, yMean, gram, q, yNorm2);
    }

    /** One fit from zero coefficients with scikit-learn's defaults. */
    public static LassoFit fit(double[][] x, double[] y, double alpha) {
        return problem(x, y, 0, y.length).solve(alpha, null, DEFAULT_TOL, DEFAULT_MAX_ITER);
    }

    /**
     * alpha_max = max_j |X_cᵀy_c|_j / n, the smallest alpha whose solution is all zeros (scikit-learn's
     * {@code _alpha_grid} with l1_ratio = 1).
     */
    public double alphaMax() {
        double m = 0;
        for (double v : q) {
            m = Math.max(m, Math.abs(v));
        }
        return m / n;
    }

    public int rows() {
        return n;
    }

    public int features() {
        return p;
    }

    /**
     * The path over {@code alphas} in the order given (scikit-learn passes them decreasing), each fit warm-started
     * from the previous one.
     */
    public LassoFit[] path(double[] alphas, double tol, int maxIter) {
        LassoFit[] out = new LassoFit[alphas.length];
        double[] w = new double[p];
        for (int k = 0; k < alphas.length; k++) {
            out[k] = solveInPlace(alphas[k], w, tol, maxIter);
        }
        return out;
    }

    /** Solves for one alpha from {@code start} (null = zeros). */
    public LassoFit solve(double alpha, double[] start, double tol, int maxIter) {
        double[] w = start == null ? new double[p] : start.clone();
        if (w.length != p) {
            throw new IllegalArgumentException("start has " + w.length + " coefficients, expected " + p);
        }
        return solveInPlace(alpha, w, tol, maxIter);
    }

    private LassoFit solveInPlace(double alphaIn, double[] w, double tol, int maxIter) {
        if (!(alphaIn >= 0) || !Double.isFinite(alphaIn)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alphaIn);
        }
        if (!(tol > 0)) {
            throw new IllegalArgumentException("tol must be > 0, got " + tol);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("max_iter must be >= 1, got " + maxIter);
        }
        final double alpha = alphaIn * n;
        final double gapTol = tol * yNorm2;
        final double[] h = new double[p]; // h = Q w
        for (int j = 0; j < p; j++) {
            double wj = w[j];
            if (wj != 0) {
                for (int k = 0; k < p; k++) {
                    h[k] += wj * gram[j * p + k];
                }
            }
        }
        double gap = tol + 1;
        int iter = 0;
        boolean converged = false;
        for (iter = 0; iter < maxIter; iter++) {
            double wMax = 0;
            double dwMax = 0;
            for (int j = 0; j < p; j++) {
                double qjj = gram[j * p + j];
                if (qjj == 0.0) {
                    continue;
                }
                double wOld = w[j];
                if (wOld != 0.0) {
                    int row = j * p;
                    for (int k = 0; k < p; k++) {
                        h[k] -= wOld * gram[row + k];
                    }
                }
                double tmp = q[j] - h[j];
                double shrunk = Math.abs(tmp) - alpha;
                double wNew = shrunk > 0 ? Math.copySign(shrunk, tmp) / qjj : 0.0; // never -0.0
                w[j] = wNew;
                if (wNew != 0.0) {
                    int row = j * p;
                    for (int k = 0; k < p; k++) {
                        h[k] += wNew * gram[row + k];
                    }
                }
                dwMax = Math.max(dwMax, Math.abs(wNew - wOld));
                wMax = Math.max(wMax, Math.abs(wNew));
            }
            if (wMax == 0.0 || dwMax / wMax < tol || iter == maxIter - 1) {
                gap = dualityGap(w, h, alpha);
                if (gap < gapTol) {
                    converged = true;
                    iter++;
                    break;
                }
            }
        }
        double intercept = yMean;
        for (int j = 0; j < p; j++) {
            intercept -= xMean[j] * w[j];
        }
        return new LassoFit(alphaIn, intercept, w, gap, gapTol, Math.min(iter, maxIter), converged);
    }

    private double dualityGap(double[] w, double[] h, double alpha) {
        double qDotW = 0;
        double wHw = 0;
        double wNorm1 = 0;
        double dualNorm = 0;
        for (int j = 0; j < p; j++) {
            qDotW += q[j] * w[j];
            wHw += w[j] * h[j];
            wNorm1 += Math.abs(w[j]);
            dualNorm = Math.max(dualNorm, Math.abs(q[j] - h[j]));
        }
        double rNorm2 = yNorm2 + wHw - 2.0 * qDotW;
        double c;
        double gap;
        if (dualNorm > alpha) {
            c = alpha / dualNorm;
            gap = 0.5 * (rNorm2 + rNorm2 * c * c);
        } else {
            c = 1.0;
            gap = rNorm2;
        }
        return gap + alpha * wNorm1 - c * yNorm2 + c * qDotW;
    }
}
