package org.eimas.micro.domain.signing;

import org.eimas.micro.domain.market.PriceUnits;

/**
 * The tick rule (Lee and Ready 1991, "Inferring trade direction from intraday data", J. Finance
 * 46(2), section II): +1 on an up-tick, -1 on a down-tick, and a zero tick takes the sign of the
 * previous trade (the zero-uptick/zero-downtick rule). The first trade is +1 by convention. Every
 * trade counts, size-0 prints included. Prices are compared exactly ({@link PriceUnits}).
 *
 * <p>O(1), no allocation: two primitive fields.
 */
public final class TickRule {
    private long lastPx;
    private int lastSign;
    private boolean any;

    /** Classifies the next trade and remembers it; returns +1 or -1. */
    public int sign(double price) {
        long p = PriceUnits.of(price);
        int s;
        if (!any) {
            s = 1;
            any = true;
        } else if (p > lastPx) {
            s = 1;
        } else if (p < lastPx) {
            s = -1;
        } else {
            s = lastSign;
        }
        lastPx = p;
        lastSign = s;
        return s;
    }

    /** Sign of the last trade (0 before the first). */
    public int lastSign() {
        return lastSign;
    }

    public void reset() {
        any = false;
        lastSign = 0;
        lastPx = 0;
    }
}
