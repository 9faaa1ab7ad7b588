package org.eimas.micro.domain.learning;

import java.util.Arrays;
import java.util.List;

/**
 * The seed's {@code StandardScaler + LassoCV(cv=TimeSeriesSplit(k))}: the scaler is fitted on the rows given (the
 * whole table, as a pre-step before the cross-validation), then {@link LassoCv} picks alpha and refits.
 */
public final class LassoCvModel {
    private LassoCvModel() {
    }

    public record Result(LassoModel model, LassoCv.Result cv) {
    }

    public static Result fit(List<String> features, double[][] x, double[] y, int from, int to, int nSplits,
                             int nAlphas, double eps, double tol, int maxIter) {
        StandardScaler scaler = StandardScaler.fit(x, from, to);
        double[][] z = scaler.transform(x, from, to);
        double[] ys = Arrays.copyOfRange(y, from, to);
        LassoCv.Result cv = LassoCv.fit(z, ys, nSplits, nAlphas, eps, tol, maxIter);
        return new Result(new LassoModel(features, scaler, cv.fit()), cv);
    }

    public static Result fit(List<String> features, double[][] x, double[] y, int from, int to, int nSplits) {
        return fit(features, x, y, from, to, nSplits, LassoCv.DEFAULT_N_ALPHAS, LassoCv.DEFAULT_EPS,
                Lasso.DEFAULT_TOL, Lasso.DEFAULT_MAX_ITER);
    }
}
