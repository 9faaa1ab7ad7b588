package org.eimas.micro.domain.market;

/**
 * Top of book. Sizes are 0 when the source does not give them.
 * A crossed ({@code bid > ask}) or locked ({@code bid == ask}) quote is accepted, as real feeds
 * produce them, and reported by {@link #isCrossed()} / {@link #isLocked()}.
 */
public record Quote(long ts, String symbol, double bid, double bidSize, double ask, double askSize) {
    public Quote {
        Validation.requireSymbol(symbol);
        Validation.requirePrice("bid", bid);
        Validation.requireSize("bid_sz", bidSize);
        Validation.requirePrice("ask", ask);
        Validation.requireSize("ask_sz", askSize);
    }

    public Quote(long ts, String symbol, double bid, double ask) {
        this(ts, symbol, bid, 0, ask, 0);
    }

    public double mid() {
        return 0.5 * (bid + ask);
    }

    public double spread() {
        return ask - bid;
    }

    public double spreadBps() {
        double mid = mid();
        return mid > 0 ? (ask - bid) / mid * 1e4 : Double.NaN;
    }

    public boolean isCrossed() {
        return bid > ask;
    }

    public boolean isLocked() {
        return bid == ask;
    }

    /** A one-level book from this quote. */
    public LobSnapshot toSnapshot() {
        return new LobSnapshot(ts, symbol, new double[] {bid}, new double[] {bidSize},
                new double[] {ask}, new double[] {askSize});
    }
}
