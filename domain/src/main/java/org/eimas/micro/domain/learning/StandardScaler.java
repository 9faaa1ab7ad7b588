package org.eimas.micro.domain.learning;

import java.util.Arrays;

/**
 * Feature standardisation as scikit-learn's {@code StandardScaler} (with_mean, with_std): z = (x - mean) / scale
 * with the population standard deviation (ddof = 0). A constant column (scikit-learn's test
 * {@code var <= n·eps·var + (n·mean·eps)²}) keeps scale 1, so it becomes a column of zeros and gets coefficient 0.
 *
 * <p>Data are column-major: {@code x[feature][row]}; the scaler is fitted on rows {@code [from, to)}.
 */
public final class StandardScaler {
    private static final double EPS = Math.ulp(1.0);
    private final double[] mean;
    private final double[] scale;

    private StandardScaler(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** A scaler with given parameters (e.g. read back from a model store). */
    public static StandardScaler of(double[] mean, double[] scale) {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException(mean.length + " means for " + scale.length + " scales");
        }
        for (int j = 0; j < scale.length; j++) {
            if (!(scale[j] > 0) || !Double.isFinite(scale[j]) || !Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("feature " + j + ": scale must be finite and > 0 and mean finite, got mean "
                        + mean[j] + " scale " + scale[j]);
            }
        }
        return new StandardScaler(mean.clone(), scale.clone());
    }

    public static StandardScaler fit(double[][] x, int from, int to) {
        int n = to - from;
        if (n < 1) {
            throw new IllegalArgumentException("cannot fit a scaler on " + n + " rows");
        }
        int p = x.length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double[] c = x[j];
            double s = 0;
            for (int i = from; i < to; i++) {
                s += c[i];
            }
            double m = s / n;
            double ss = 0;
            double corr = 0;
            for (int i = from; i < to; i++) {
                double d = c[i] - m;
                ss += d * d;
                corr += d;
            }
            // two-pass variance with the compensation term (as numpy's mean of squared deviations, ddof = 0)
            double var = (ss - corr * corr / n) / n;
            if (var < 0) {
                var = 0;
            }
            mean[j] = m;
            double upper = n * EPS * var + (n * m * EPS) * (n * m * EPS);
            scale[j] = var <= upper ? 1.0 : Math.sqrt(var);
        }
        return new StandardScaler(mean, scale);
    }

    public int features() {
        return mean.length;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] scale() {
        return scale.clone();
    }

    public double mean(int j) {
        return mean[j];
    }

    public double scale(int j) {
        return scale[j];
    }

    /** A new column-major array of the standardised rows [from, to) (row 0 of the result is row {@code from}). */
    public double[][] transform(double[][] x, int from, int to) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException("scaler fitted on " + mean.length + " features, got " + x.length);
        }
        double[][] z = new double[x.length][to - from];
        for (int j = 0; j < x.length; j++) {
            double m = mean[j];
            double s = scale[j];
            double[] c = x[j];
            double[] zc = z[j];
            for (int i = from; i < to; i++) {
                zc[i - from] = (c[i] - m) / s;
            }
        }
        return z;
    }

    /** Standardises one feature vector into {@code out} (no allocation). */
    public void transformRow(double[] row, double[] out) {
        if (row.length != mean.length || out.length != mean.length) {
            throw new IllegalArgumentException("scaler fitted on " + mean.length + " features, got " + row.length);
        }
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - mean[j]) / scale[j];
        }
    }

    @Override
    public String toString() {
        return "StandardScaler{mean=" + Arrays.toString(mean) + ", scale=" + Arrays.toString(scale) + "}";
    }
}
