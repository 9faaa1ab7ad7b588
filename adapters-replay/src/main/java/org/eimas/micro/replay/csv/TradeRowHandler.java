package org.eimas.micro.replay.csv;

/** Receives trade rows as primitives; bid and ask are NaN when the file has no quote columns. */
@FunctionalInterface
public interface TradeRowHandler {
    void onTrade(long ts, String symbol, double price, double size, double bid, double ask);
}
