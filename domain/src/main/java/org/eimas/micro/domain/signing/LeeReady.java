package org.eimas.micro.domain.signing;

import org.eimas.micro.domain.market.PriceUnits;

/**
 * The Lee-Ready algorithm (Lee and Ready 1991, "Inferring trade direction from intraday data",
 * J. Finance 46(2)): the quote rule against the prevailing quote, the tick rule at the midpoint
 * and when no quote has been seen. The caller decides which quote prevails: it calls
 * {@link #onQuote} for every quote with {@code quote ts <= trade ts} (file order) before
 * {@link #sign}. No quote delay is applied (the 5-second lag of the 1991 paper belongs to 1980s
 * reporting; modern feeds timestamp both consistently).
 *
 * <p>The tick rule sees every trade, whatever rule decides it. O(1), no allocation.
 */
public final class LeeReady {
    private final TickRule tick = new TickRule();
    private long bidPlusAsk;
    private boolean haveQuote;

    /** The new prevailing quote. */
    public void onQuote(double bid, double ask) {
        bidPlusAsk = PriceUnits.of(bid) + PriceUnits.of(ask);
        haveQuote = true;
    }

    /** Classifies a trade: +1 buyer-initiated, -1 seller-initiated. */
    public int sign(double price) {
        int t = tick.sign(price);
        if (!haveQuote) {
            return t;
        }
        return QuoteRule.signUnits(2 * PriceUnits.of(price), bidPlusAsk, t);
    }

    public boolean hasQuote() {
        return haveQuote;
    }
}
