package org.eimas.micro.domain.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward splits: fit on a trailing window of {@code trainSize} rows, predict the next
 * {@code testSize} rows, roll forward by {@code testSize}. Test blocks never overlap and never contain a
 * row of their own training window, so every prediction is out of sample. The first {@code trainSize}
 * rows are never predicted.
 */
public final class WalkForward {
    private WalkForward() {
    }

    /** A split: training rows [trainFrom, trainTo), test rows [testFrom, testTo). */
    public record Split(int trainFrom, int trainTo, int testFrom, int testTo) {
    }

    public static List<Split> splits(int rows, int trainSize, int testSize) {
        if (trainSize < 1 || testSize < 1) {
            throw new IllegalArgumentException("train and test sizes must be >= 1, got " + trainSize + ", " + testSize);
        }
        if (rows <= trainSize) {
            throw new IllegalArgumentException(rows + " rows leave nothing to test after a training window of " + trainSize);
        }
        List<Split> out = new ArrayList<>();
        for (int start = trainSize; start < rows; start += testSize) {
            out.add(new Split(start - trainSize, start, start, Math.min(rows, start + testSize)));
        }
        return out;
    }

    /** Fits on the training rows and predicts the test rows. */
    @FunctionalInterface
    public interface Forecaster {
        /** Predictions for rows [testFrom, testTo) after fitting on rows [trainFrom, trainTo) only. */
        double[] fitAndPredict(Split split);
    }

    /** Out-of-sample predictions for every row after the first window; NaN for the first trainSize rows. */
    public static double[] predict(int rows, int trainSize, int testSize, Forecaster forecaster) {
        double[] out = new double[rows];
        java.util.Arrays.fill(out, Double.NaN);
        for (Split s : splits(rows, trainSize, testSize)) {
            double[] p = forecaster.fitAndPredict(s);
            if (p.length != s.testTo() - s.testFrom()) {
                throw new IllegalStateException("forecaster returned " + p.length + " predictions for "
                        + (s.testTo() - s.testFrom()) + " test rows");
            }
            System.arraycopy(p, 0, out, s.testFrom(), p.length);
        }
        return out;
    }
}
