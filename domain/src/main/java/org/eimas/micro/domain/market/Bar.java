package org.eimas.micro.domain.market;

/**
 * A time bar: OHLC of the mid price, traded volume and VWAP over [ts, ts + interval), plus the
 * last book's top of book. Fields without data are NaN (e.g. VWAP of a bar without trades).
 */
public record Bar(long ts, String symbol, double open, double high, double low, double close, double volume,
                  double vwap, double lastBid, double lastAsk) {
    public Bar {
        Validation.requireSymbol(symbol);
    }
}
