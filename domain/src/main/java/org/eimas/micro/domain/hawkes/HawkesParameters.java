package org.eimas.micro.domain.hawkes;

/**
 * Parameters of the univariate exponential Hawkes process of the seed (Bacry, Mastromatteo and Muzy 2015,
 * "Hawkes Processes in Finance", Market Microstructure and Liquidity 1(1), eq. 1 with the exponential kernel
 * φ(t) = α e^{-βt}): λ(t) = μ + Σ_{t_i &lt; t} α e^{-β(t - t_i)}. α is the jump of the intensity at an event, the
 * branching ratio (the L1 norm of the kernel) is α/β; the process is stationary when α/β &lt; 1.
 */
public record HawkesParameters(double mu, double alpha, double beta) {
    public HawkesParameters {
        if (!(mu > 0) || !Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be finite and > 0, got " + mu);
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and > 0, got " + beta);
        }
    }

    public double branchingRatio() {
        return alpha / beta;
    }

    public boolean stationary() {
        return alpha < beta;
    }

    /** The stationary mean intensity μ / (1 - α/β). */
    public double stationaryIntensity() {
        return stationary() ? mu / (1 - alpha / beta) : Double.POSITIVE_INFINITY;
    }
}
