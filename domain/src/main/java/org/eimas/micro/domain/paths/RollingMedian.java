package org.eimas.micro.domain.paths;

import java.util.Arrays;

/**
 * Median of the last N observations: a ring (for eviction order) and a sorted copy (binary search,
 * one array shift per update: O(N) per observation, for the few-per-minute observations of the
 * critical paths). The median of an even count is the mean of the two middle values.
 */
public final class RollingMedian {
    private final double[] ring;
    private final double[] sorted;
    private int pos;
    private int count;

    public RollingMedian(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        ring = new double[window];
        sorted = new double[window];
    }

    public void add(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("observation must be finite, got " + x);
        }
        if (count == ring.length) {
            int i = Arrays.binarySearch(sorted, 0, count, ring[pos]);
            System.arraycopy(sorted, i + 1, sorted, i, count - i - 1);
            count--;
        }
        ring[pos] = x;
        pos = pos + 1 == ring.length ? 0 : pos + 1;
        int lo = 0, hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        System.arraycopy(sorted, lo, sorted, lo + 1, count - lo);
        sorted[lo] = x;
        count++;
    }

    /** The median, NaN when empty. */
    public double median() {
        if (count == 0) {
            return Double.NaN;
        }
        int h = count / 2;
        return (count & 1) == 1 ? sorted[h] : 0.5 * (sorted[h - 1] + sorted[h]);
    }

    public int count() {
        return count;
    }
}
