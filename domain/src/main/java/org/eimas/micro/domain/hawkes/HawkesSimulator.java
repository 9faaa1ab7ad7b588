package org.eimas.micro.domain.hawkes;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Exact simulation of an exponential Hawkes process on [0, T] by Ogata's thinning (Ogata 1981, "On Lewis' simulation
 * method for point processes", IEEE Trans. Inf. Theory 27(1), Algorithm 2): between events the intensity only
 * decays, so λ just after the last accepted point bounds it until the next one; candidates come at rate λ̄ and are
 * kept with probability λ(t)/λ̄. Seeded ({@link SplittableRandom}), so a seed always gives the same path.
 */
public final class HawkesSimulator {
    /** Guards against an explosive (non-stationary) process filling the memory. */
    public static final int MAX_EVENTS = 50_000_000;

    private HawkesSimulator() {
    }

    public static double[] simulate(HawkesParameters p, double horizon, long seed) {
        HawkesEvents.requireHorizon(horizon);
        SplittableRandom rnd = new SplittableRandom(seed);
        double mu = p.mu();
        double alpha = p.alpha();
        double beta = p.beta();
        double[] out = new double[16];
        int n = 0;
        double t = 0;
        double excitation = 0; // Σ e^{-β(t - t_i)} over accepted points, at the current time t (after them)
        while (true) {
            double bound = mu + alpha * excitation;
            double w = -Math.log(1.0 - rnd.nextDouble()) / bound;
            t += w;
            if (t > horizon) {
                break;
            }
            excitation *= Math.exp(-beta * w);
            double lambda = mu + alpha * excitation;
            if (rnd.nextDouble() * bound <= lambda) {
                if (n == out.length) {
                    if (n >= MAX_EVENTS) {
                        throw new IllegalArgumentException("simulation exceeded " + MAX_EVENTS
                                + " events before T = " + horizon + " (branching ratio " + p.branchingRatio() + ")");
                    }
                    out = Arrays.copyOf(out, Math.min(MAX_EVENTS, n * 2));
                }
                out[n++] = t;
                excitation += 1;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
