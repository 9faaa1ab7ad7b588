package org.eimas.micro.domain.hawkes;

/** Checks on event-time arrays shared by the Hawkes classes. */
final class HawkesEvents {
    private HawkesEvents() {
    }

    /** Every time finite, in [lo, hi], and non-decreasing; the message names the offending index. */
    static void requireSorted(double[] t, double lo, double hi) {
        double prev = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < t.length; i++) {
            double v = t[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("event " + i + " has a non-finite time " + v);
            }
            if (v < lo || v > hi) {
                throw new IllegalArgumentException("event " + i + " at " + v + " is outside [" + lo + ", " + hi + "]");
            }
            if (v < prev) {
                throw new IllegalArgumentException("event times must be sorted: event " + i + " at " + v
                        + " comes after " + prev);
            }
            prev = v;
        }
    }

    static void requireHorizon(double horizon) {
        if (!(horizon > 0) || !Double.isFinite(horizon)) {
            throw new IllegalArgumentException("horizon T must be finite and > 0, got " + horizon);
        }
    }
}
