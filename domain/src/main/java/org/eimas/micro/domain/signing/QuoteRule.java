package org.eimas.micro.domain.signing;

import org.eimas.micro.domain.market.PriceUnits;

/**
 * The quote rule (Lee and Ready 1991, section II): a trade above the quote midpoint is a buy (+1),
 * below it a sell (-1); a trade at the midpoint gets the tick-rule sign. The midpoint test is exact:
 * {@code 2 price} is compared with {@code bid + ask} in integer {@link PriceUnits}.
 */
public final class QuoteRule {
    private QuoteRule() {
    }

    /**
     * @param tickSign the tick-rule sign of this trade, used at the midpoint
     * @return +1, -1, or {@code tickSign} at the midpoint
     */
    public static int sign(double price, double bid, double ask, int tickSign) {
        if (!(bid >= 0) || !(ask >= 0) || Double.isInfinite(bid) || Double.isInfinite(ask)) {
            throw new IllegalArgumentException("the quote rule needs a bid and an ask, got bid " + bid + ", ask " + ask);
        }
        return signUnits(2 * PriceUnits.of(price), PriceUnits.of(bid) + PriceUnits.of(ask), tickSign);
    }

    /** Same test on integer prices: {@code twicePrice} against {@code bid + ask}. */
    static int signUnits(long twicePrice, long bidPlusAsk, int tickSign) {
        return twicePrice > bidPlusAsk ? 1 : twicePrice < bidPlusAsk ? -1 : tickSign;
    }
}
