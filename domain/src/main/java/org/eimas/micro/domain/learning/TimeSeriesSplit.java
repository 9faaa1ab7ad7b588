package org.eimas.micro.domain.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * Chronological folds exactly as scikit-learn's {@code TimeSeriesSplit(n_splits=k)} (test_size=None, gap=0,
 * max_train_size=None): test folds of {@code n // (k + 1)} rows that end at the last row, each training part is every
 * row before its test fold (an expanding window), so the first training part is {@code n - k·(n // (k+1))} rows
 * (the remainder of the division goes to it).
 */
public final class TimeSeriesSplit {
    private TimeSeriesSplit() {
    }

    /** Rows [trainFrom, trainTo) train, rows [testFrom, testTo) test. */
    public record Fold(int trainFrom, int trainTo, int testFrom, int testTo) {
        public int trainSize() {
            return trainTo - trainFrom;
        }

        public int testSize() {
            return testTo - testFrom;
        }
    }

    public static List<Fold> split(int nSamples, int nSplits) {
        if (nSplits < 2) {
            throw new IllegalArgumentException("n_splits must be at least 2, got " + nSplits);
        }
        int nFolds = nSplits + 1;
        if (nFolds > nSamples) {
            throw new IllegalArgumentException("Cannot have number of folds=" + nFolds
                    + " greater than the number of samples=" + nSamples);
        }
        int testSize = nSamples / nFolds;
        if (nSamples - testSize * nSplits <= 0) {
            throw new IllegalArgumentException("Too many splits=" + nSplits + " for number of samples=" + nSamples
                    + " with test_size=" + testSize);
        }
        List<Fold> folds = new ArrayList<>(nSplits);
        for (int start = nSamples - nSplits * testSize; start < nSamples; start += testSize) {
            folds.add(new Fold(0, start, start, start + testSize));
        }
        return folds;
    }
}
