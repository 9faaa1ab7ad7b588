package org.eimas.micro.domain.queue;

import java.util.Arrays;
import org.eimas.micro.domain.market.PriceUnits;
import org.eimas.micro.domain.market.Side;

/**
 * Queue sizes, queue depletion and fill probabilities from book snapshots, after the queue-position
 * view of Cartea, Jaimungal and Penalva (2015), "Algorithmic and High-Frequency Trading", ch. 10
 * (an order at the back of a queue fills once the volume ahead of it has been executed or
 * cancelled).
 *
 * <p>Depletion of the best queue of a side, between consecutive snapshots: best price unchanged,
 * {@code max(0, old size - new size)} (executions plus cancellations; arrivals join the back and do
 * not help an order already queued); best bid fell (best ask rose), the whole old queue
 * {@code old size} was consumed; best bid rose (ask fell), 0 (a new queue formed in front).
 * Cumulative depletion D(t) is kept per side with its time over a trailing history.
 *
 * <p>Fill probability of an order with q shares ahead over a horizon h, estimated from the data,
 * not from a fixed formula: the fraction of past start times t_i in the history (every snapshot
 * with {@code t_i + h <= } the last snapshot) whose depletion {@code D(t_i + h) - D(t_i)} exceeds q.
 * The design guide's {@code exp(-q / Q)} is kept as {@link #exponentialBaseline}. Queries are
 * O(history) (two pointers); updates are O(levels) with no allocation once the history has grown.
 *
 * <p>Queue modification rate: changes of the size at level m (compared by position, levels 1-5,
 * both sides) per second over the history window, as the design guide counts them.
 */
public final class QueueDepletionModel {
    private final long historyNanos;
    private final int levels;
    private final double[] bidSz;
    private final double[] askSz;
    private final double[] bidPx;
    private final double[] askPx;
    private long prevBid;
    private long prevAsk;
    private boolean primed;
    private double cumBid;
    private double cumAsk;
    // history ring: ts, D_bid, D_ask, modifications in this snapshot
    private long[] ts = new long[256];
    private double[] dBid = new double[256];
    private double[] dAsk = new double[256];
    private int[] mods = new int[256];
    private int head;
    private int size;
    private long modsInHistory;

    public QueueDepletionModel(int levels, long historyNanos) {
        if (levels < 1 || historyNanos <= 0) {
            throw new IllegalArgumentException("need levels >= 1 and a positive history, got " + levels + ", " + historyNanos);
        }
        this.levels = levels;
        this.historyNanos = historyNanos;
        this.bidSz = new double[levels];
        this.askSz = new double[levels];
        this.bidPx = new double[levels];
        this.askPx = new double[levels];
    }

    /** A snapshot (arrays of at least {@code levels} entries, level 1 first). */
    public void onBook(long t, double[] bp, double[] bs, double[] ap, double[] as) {
        long b = PriceUnits.of(bp[0]);
        long a = PriceUnits.of(ap[0]);
        int changes = 0;
        if (primed) {
            if (b == prevBid) {
                cumBid += Math.max(0, bidSz[0] - bs[0]);
            } else if (b < prevBid) {
                cumBid += bidSz[0];
            }
            if (a == prevAsk) {
                cumAsk += Math.max(0, askSz[0] - as[0]);
            } else if (a > prevAsk) {
                cumAsk += askSz[0];
            }
            for (int m = 0, n = Math.min(5, levels); m < n; m++) {
                if (bs[m] != bidSz[m]) {
                    changes++;
                }
                if (as[m] != askSz[m]) {
                    changes++;
                }
            }
        }
        System.arraycopy(bs, 0, bidSz, 0, levels);
        System.arraycopy(as, 0, askSz, 0, levels);
        System.arraycopy(bp, 0, bidPx, 0, levels);
        System.arraycopy(ap, 0, askPx, 0, levels);
        prevBid = b;
        prevAsk = a;
        primed = true;
        append(t, changes);
    }

