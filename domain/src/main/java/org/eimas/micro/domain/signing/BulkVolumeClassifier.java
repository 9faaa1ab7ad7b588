package org.eimas.micro.domain.signing;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Bulk volume classification (Easley, López de Prado and O'Hara 2012, "Flow toxicity and liquidity
 * in a high-frequency world", Rev. Financial Studies 25(5), section 2.2, eq. (8)): trades are
 * aggregated into time bars aligned to the epoch ({@code bar = floor(ts / barLength)}), empty bars
 * do not exist; with {@code P_i} the last trade price of bar i and {@code dP_i = P_i - P_{i-1}},
 *
 * <pre>
 * V_i^B = V_i * Phi(dP_i / sigma),   V_i^S = V_i - V_i^B
 * </pre>
 *
 * where sigma is the sample standard deviation (n - 1) of all dP_i. The first bar has no dP: it gets
 * buy fraction 1/2 and is left out of sigma; {@code sigma = 0} or fewer than two dP give 1/2 to every
 * bar. Because sigma is a statistic of the whole sample, classification happens after the last
 * trade: {@link #add} aggregates bars (O(1) per trade, memory O(bars), arrays grow by doubling),
 * {@link #classify()} computes the fractions.
 *
 * <p>Phi defaults to {@link StandardNormal#cdf}; another CDF (commons-math3, say) can be passed in.
 */
public final class BulkVolumeClassifier {
    private final long barNanos;
    private final DoubleUnaryOperator cdf;
    private long[] barIndex = new long[256];
    private long[] endTs = new long[256];
    private double[] lastPx = new double[256];
    private long[] volume = new long[256];
    private double[] buyFraction;
    private int bars;
    private double sigma = Double.NaN;

    public BulkVolumeClassifier(long barNanos) {
        this(barNanos, StandardNormal::cdf);
    }

    public BulkVolumeClassifier(long barNanos, DoubleUnaryOperator cdf) {
        if (barNanos <= 0) {
            throw new IllegalArgumentException("bar length must be > 0 ns, got " + barNanos);
        }
        this.barNanos = barNanos;
        this.cdf = cdf;
    }

    /**
     * Adds a trade. {@code volume} is in the caller's unit (shares, cents of dollar volume, ...);
     * timestamps must not decrease.
     */
    public void add(long ts, double price, long volumeUnits) {
        if (buyFraction != null) {
            throw new IllegalStateException("classify() was called: no more trades");
        }
        long b = Math.floorDiv(ts, barNanos);
        if (bars == 0 || b != barIndex[bars - 1]) {
            if (bars > 0 && b < barIndex[bars - 1]) {
                throw new IllegalArgumentException("timestamps must not decrease: bar " + b + " after " + barIndex[bars - 1]);
            }
            if (bars == barIndex.length) {
                int n = bars * 2;
                barIndex = Arrays.copyOf(barIndex, n);
                endTs = Arrays.copyOf(endTs, n);
                lastPx = Arrays.copyOf(lastPx, n);
                volume = Arrays.copyOf(volume, n);
            }
            barIndex[bars] = b;
            volume[bars] = 0;
            bars++;
        }
        int i = bars - 1;
        endTs[i] = ts;
        lastPx[i] = price;
        volume[i] += volumeUnits;
    }

    /** Computes sigma and every bar's buy fraction; call once, after the last trade. */
    public void classify() {
        buyFraction = new double[Math.max(bars, 1)];
        // sample standard deviation of dP_1..dP_{bars-1}, two-pass
        int m = bars - 1;
        double s = 0;
        if (m >= 2) {
            double mean = 0;
            for (int i = 1; i < bars; i++) {
                mean += lastPx[i] - lastPx[i - 1];
            }
            mean /= m;
            double ss = 0;
            for (int i = 1; i < bars; i++) {
                double d = lastPx[i] - lastPx[i - 1] - mean;
                ss += d * d;
            }
            s = Math.sqrt(ss / (m - 1));
        }
        sigma = m >= 2 ? s : Double.NaN;
        for (int i = 0; i < bars; i++) {
            buyFraction[i] = (i == 0 || !(s > 0)) ? 0.5 : cdf.applyAsDouble((lastPx[i] - lastPx[i - 1]) / s);
        }
    }

    public int bars() {
        return bars;
    }

    /** ts of the last trade of bar i (0-based). */
    public long barEndTs(int i) {
        return endTs[i];
    }

    public long barVolume(int i) {
        return volume[i];
    }

    public double barLastPrice(int i) {
        return lastPx[i];
    }

    /** Phi(dP_i / sigma), or 1/2 (see the class comment); after {@link #classify()}. */
    public double buyFraction(int i) {
        if (buyFraction == null) {
            throw new IllegalStateException("call classify() first");
        }
        return buyFraction[i];
    }

    /** The sigma used (NaN with fewer than two price changes). */
    public double sigma() {
        return sigma;
    }
}
