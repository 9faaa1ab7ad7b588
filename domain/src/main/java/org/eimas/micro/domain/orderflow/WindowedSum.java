package org.eimas.micro.domain.orderflow;

/**
 * Sum of values over a trailing time window {@code [t - W, t]}, both ends inclusive, by time.
 *
 * <p>Values arrive with non-decreasing timestamps through {@link #add}; {@link #sum(long)} drops
 * the values older than {@code t - W} and returns the running sum of the rest. O(1) amortized per
 * value: a growable ring buffer (it doubles when full, so it allocates only while the window's
 * population reaches a new maximum) and a running sum. To keep the running sum from drifting with
 * non-integer values it is recomputed from the buffer after every {@code size + 1024} evictions
 * (amortized O(1)); with whole-number values, as OFI of share sizes is, the sum is exact anyway.
 */
public final class WindowedSum {
    private final long windowNanos;
    private long[] ts;
    private double[] val;
    private int head;
    private int size;
    private double sum;
    private long lastTs = Long.MIN_VALUE;
    private int evictionsSinceResum;

    public WindowedSum(long windowNanos) {
        if (windowNanos < 0) {
            throw new IllegalArgumentException("window must be >= 0 ns, got " + windowNanos);
        }
        this.windowNanos = windowNanos;
        this.ts = new long[64];
        this.val = new double[64];
    }

    public long windowNanos() {
        return windowNanos;
    }

    /** Adds a value at time {@code t} (epoch ns, not before the previous one). */
    public void add(long t, double v) {
        if (t < lastTs) {
            throw new IllegalArgumentException("timestamps must not decrease: " + t + " after " + lastTs);
        }
        lastTs = t;
        if (size == ts.length) {
            grow();
        }
        int i = (head + size) & (ts.length - 1);
        ts[i] = t;
        val[i] = v;
        size++;
        sum += v;
    }

    /** Sum of the values with {@code t - W <= ts <= t}; values added so far must not be later than {@code t}. */
    public double sum(long t) {
        long cutoff = t - windowNanos;
        int mask = ts.length - 1;
        while (size > 0 && ts[head] < cutoff) {
            sum -= val[head];
            head = (head + 1) & mask;
            size--;
            evictionsSinceResum++;
        }
        if (size == 0) {
            sum = 0;
            evictionsSinceResum = 0;
        } else if (evictionsSinceResum > size + 1024) {
            double s = 0;
            for (int k = 0, i = head; k < size; k++, i = (i + 1) & mask) {
                s += val[i];
            }
            sum = s;
            evictionsSinceResum = 0;
        }
        return sum;
    }

    /** Number of values in the window as of the last {@link #sum(long)} call (plus later adds). */
    public int size() {
        return size;
    }

    private void grow() {
        int n = ts.length;
        long[] nts = new long[n * 2];
        double[] nval = new double[n * 2];
        for (int k = 0; k < size; k++) {
            int i = (head + k) & (n - 1);
            nts[k] = ts[i];
            nval[k] = val[i];
        }
        ts = nts;
        val = nval;
        head = 0;
    }
}
