package org.eimas.micro.domain.vpin;

/**
 * Volume-synchronized probability of informed trading (Easley, López de Prado and O'Hara 2012,
 * "Flow toxicity and liquidity in a high-frequency world", Rev. Financial Studies 25(5), section 2,
 * eq. (9)/(10)):
 *
 * <pre>
 * VPIN_k = sum_{j = k-n+1..k} |V_j^B - V_j^S| / (n V)
 * </pre>
 *
 * over volume buckets of exactly V units, reported for every bucket {@code k >= n}.
 *
 * <p>Volume is counted in whole units (a long): the caller chooses the unit, e.g. 1e-6 share for
 * share buckets or one cent for dollar buckets, so bucket boundaries are exact and never drift by
 * rounding. A trade that does not fit in the current bucket is split pro rata across buckets, each
 * part keeping the trade's buy fraction (1 for a buy, 0 for a sell by the tick rule; the bar's
 * {@code Phi(dP/sigma)} with bulk volume classification). A trade of 0 units never completes a
 * bucket; the unfinished last bucket is never reported.
 *
 * <p>O(1) per trade plus O(1) per completed bucket, no allocation: a ring of the last n bucket
 * imbalances and their running sum (recomputed from the ring each time it wraps, so it cannot drift).
 */
public final class Vpin {
    private final long bucketUnits;
    private final int n;
    private final double unitsPerReported;
    private final double[] imbalance;
    private int ringPos;
    private double imbalanceSum;
    private long filled;
    private double buy;
    private long buckets;
    private double last = Double.NaN;

    /**
     * @param bucketUnits      V in volume units (> 0)
     * @param n                buckets per VPIN value (> 0)
     * @param unitsPerReported volume units per reported unit (1e6 when units are 1e-6 share, 100 for cents)
     */
    public Vpin(long bucketUnits, int n, double unitsPerReported) {
        if (bucketUnits <= 0) {
            throw new IllegalArgumentException("bucket size must be > 0 units, got " + bucketUnits);
        }
        if (n <= 0) {
            throw new IllegalArgumentException("buckets per VPIN must be > 0, got " + n);
        }
        if (!(unitsPerReported > 0)) {
            throw new IllegalArgumentException("units per reported unit must be > 0, got " + unitsPerReported);
        }
        this.bucketUnits = bucketUnits;
        this.n = n;
        this.unitsPerReported = unitsPerReported;
        this.imbalance = new double[n];
    }

    /** A signed trade: {@code sign > 0} buy, {@code sign < 0} sell. Returns the number of buckets it completed. */
    public int addSigned(long ts, long units, int sign, BucketListener listener) {
        if (sign == 0) {
            throw new IllegalArgumentException("a trade sign must be +1 or -1, got 0");
        }
        return add(ts, units, sign > 0 ? 1.0 : 0.0, listener);
    }

    /**
     * Adds {@code units} of volume of which the fraction {@code buyFraction} (0..1) is buying.
     * Returns the number of buckets completed (each is passed to {@code listener}).
     */
    public int add(long ts, long units, double buyFraction, BucketListener listener) {
        if (units < 0) {
            throw new IllegalArgumentException("volume must be >= 0 units, got " + units);
        }
        if (!(buyFraction >= 0 && buyFraction <= 1)) {
            throw new IllegalArgumentException("buy fraction must be in [0, 1], got " + buyFraction);
        }
        int completed = 0;
        while (units > 0) {
            long part = Math.min(units, bucketUnits - filled);
            buy += buyFraction * part;
            filled += part;
            units -= part;
            if (filled == bucketUnits) {
                complete(ts, listener);
                completed++;
            }
        }
        return completed;
    }

    private void complete(long ts, BucketListener listener) {
        double sell = bucketUnits - buy;
        double imb = Math.abs(buy - sell);
        buckets++;
        imbalanceSum += imb - imbalance[ringPos];
        imbalance[ringPos] = imb;
        ringPos++;
        if (ringPos == n) {
            ringPos = 0;
            double s = 0;
            for (double v : imbalance) {
                s += v;
            }
            imbalanceSum = s;
        }
        double vpin = buckets >= n ? imbalanceSum / ((double) n * bucketUnits) : Double.NaN;
        last = vpin;
        listener.onBucket(buckets, ts, buy / unitsPerReported, sell / unitsPerReported, vpin);
        buy = 0;
        filled = 0;
    }

    /** The latest VPIN (NaN before n buckets). */
    public double last() {
        return last;
    }

    /** Completed buckets. */
    public long buckets() {
        return buckets;
    }

    /** Units in the unfinished current bucket. */
    public long pendingUnits() {
        return filled;
    }

    public int n() {
        return n;
    }

    public long bucketUnits() {
        return bucketUnits;
    }
}
