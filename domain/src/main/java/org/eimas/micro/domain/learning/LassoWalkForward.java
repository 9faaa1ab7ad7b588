package org.eimas.micro.domain.learning;

import java.util.List;

/**
 * Honest out-of-sample evaluation of the StandardScaler + LassoCV pipeline: the rows are cut into expanding-window
 * folds exactly as {@link TimeSeriesSplit} (n_splits outer folds); for each fold the scaler and the LassoCV (inner
 * {@code TimeSeriesSplit(innerSplits)} on the training rows only) are fitted on the rows before the test block, and
 * the test block is predicted. Every scored row lies after every row its model was fitted on. The metrics are computed
 * on all out-of-sample predictions together.
 */
public final class LassoWalkForward {
    private LassoWalkForward() {
    }

    /** {@code predictions[i]} is the forecast of row {@code firstTestRow + i}. */
    public record Result(int firstTestRow, double[] actual, double[] predictions, List<TimeSeriesSplit.Fold> folds,
                         double[] foldAlphas, ForecastMetrics metrics) {
    }

    public static Result evaluate(List<String> features, double[][] x, double[] y, int outerSplits, int innerSplits) {
        List<TimeSeriesSplit.Fold> folds = TimeSeriesSplit.split(y.length, outerSplits);
        int first = folds.get(0).testFrom();
        int last = folds.get(folds.size() - 1).testTo();
        double[] pred = new double[last - first];
        double[] actual = new double[last - first];
        double[] alphas = new double[folds.size()];
        for (int f = 0; f < folds.size(); f++) {
            TimeSeriesSplit.Fold fold = folds.get(f);
            if (fold.trainSize() <= innerSplits) {
                throw new IllegalArgumentException("walk-forward fold " + f + " has " + fold.trainSize()
                        + " training rows, too few for an inner TimeSeriesSplit(" + innerSplits + ")");
            }
            LassoCvModel.Result r = LassoCvModel.fit(features, x, y, fold.trainFrom(), fold.trainTo(), innerSplits);
            alphas[f] = r.cv().alpha();
            double[] p = r.model().predict(x, fold.testFrom(), fold.testTo());
            System.arraycopy(p, 0, pred, fold.testFrom() - first, p.length);
            System.arraycopy(y, fold.testFrom(), actual, fold.testFrom() - first, p.length);
        }
        return new Result(first, actual, pred, folds, alphas, ForecastMetrics.of(actual, pred));
    }
}
