package org.eimas.micro.replay.csv;

/** Receives quote rows as primitives; sizes are NaN when the file has no size columns. */
@FunctionalInterface
public interface QuoteRowHandler {
    void onQuote(long ts, String symbol, double bid, double ask, double bidSize, double askSize);
}