    private void append(long t, int changes) {
        if (size > 0 && t < ts[(head + size - 1) & (ts.length - 1)]) {
            throw new IllegalArgumentException("timestamps must not decrease: " + t);
        }
        if (size == ts.length) {
            int n = ts.length * 2;
            long[] nts = new long[n];
            double[] nb = new double[n], na = new double[n];
            int[] nm = new int[n];
            for (int k = 0; k < size; k++) {
                int i = (head + k) & (ts.length - 1);
                nts[k] = ts[i];
                nb[k] = dBid[i];
                na[k] = dAsk[i];
                nm[k] = mods[i];
            }
            ts = nts;
            dBid = nb;
            dAsk = na;
            mods = nm;
            head = 0;
        }
        int i = (head + size) & (ts.length - 1);
        ts[i] = t;
        dBid[i] = cumBid;
        dAsk[i] = cumAsk;
        mods[i] = changes;
        size++;
        modsInHistory += changes;
        long cutoff = t - historyNanos;
        while (size > 1 && ts[head] < cutoff) {
            modsInHistory -= mods[head];
            head = (head + 1) & (ts.length - 1);
            size--;
        }
    }

    /** Current queue size at level 1..N of a side (BUY = bid queue, SELL = ask queue). */
    public double queueSize(Side side, int level) {
        return side == Side.BUY ? bidSz[level - 1] : askSz[level - 1];
    }

    public double price(Side side, int level) {
        return side == Side.BUY ? bidPx[level - 1] : askPx[level - 1];
    }

    /** Cumulative depletion of the best queue of a side since the first snapshot. */
    public double cumulativeDepletion(Side side) {
        return side == Side.BUY ? cumBid : cumAsk;
    }

    /**
     * Empirical probability that more than {@code sharesAhead} shares of the side's best queue are
     * depleted within {@code horizonNanos}; NaN when the history holds no complete horizon.
     */
    public double fillProbability(Side side, double sharesAhead, long horizonNanos) {
        double[] d = side == Side.BUY ? dBid : dAsk;
        int mask = ts.length - 1;
        if (size == 0) {
            return Double.NaN;
        }
        long last = ts[(head + size - 1) & mask];
        int windows = 0;
        int hits = 0;
        int j = 0; // index (0-based from head) of the last sample with ts <= t_i + h
        for (int k = 0; k < size; k++) {
            int i = (head + k) & mask;
            long end = ts[i] + horizonNanos;
            if (end > last) {
                break;
            }
            if (j < k) {
                j = k;
            }
            while (j + 1 < size && ts[(head + j + 1) & mask] <= end) {
                j++;
            }
            windows++;
            if (d[(head + j) & mask] - d[i] > sharesAhead) {
                hits++;
            }
        }
        return windows == 0 ? Double.NaN : (double) hits / windows;
    }

    /** The design guide's baseline {@code exp(-q / Q)} (1 for an empty queue). */
    public static double exponentialBaseline(double sharesAhead, double queueSize) {
        return queueSize > 0 ? Math.exp(-sharesAhead / queueSize) : 1.0;
    }

    /**
     * The most passive price whose back-of-queue order (shares ahead = sizes of levels 1..m) reaches
     * the target fill probability over the horizon; if none does, the best price improved by one
     * tick (a new best queue of its own). NaN without a complete horizon in the history.
     */
    public double bestPriceFor(Side side, double targetProbability, long horizonNanos, double tick) {
        double ahead = 0;
        double best = Double.NaN;
        for (int m = 1; m <= levels; m++) {
            double px = price(side, m);
            double q = queueSize(side, m);
            if (px == 0 && q == 0) {
                break; // empty level
            }
            ahead += q;
            double p = fillProbability(side, ahead, horizonNanos);
            if (Double.isNaN(p)) {
                return Double.NaN;
            }
            if (p >= targetProbability) {
                best = px;
            } else {
                break; // deeper levels have even more ahead
            }
        }
        if (!Double.isNaN(best)) {
            return best;
        }
        return side == Side.BUY ? price(side, 1) + tick : price(side, 1) - tick;
    }

    /** Level-size changes (levels 1-5, both sides) per second over the history window. */
    public double modificationRate() {
        if (size < 2) {
            return 0;
        }
        int mask = ts.length - 1;
        long span = ts[(head + size - 1) & mask] - ts[head];
        return span > 0 ? (modsInHistory - mods[head]) / (span / 1e9) : 0;
    }

    /** Snapshots in the history. */
    public int historySize() {
        return size;
    }

    @Override
    public String toString() {
        return "QueueDepletionModel[bid " + Arrays.toString(bidSz) + ", ask " + Arrays.toString(askSz) + "]";
    }
}
