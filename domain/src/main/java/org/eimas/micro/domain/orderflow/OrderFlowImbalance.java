package org.eimas.micro.domain.orderflow;

import org.eimas.micro.domain.market.PriceUnits;

/**
 * Multi-level order flow imbalance of consecutive book snapshots.
 *
 * <p>Cont, Kukanov and Stoikov (2014), "The price impact of order book events", J. Financial
 * Econometrics 12(1), eq. (2) for level 1, extended level by level as in Xu, Gould and Howison
 * (2019), "Multi-level order-flow imbalance in a limit order book", eq. (5). For snapshots n-1, n
 * and level m (compared by position with level m of the previous snapshot):
 *
 * <pre>
 * e_n(m) = 1{Pb_n &gt;= Pb_{n-1}} qb_n - 1{Pb_n &lt;= Pb_{n-1}} qb_{n-1}
 *        - 1{Pa_n &lt;= Pa_{n-1}} qa_n + 1{Pa_n &gt;= Pa_{n-1}} qa_{n-1}
 * </pre>
 *
 * and e = 0 for the first snapshot. When the bid price rises the whole new size counts (not the
 * size change); when it is unchanged the size change counts; when it falls the whole old size is
 * removed. Prices are compared exactly, as integers of {@link PriceUnits}. An empty level (price
 * 0, size 0) enters the formula like any other level.
 *
 * <p>O(levels) per snapshot, no allocation: the previous snapshot is kept in primitive arrays.
 */
public final class OrderFlowImbalance {
    private final int levels;
    private final long[] prevBidPx;
    private final double[] prevBidSz;
    private final long[] prevAskPx;
    private final double[] prevAskSz;
    private final double[] e;
    private boolean primed;
    private long count;

    public OrderFlowImbalance(int levels) {
        if (levels < 1) {
            throw new IllegalArgumentException("levels must be at least 1, got " + levels);
        }
        this.levels = levels;
        this.prevBidPx = new long[levels];
        this.prevBidSz = new double[levels];
        this.prevAskPx = new long[levels];
        this.prevAskSz = new double[levels];
        this.e = new double[levels];
    }

    public int levels() {
        return levels;
    }

    /**
     * Takes the next snapshot (arrays of at least {@link #levels()} entries, level 1 first; they are
     * read, not kept) and returns e_n(1). The per-level values are then available from {@link #ofi(int)}.
     */
    public double update(double[] bidPx, double[] bidSz, double[] askPx, double[] askSz) {
        if (bidPx.length < levels || bidSz.length < levels || askPx.length < levels || askSz.length < levels) {
            throw new IllegalArgumentException("a snapshot needs " + levels + " levels, got arrays of length "
                    + bidPx.length + "/" + bidSz.length + "/" + askPx.length + "/" + askSz.length);
        }
        for (int m = 0; m < levels; m++) {
            long pb = PriceUnits.of(bidPx[m]);
            long pa = PriceUnits.of(askPx[m]);
            double qb = bidSz[m];
            double qa = askSz[m];
            if (primed) {
                e[m] = contribution(prevBidPx[m], prevBidSz[m], prevAskPx[m], prevAskSz[m], pb, qb, pa, qa);
            }
            prevBidPx[m] = pb;
            prevBidSz[m] = qb;
            prevAskPx[m] = pa;
            prevAskSz[m] = qa;
        }
        primed = true;
        count++;
        return e[0];
    }

    /**
     * The formula for one level, prices as exact integers (any common unit).
     */
    public static double contribution(long prevBidPx, double prevBidSz, long prevAskPx, double prevAskSz,
                                      long bidPx, double bidSz, long askPx, double askSz) {
        double v = 0;
        if (bidPx >= prevBidPx) {
            v += bidSz;
        }
        if (bidPx <= prevBidPx) {
            v -= prevBidSz;
        }
        if (askPx <= prevAskPx) {
            v -= askSz;
        }
        if (askPx >= prevAskPx) {
            v += prevAskSz;
        }
        return v;
    }

    /** e_n(level) of the last snapshot, level 1..N; 0 before the second snapshot. */
    public double ofi(int level) {
        return e[level - 1];
    }

    /** Number of snapshots taken. */
    public long count() {
        return count;
    }

    /** Forgets the previous snapshot: the next one is treated as the first (e = 0). */
    public void reset() {
        primed = false;
        count = 0;
        java.util.Arrays.fill(e, 0);
    }
}
