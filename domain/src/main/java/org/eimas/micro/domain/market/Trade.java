package org.eimas.micro.domain.market;

import java.util.Objects;

/**
 * One print on the tape.
 *
 * @param ts        epoch nanoseconds, UTC
 * @param symbol    instrument
 * @param price     trade price (finite, non-negative)
 * @param size      shares (finite, non-negative; size-0 prints exist in real feeds)
 * @param aggressor the initiating side when the feed says so, else {@link Side#UNKNOWN}
 */
public record Trade(long ts, String symbol, double price, double size, Side aggressor) {
    public Trade {
        Validation.requireSymbol(symbol);
        Validation.requirePrice("price", price);
        Validation.requireSize("size", size);
        Objects.requireNonNull(aggressor, "aggressor");
    }

    public Trade(long ts, String symbol, double price, double size) {
        this(ts, symbol, price, size, Side.UNKNOWN);
    }

    /** price * size. */
    public double dollarVolume() {
        return price * size;
    }

    public Trade withAggressor(Side side) {
        return new Trade(ts, symbol, price, size, side);
    }
}
