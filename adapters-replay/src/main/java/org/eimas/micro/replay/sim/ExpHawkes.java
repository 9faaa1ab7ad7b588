package org.eimas.micro.replay.sim;

import java.util.SplittableRandom;

/**
 * A K-variate linear Hawkes process with exponential kernels, simulated exactly by Ogata's
 * thinning.
 *
 * <p>Intensity of type i (Hawkes 1971, eq. 1; Bacry, Mastromatteo &amp; Muzy 2015, eq. 2):
 * <pre>  lambda_i(t) = m_i * ( mu_i + sum_j sum_{t_k^j &lt; t} n_ij * beta * exp(-beta (t - t_k^j)) )</pre>
 * with branching ratios {@code n_ij} (the expected number of type-i children of one type-j event,
 * the L1 norm of the kernel) and one decay {@code beta}. {@code m_i} is a multiplier the caller
 * holds constant between events (the simulator's intraday and informed-trader shading), and
 * constant extra intensities may be added (exogenous arrivals that the caller may also feed back
 * as excitation). The process is stationary when the spectral radius of {@code N} is below 1,
 * and then with m = 1 the mean rates are {@code Lambda = (I - N)^-1 mu} (Bacry et al. 2015,
 * eq. 7).
 *
 * <p>Thinning (Ogata 1981, Algorithm 2): between events every excitation term only decays, so
 * the intensity at the current time is an upper bound until the next event; draw an exponential
 * step at that bound, decay to the candidate time, accept with probability lambda/bound. O(K)
 * per candidate, no allocation. The excitation state is kept as one sum per target type, which
 * is exact because all kernels share {@code beta}.
 */
final class ExpHawkes {
    private final int k;
    private final double[][] n;
    private final double beta;
    private final double[] excitation;
    private double t;

    ExpHawkes(double[][] branching, double beta) {
        this.k = branching.length;
        this.n = new double[k][];
        for (int i = 0; i < k; i++) {
            if (branching[i].length != k) {
                throw new IllegalArgumentException("branching matrix must be square, row " + i + " has "
                        + branching[i].length + " entries, expected " + k);
            }
            n[i] = branching[i].clone();
        }
        if (!(beta > 0)) {
            throw new IllegalArgumentException("beta must be positive, got " + beta);
        }
        double rho = spectralRadius(n);
        if (!(rho < 1)) {
            throw new IllegalArgumentException("branching matrix has spectral radius " + rho + " >= 1: not stationary");
        }
        this.beta = beta;
        this.excitation = new double[k];
    }

    int dimension() {
        return k;
    }

    double time() {
        return t;
    }

    /** Excitation part of type i's intensity at the current time. */
    double excitation(int i) {
        return excitation[i];
    }

    /** Decays the state to time {@code to} (>= current time). */
    void decayTo(double to) {
        if (to > t) {
            double f = Math.exp(-beta * (to - t));
            for (int i = 0; i < k; i++) {
                excitation[i] *= f;
            }
            t = to;
        }
    }

    /** Adds the jump of one event of type {@code source} to every target's intensity. */
    void excite(int source) {
        for (int i = 0; i < k; i++) {
            excitation[i] += n[i][source] * beta;
        }
    }

    /**
     * Draws the next event before {@code horizon}. Returns its index (0..K-1 a Hawkes type,
     * K + j the j-th extra intensity) with the clock moved to the event time, or -1 with the clock
     * at {@code horizon}. Does not excite: the caller calls {@link #excite} for what it applies.
     */
    int next(SplittableRandom rng, double[] mu, double[] mult, double[] extra, double horizon) {
        while (true) {
            double bound = 0;
            for (int i = 0; i < k; i++) {
                bound += mult[i] * (mu[i] + excitation[i]);
            }
            for (double x : extra) {
                bound += x;
            }
            if (!(bound > 0)) {
                decayTo(horizon);
                return -1;
            }
            double cand = t - Math.log(1.0 - rng.nextDouble()) / bound;
            if (cand >= horizon) {
                decayTo(horizon);
                return -1;
            }
            decayTo(cand);
            double u = rng.nextDouble() * bound;
            double acc = 0;
            for (int i = 0; i < k; i++) {
                acc += mult[i] * (mu[i] + excitation[i]);
                if (u < acc) {
                    return i;
                }
            }
            for (int j = 0; j < extra.length; j++) {
                acc += extra[j];
                if (u < acc) {
                    return k + j;
                }
            }
            // rejected: the intensity decayed below the bound; draw again from here
        }
    }

    /** Largest |eigenvalue| of a non-negative matrix, by power iteration (Perron root). */
    static double spectralRadius(double[][] m) {
        int d = m.length;
        double[] v = new double[d];
        java.util.Arrays.fill(v, 1.0);
        double lambda = 0;
        for (int it = 0; it < 10_000; it++) {
            double[] w = new double[d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    w[i] += m[i][j] * v[j];
                }
            }
            double norm = 0;
            for (double x : w) {
                norm = Math.max(norm, Math.abs(x));
            }
            if (norm == 0) {
                return 0;
            }
            for (int i = 0; i < d; i++) {
                w[i] /= norm;
            }
            double diff = Math.abs(norm - lambda);
            lambda = norm;
            v = w;
            if (it > 20 && diff < 1e-13) {
                break;
            }
        }
        return lambda;
    }
}
