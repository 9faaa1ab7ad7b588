package org.eimas.micro.domain.paths;

/**
 * z-score of the newest observation within the last N observations (itself included):
 * {@code z = (x - mean) / sd}, sd the population standard deviation of the window (as the design
 * guide's {@code np.std}). NaN until {@code minObservations} values are in and when sd = 0.
 *
 * <p>O(1) per observation: a ring with running sum and sum of squares (shifted by the first value
 * to limit cancellation), recomputed from the ring each time it wraps so nothing drifts.
 */
public final class RollingZScore {
    private final double[] ring;
    private final int minObservations;
    private int pos;
    private int count;
    private double shift;
    private double sum;
    private double sumSq;

    public RollingZScore(int window, int minObservations) {
        if (window < 2 || minObservations < 2 || minObservations > window) {
            throw new IllegalArgumentException("need 2 <= minObservations <= window, got " + minObservations + ", " + window);
        }
        this.ring = new double[window];
        this.minObservations = minObservations;
    }

    /** Adds x and returns its z-score in the window (NaN, see class comment). */
    public double add(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("observation must be finite, got " + x);
        }
        if (count == 0) {
            shift = x;
        }
        if (count == ring.length) {
            double old = ring[pos] - shift;
            sum -= old;
            sumSq -= old * old;
        } else {
            count++;
        }
        ring[pos] = x;
        double d = x - shift;
        sum += d;
        sumSq += d * d;
        pos++;
        if (pos == ring.length) {
            pos = 0;
            // re-centre on the window's mean and recompute: no drift, little cancellation
            double m = shift + sum / count;
            double s = 0, q = 0;
            for (int i = 0; i < count; i++) {
                double e = ring[i] - m;
                s += e;
                q += e * e;
            }
            shift = m;
            sum = s;
            sumSq = q;
        }
        if (count < minObservations) {
            return Double.NaN;
        }
        double ms = sum / count;
        double var = sumSq / count - ms * ms;
        double mean = shift + ms;
        if (!(var > 1e-24 * (mean * mean + 1e-300))) {
            return Double.NaN;
        }
        return (x - mean) / Math.sqrt(var);
    }

    public int count() {
        return count;
    }
}
