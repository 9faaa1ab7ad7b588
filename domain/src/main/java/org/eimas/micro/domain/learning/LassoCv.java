package org.eimas.micro.domain.learning;

import java.util.List;

/**
 * Cross-validated choice of the LASSO penalty as scikit-learn's {@code LassoCV(cv=TimeSeriesSplit(k))} with its
 * defaults (n_alphas = 100, eps = 1e-3, tol = 1e-4, max_iter = 1000):
 * <ul>
 * <li>alpha grid ({@code _alpha_grid}): alpha_max = max_j |X_cᵀy_c|_j / n on the centred full table, then
 * {@code numpy.geomspace(alpha_max, eps·alpha_max, n_alphas)}: 10^(log10 alpha_max + k·(log10(eps·alpha_max) -
 * log10 alpha_max)/(n_alphas - 1)) with both end points exact; when alpha_max &lt;= 1e-15 every value is 1e-15;</li>
 * <li>per fold, the path over the whole grid on the training rows (centred on those rows, warm starts), and the mean
 * squared error of each alpha on the test rows;</li>
 * <li>the alpha with the smallest mean MSE across folds (the first, i.e. largest, alpha on ties, as numpy's
 * argmin), refitted on all rows from zero coefficients.</li>
 * </ul>
 * The caller standardises the design beforehand (the pipeline does it on the whole table, as a pre-step).
 */
public final class LassoCv {
    public static final int DEFAULT_N_ALPHAS = 100;
    public static final double DEFAULT_EPS = 1e-3;
    private static final double RESOLUTION = 1e-15; // numpy.finfo(float64).resolution

    private LassoCv() {
    }

    /** The cross-validation outcome; {@code msePath[fold][alpha]}, {@code cvMse[alpha]} is its mean over folds. */
    public record Result(double alpha, double[] alphas, double[] cvMse, double[][] msePath, LassoFit fit) {
        public Result {
            alphas = alphas.clone();
            cvMse = cvMse.clone();
        }

        @Override
        public double[] alphas() {
            return alphas.clone();
        }

        @Override
        public double[] cvMse() {
            return cvMse.clone();
        }
    }

    /** The decreasing alpha grid for rows [0, n) of the design. */
    public static double[] alphaGrid(double alphaMax, int nAlphas, double eps) {
        if (nAlphas < 1) {
            throw new IllegalArgumentException("n_alphas must be >= 1, got " + nAlphas);
        }
        if (!(eps > 0 && eps < 1)) {
            throw new IllegalArgumentException("eps must be in (0, 1), got " + eps);
        }
        double[] a = new double[nAlphas];
        if (alphaMax <= RESOLUTION) {
            java.util.Arrays.fill(a, RESOLUTION);
            return a;
        }
        double start = Math.log10(alphaMax);
        double stop = Math.log10(alphaMax * eps);
        if (nAlphas == 1) {
            a[0] = alphaMax;
            return a;
        }
        double step = (stop - start) / (nAlphas - 1);
        for (int k = 0; k < nAlphas; k++) {
            a[k] = Math.pow(10.0, start + k * step);
        }
        a[0] = alphaMax;
        a[nAlphas - 1] = alphaMax * eps;
        return a;
    }

    public static Result fit(double[][] x, double[] y, int nSplits) {
        return fit(x, y, nSplits, DEFAULT_N_ALPHAS, DEFAULT_EPS, Lasso.DEFAULT_TOL, Lasso.DEFAULT_MAX_ITER);
    }

    public static Result fit(double[][] x, double[] y, int nSplits, int nAlphas, double eps, double tol, int maxIter) {
        int n = y.length;
        Lasso full = Lasso.problem(x, y, 0, n);
        double[] alphas = alphaGrid(full.alphaMax(), nAlphas, eps);
        List<TimeSeriesSplit.Fold> folds = TimeSeriesSplit.split(n, nSplits);
        double[][] msePath = new double[folds.size()][];
        for (int f = 0; f < folds.size(); f++) {
            TimeSeriesSplit.Fold fold = folds.get(f);
            LassoFit[] path = Lasso.problem(x, y, fold.trainFrom(), fold.trainTo()).path(alphas, tol, maxIter);
            msePath[f] = testMse(path, x, y, fold.testFrom(), fold.testTo());
        }
        double[] mean = new double[alphas.length];
        for (int k = 0; k < alphas.length; k++) {
            double s = 0;
            for (double[] m : msePath) {
                s += m[k];
            }
            mean[k] = s / msePath.length;
        }
        int best = 0;
        for (int k = 1; k < mean.length; k++) {
            if (mean[k] < mean[best]) {
                best = k;
            }
        }
        LassoFit refit = full.solve(alphas[best], null, tol, maxIter);
        return new Result(alphas[best], alphas, mean, msePath, refit);
    }

    private static double[] testMse(LassoFit[] path, double[][] x, double[] y, int from, int to) {
        double[] mse = new double[path.length];
        int p = x.length;
        for (int k = 0; k < path.length; k++) {
            LassoFit fit = path[k];
            double b = fit.intercept();
            double[] w = fit.coefficients();
            double s = 0;
            for (int i = from; i < to; i++) {
                double pred = b;
                for (int j = 0; j < p; j++) {
                    pred += w[j] * x[j][i];
                }
                double e = y[i] - pred;
                s += e * e;
            }
            mse[k] = s / (to - from);
        }
        return mse;
    }
}
