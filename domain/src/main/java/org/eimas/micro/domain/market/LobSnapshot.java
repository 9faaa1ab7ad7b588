package org.eimas.micro.domain.market;

import java.util.Arrays;

/**
 * A limit order book snapshot with N levels per side, level 1 first.
 *
 * <p>Bids must strictly decrease and asks strictly increase with depth. A level whose price and
 * size are both 0 is empty (a thin book); empty levels may only follow non-empty ones. Prices and
 * sizes must be finite and non-negative. A crossed or locked top of book is accepted (feeds
 * produce them) and reported by {@link #isCrossed()} and {@link #isLocked()}.
 *
 * <p>The arrays are copied on construction; accessors return the value at a level so that no
 * array escapes.
 */
public final class LobSnapshot {
    private final long ts;
    private final String symbol;
    private final double[] bidPx;
    private final double[] bidSz;
    private final double[] askPx;
    private final double[] askSz;

    public LobSnapshot(long ts, String symbol, double[] bidPx, double[] bidSz, double[] askPx, double[] askSz) {
        Validation.requireSymbol(symbol);
        int n = bidPx.length;
        if (n == 0) {
            throw new IllegalArgumentException("a book needs at least one level");
        }
        if (bidSz.length != n || askPx.length != n || askSz.length != n) {
            throw new IllegalArgumentException("level arrays differ in length: bid_px " + bidPx.length
                    + ", bid_sz " + bidSz.length + ", ask_px " + askPx.length + ", ask_sz " + askSz.length);
        }
        this.ts = ts;
        this.symbol = symbol;
        this.bidPx = bidPx.clone();
        this.bidSz = bidSz.clone();
        this.askPx = askPx.clone();
        this.askSz = askSz.clone();
        validateLevels(this.bidPx, this.bidSz, this.askPx, this.askSz, n);
    }

    /**
     * The checks of the constructor on the first {@code n} entries of caller-owned arrays, without
     * building a snapshot (for streaming readers that reuse their arrays).
     *
     * @throws IllegalArgumentException naming the field and value that is wrong
     */
    public static void validateLevels(double[] bidPx, double[] bidSz, double[] askPx, double[] askSz, int n) {
        validateSide("bid", bidPx, bidSz, n, true);
        validateSide("ask", askPx, askSz, n, false);
    }

    private static void validateSide(String side, double[] px, double[] sz, int n, boolean descending) {
        boolean emptySeen = false;
        for (int i = 0; i < n; i++) {
            Validation.requirePrice(side + "_px_" + (i + 1), px[i]);
            Validation.requireSize(side + "_sz_" + (i + 1), sz[i]);
            boolean empty = px[i] == 0 && sz[i] == 0;
            if (empty) {
                emptySeen = true;
                continue;
            }
            if (emptySeen) {
                throw new IllegalArgumentException(side + "_px_" + (i + 1) + " = " + px[i]
                        + " follows an empty level");
            }
            if (i > 0) {
                boolean ordered = descending ? px[i] < px[i - 1] : px[i] > px[i - 1];
                if (!ordered) {
                    throw new IllegalArgumentException(side + "_px_" + (i + 1) + " = " + px[i]
                            + (descending ? " is not below " : " is not above ") + side + "_px_" + i
                            + " = " + px[i - 1] + " (levels must be strictly " + (descending ? "decreasing" : "increasing") + ")");
                }
            }
        }
    }

    public long ts() {
        return ts;
    }

    public String symbol() {
        return symbol;
    }

    /** Number of levels per side (N). */
    public int levels() {
        return bidPx.length;
    }

    /** Bid price at level 1..N. */
    public double bidPrice(int level) {
        return bidPx[level - 1];
    }

    public double bidSize(int level) {
        return bidSz[level - 1];
    }

    public double askPrice(int level) {
        return askPx[level - 1];
    }

    public double askSize(int level) {
        return askSz[level - 1];
    }

    public double bestBid() {
        return bidPx[0];
    }

    public double bestAsk() {
        return askPx[0];
    }

    public double mid() {
        return 0.5 * (bidPx[0] + askPx[0]);
    }

    public double spread() {
        return askPx[0] - bidPx[0];
    }

    /** Spread over mid in basis points. */
    public double spreadBps() {
        double mid = mid();
        return mid > 0 ? spread() / mid * 1e4 : Double.NaN;
    }

    public boolean isCrossed() {
        return bidPx[0] > askPx[0] && bidSz[0] > 0 && askSz[0] > 0;
    }

    public boolean isLocked() {
        return bidPx[0] == askPx[0] && bidSz[0] > 0 && askSz[0] > 0;
    }

    /** Sum of bid sizes over levels 1..depth (capped at N). */
    public double bidDepth(int depth) {
        double s = 0;
        for (int i = 0, n = Math.min(depth, bidSz.length); i < n; i++) {
            s += bidSz[i];
        }
        return s;
    }

    public double askDepth(int depth) {
        double s = 0;
        for (int i = 0, n = Math.min(depth, askSz.length); i < n; i++) {
            s += askSz[i];
        }
        return s;
    }

    /** Copies the four level arrays into caller-owned buffers of length >= N (no allocation). */
    public void copyInto(double[] bidPxOut, double[] bidSzOut, double[] askPxOut, double[] askSzOut) {
        System.arraycopy(bidPx, 0, bidPxOut, 0, bidPx.length);
        System.arraycopy(bidSz, 0, bidSzOut, 0, bidSz.length);
        System.arraycopy(askPx, 0, askPxOut, 0, askPx.length);
        System.arraycopy(askSz, 0, askSzOut, 0, askSz.length);
    }

    public Quote topOfBook() {
        return new Quote(ts, symbol, bidPx[0], bidSz[0], askPx[0], askSz[0]);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LobSnapshot other)) {
            return false;
        }
        return ts == other.ts && symbol.equals(other.symbol) && Arrays.equals(bidPx, other.bidPx)
                && Arrays.equals(bidSz, other.bidSz) && Arrays.equals(askPx, other.askPx)
                && Arrays.equals(askSz, other.askSz);
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(ts) * 31 + symbol.hashCode();
        h = h * 31 + Arrays.hashCode(bidPx);
        return h * 31 + Arrays.hashCode(askPx);
    }

    @Override
    public String toString() {
        return "LobSnapshot[" + ts + " " + symbol + " " + bidSz[0] + "@" + bidPx[0] + " / " + askSz[0] + "@"
                + askPx[0] + ", " + bidPx.length + " levels]";
    }
}
