package org.eimas.micro.domain.vpin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Crash alerts from VPIN.
 *
 * <ul>
 *   <li>FIXED basis (the design guide's levels): VPIN &gt; 0.6 ELEVATED (MONITOR_CLOSELY), &gt; 0.7 HIGH
 *       (TIGHTEN_STOPS), &gt; 0.8 CRITICAL (REDUCE_EXPOSURE_IMMEDIATELY).</li>
 *   <li>CDF basis (Easley, López de Prado and O'Hara 2012, section 4: VPIN is read through its
 *       empirical distribution, alerts at high CDF values): the empirical CDF of the new VPIN over
 *       the trailing history of the last H values including itself, {@code F(v) = #{h <= v} / |history|};
 *       F &gt; 0.90 ELEVATED, &gt; 0.95 HIGH, &gt; 0.99 CRITICAL. Until the history holds
 *       {@code minHistory} values the CDF is NaN and the CDF level is NONE.</li>
 * </ul>
 *
 * <p>Trend: ordinary least squares slope b of the last k VPIN values (fewer while fewer exist,
 * at least 3) against their index 0..k-1, with {@code t = b / se(b)},
 * {@code se(b)^2 = (SSR / (k - 2)) / sum (i - mean i)^2}. RISING when {@code t > 2}, FALLING when
 * {@code t < -2}, else STABLE (a residual-free line counts by the sign of b).
 *
 * <p>Per VPIN value (once per bucket, not per trade): O(log H + H) for the sorted history
 * (binary search and one array shift), O(k) for the trend; nothing is allocated except a
 * {@link CrashAlert} when an alert is raised. The last {@code alertCapacity} alerts are kept.
 */
public final class CrashDetector {
    /** Which thresholds decide the alert level. */
    public enum Basis { FIXED, CDF }

    private final Basis basis;
    private final int historySize;
    private final int minHistory;
    private final double[] ring;
    private final double[] sorted;
    private int ringPos;
    private int count;
    private final double[] recent;
    private int recentPos;
    private int recentCount;
    private final int alertCapacity;
    private final ArrayDeque<CrashAlert> alerts;

    private double lastVpin = Double.NaN;
    private double lastCdf = Double.NaN;
    private AlertLevel fixedLevel = AlertLevel.NONE;
    private AlertLevel cdfLevel = AlertLevel.NONE;

    /**
     * @param basis         FIXED or CDF thresholds decide {@link #level()}
     * @param historySize   H, VPIN values in the trailing history of the CDF
     * @param minHistory    values needed before the CDF is used (1..H)
     * @param trendLookback k, values in the trend test (>= 3)
     * @param alertCapacity alerts kept in the history
     */
    public CrashDetector(Basis basis, int historySize, int minHistory, int trendLookback, int alertCapacity) {
        if (historySize < 1 || minHistory < 1 || minHistory > historySize) {
            throw new IllegalArgumentException("need 1 <= minHistory <= historySize, got " + minHistory + ", " + historySize);
        }
        if (trendLookback < 3) {
            throw new IllegalArgumentException("trend lookback must be >= 3, got " + trendLookback);
        }
        if (alertCapacity < 0) {
            throw new IllegalArgumentException("alert capacity must be >= 0, got " + alertCapacity);
        }
        this.basis = basis;
        this.historySize = historySize;
        this.minHistory = minHistory;
        this.ring = new double[historySize];
        this.sorted = new double[historySize];
        this.recent = new double[trendLookback];
        this.alertCapacity = alertCapacity;
        this.alerts = new ArrayDeque<>(Math.min(alertCapacity, 1024) + 1);
    }

    /** Defaults: CDF basis, H = 1000, at least 50 values, trend over 12, 1000 alerts kept. */
    public static CrashDetector withDefaults() {
        return new CrashDetector(Basis.CDF, 1000, 50, 12, 1000);
    }

    /** Takes the next VPIN value; returns the alert raised, or null when the level is NONE. */
    public CrashAlert update(long ts, double vpin) {
        if (!(vpin >= 0 && vpin <= 1)) {
            throw new IllegalArgumentException("VPIN must be in [0, 1], got " + vpin);
        }
        // trailing history: drop the oldest, insert the new value in sorted order
        if (count == historySize) {
            double old = ring[ringPos];
            int i = Arrays.binarySearch(sorted, 0, count, old);
            System.arraycopy(sorted, i + 1, sorted, i, count - i - 1);
            count--;
        }
        ring[ringPos] = vpin;
        ringPos = ringPos + 1 == historySize ? 0 : ringPos + 1;
        int ins = upperBound(sorted, count, vpin);
        System.arraycopy(sorted, ins, sorted, ins + 1, count - ins);
        sorted[ins] = vpin;
        count++;
        recent[recentPos] = vpin;
        recentPos = (recentPos + 1) % recent.length;
        if (recentCount < recent.length) {
            recentCount++;
        }

        lastVpin = vpin;
        lastCdf = count >= minHistory ? (double) upperBound(sorted, count, vpin) / count : Double.NaN;
        fixedLevel = vpin > 0.8 ? AlertLevel.CRITICAL : vpin > 0.7 ? AlertLevel.HIGH : vpin > 0.6 ? AlertLevel.ELEVATED : AlertLevel.NONE;
        cdfLevel = Double.isNaN(lastCdf) ? AlertLevel.NONE
                : lastCdf > 0.99 ? AlertLevel.CRITICAL : lastCdf > 0.95 ? AlertLevel.HIGH : lastCdf > 0.90 ? AlertLevel.ELEVATED : AlertLevel.NONE;
        AlertLevel level = level();
        if (level == AlertLevel.NONE) {
            return null;
        }
        CrashAlert a = new CrashAlert(ts, vpin, lastCdf, level, basis, trend());
        if (alertCapacity > 0) {
            if (alerts.size() == alertCapacity) {
                alerts.removeFirst();
            }
            alerts.addLast(a);
        }
        return a;
    }

    /** Number of entries of {@code a[0..n)} that are <= v (a sorted). */
    private static int upperBound(double[] a, int n, double v) {
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The level on the detector's basis for the last value. */
    public AlertLevel level() {
        return basis == Basis.FIXED ? fixedLevel : cdfLevel;
    }

    public AlertLevel fixedLevel() {
        return fixedLevel;
    }

    public AlertLevel cdfLevel() {
        return cdfLevel;
    }

    public double lastVpin() {
        return lastVpin;
    }

    /** Empirical CDF of the last value over the trailing history (NaN before minHistory values). */
    public double lastCdf() {
        return lastCdf;
    }

    public Basis basis() {
        return basis;
    }

    /** The trend over the last k values (STABLE with fewer than 3). */
    public VpinTrend trend() {
        int k = recentCount;
        if (k < 3) {
            return VpinTrend.STABLE;
        }
        int start = recentCount < recent.length ? 0 : recentPos;
        double mi = (k - 1) / 2.0;
        double my = 0;
        for (int j = 0; j < k; j++) {
            my += recent[(start + j) % recent.length];
        }
        my /= k;
        double sxx = 0, sxy = 0, syy = 0;
        for (int j = 0; j < k; j++) {
            double dx = j - mi;
            double dy = recent[(start + j) % recent.length] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        double b = sxy / sxx;
        double ssr = Math.max(0, syy - b * sxy);
        if (ssr <= 1e-15 * Math.max(syy, 1e-300)) {
            return b > 0 ? VpinTrend.RISING : b < 0 ? VpinTrend.FALLING : VpinTrend.STABLE;
        }
        double t = b / Math.sqrt(ssr / (k - 2) / sxx);
        return t > 2 ? VpinTrend.RISING : t < -2 ? VpinTrend.FALLING : VpinTrend.STABLE;
    }

    /** The kept alerts, oldest first (a copy). */
    public List<CrashAlert> alerts() {
        return new ArrayList<>(alerts);
    }
}
