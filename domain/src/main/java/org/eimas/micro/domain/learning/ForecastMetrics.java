package org.eimas.micro.domain.learning;

/**
 * Out-of-sample scores of a point forecast: R² as scikit-learn's {@code r2_score} (1 - SS_res / SS_tot; with a
 * constant truth it is 1 when the predictions are perfect and 0 otherwise), the root mean squared error, and the
 * direction accuracy, the share of rows where sign(y) == sign(ŷ) with sign(0) = 0.
 */
public record ForecastMetrics(double r2, double rmse, double directionAccuracy, int n) {

    public static ForecastMetrics of(double[] y, double[] yHat) {
        if (y.length != yHat.length) {
            throw new IllegalArgumentException(y.length + " targets for " + yHat.length + " predictions");
        }
        int n = y.length;
        if (n == 0) {
            throw new IllegalArgumentException("no rows to score");
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double ssRes = 0;
        double ssTot = 0;
        int hits = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - yHat[i];
            ssRes += e * e;
            double d = y[i] - mean;
            ssTot += d * d;
            if (Math.signum(y[i]) == Math.signum(yHat[i])) {
                hits++;
            }
        }
        double r2 = ssTot == 0 ? (ssRes == 0 ? 1.0 : 0.0) : 1.0 - ssRes / ssTot;
        return new ForecastMetrics(r2, Math.sqrt(ssRes / n), (double) hits / n, n);
    }
}
