package org.eimas.micro.domain.hawkes;

/**
 * The seed's liquidity-shock forecast from a Hawkes intensity (section 6.2 {@code predict_shock}): the current
 * intensity, a logistic probability 1 / (1 + e^{-(λ - threshold)}), and a lead time 60 / (λ - μ) seconds capped at
 * 300 (infinite when λ &lt;= μ). The probability and lead time are the seed's heuristics, not results of the paper;
 * {@code expectedIntensityIn60s} is the model's own forecast E[λ(now + 60 s)] = λ∞ + (λ - λ∞) e^{-(β - α)·60}
 * with λ∞ = μ / (1 - α/β) (the mean-reversion of an exponential Hawkes intensity; Bacry, Mastromatteo, Muzy 2015,
 * section 3.1), NaN when the process is not stationary.
 */
public record ShockForecast(double currentIntensity, double threshold, boolean aboveThreshold, double shockProbability,
                            double estimatedLeadTimeSeconds, double expectedIntensityIn60s) {

    static ShockForecast of(HawkesParameters p, double current, double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
        double prob = 1.0 / (1.0 + Math.exp(-(current - threshold)));
        double lead = current > p.mu() ? Math.min(60.0 / (current - p.mu()), 300.0) : Double.POSITIVE_INFINITY;
        double expected = Double.NaN;
        if (p.stationary()) {
            double inf = p.stationaryIntensity();
            expected = inf + (current - inf) * Math.exp(-(p.beta() - p.alpha()) * 60.0);
        }
        return new ShockForecast(current, threshold, current >= threshold, prob, lead, expected);
    }
}
