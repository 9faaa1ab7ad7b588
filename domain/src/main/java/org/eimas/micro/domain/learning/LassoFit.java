package org.eimas.micro.domain.learning;

/**
 * One LASSO solution: {@code coefficients} on the scale of the design it was fitted on, the intercept, and the
 * solver's diagnostics (duality gap as scikit-learn computes it, i.e. on the objective multiplied by n, and the
 * tolerance it was compared with, {@code tol·||y - ȳ||²}).
 */
public record LassoFit(double alpha, double intercept, double[] coefficients, double dualGap, double gapTolerance,
                       int iterations, boolean converged) {
    public LassoFit {
        coefficients = coefficients.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    public double coefficient(int j) {
        return coefficients[j];
    }

    public int nonZero() {
        int k = 0;
        for (double w : coefficients) {
            if (w != 0) {
                k++;
            }
        }
        return k;
    }

    /** b + Σ w_j x_j for one feature vector on the fitted scale. */
    public double predict(double[] row) {
        double s = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            s += coefficients[j] * row[j];
        }
        return s;
    }
}
