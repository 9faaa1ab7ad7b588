package org.eimas.micro.domain.learning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's {@code StandardScaler + Lasso} pipeline as one fitted value: features standardised by the scaler, then
 * a LASSO with intercept on the standardised features. Coefficients are reported on the standardised scale (as
 * scikit-learn's {@code coef_}) and on the original scale: w_j / scale_j, intercept b - Σ w_j mean_j / scale_j.
 */
public final class LassoModel {
    private final List<String> features;
    private final StandardScaler scaler;
    private final LassoFit fit;
    private final double[] scratch;

    public LassoModel(List<String> features, StandardScaler scaler, LassoFit fit) {
        this.features = List.copyOf(features);
        if (scaler.features() != this.features.size() || fit.coefficients().length != this.features.size()) {
            throw new IllegalArgumentException(this.features.size() + " feature names, scaler has " + scaler.features()
                    + " features, fit has " + fit.coefficients().length + " coefficients");
        }
        this.scaler = scaler;
        this.fit = fit;
        this.scratch = new double[this.features.size()];
    }

    /** Standardises rows [from, to) with a scaler fitted on them, then fits the LASSO at {@code alpha}. */
    public static LassoModel fit(List<String> features, double[][] x, double[] y, int from, int to, double alpha,
                                 double tol, int maxIter) {
        StandardScaler scaler = StandardScaler.fit(x, from, to);
        double[][] z = scaler.transform(x, from, to);
        double[] ys = java.util.Arrays.copyOfRange(y, from, to);
        LassoFit fit = Lasso.problem(z, ys, 0, ys.length).solve(alpha, null, tol, maxIter);
        return new LassoModel(features, scaler, fit);
    }

    public List<String> features() {
        return features;
    }

    public StandardScaler scaler() {
        return scaler;
    }

    public LassoFit fit() {
        return fit;
    }

    public double alpha() {
        return fit.alpha();
    }

    public double intercept() {
        return fit.intercept();
    }

    /** Coefficients on the standardised scale, by feature name, in column order. */
    public Map<String, Double> coefficients() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < features.size(); j++) {
            m.put(features.get(j), fit.coefficient(j));
        }
        return m;
    }

    /** Coefficients per unit of the original feature. */
    public Map<String, Double> coefficientsOriginal() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < features.size(); j++) {
            m.put(features.get(j), fit.coefficient(j) / scaler.scale(j));
        }
        return m;
    }

    public double interceptOriginal() {
        double b = fit.intercept();
        for (int j = 0; j < features.size(); j++) {
            b -= fit.coefficient(j) * scaler.mean(j) / scaler.scale(j);
        }
        return b;
    }

    /** Names of the features with a non-zero coefficient. */
    public List<String> selected() {
        java.util.ArrayList<String> s = new java.util.ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            if (fit.coefficient(j) != 0) {
                s.add(features.get(j));
            }
        }
        return s;
    }

    /** Prediction for one raw (unscaled) feature vector in column order. Not thread-safe (reuses a buffer). */
    public double predict(double[] raw) {
        scaler.transformRow(raw, scratch);
        return fit.predict(scratch);
    }

    /** Predictions for raw rows [from, to) of a column-major design. */
    public double[] predict(double[][] x, int from, int to) {
        double[] out = new double[to - from];
        double[] row = new double[features.size()];
        for (int i = from; i < to; i++) {
            for (int j = 0; j < row.length; j++) {
                row[j] = x[j][i];
            }
            out[i - from] = predict(row);
        }
        return out;
    }

    /** Out-of-sample scores on rows [from, to). */
    public ForecastMetrics score(double[][] x, double[] y, int from, int to) {
        return ForecastMetrics.of(java.util.Arrays.copyOfRange(y, from, to), predict(x, from, to));
    }
}
