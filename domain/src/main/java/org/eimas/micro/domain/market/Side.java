package org.eimas.micro.domain.market;

/** Side of an order or the aggressor of a trade. {@code UNKNOWN} when a feed does not say. */
public enum Side {
    BUY(1), SELL(-1), UNKNOWN(0);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** +1 for BUY, -1 for SELL, 0 for UNKNOWN. */
    public int sign() {
        return sign;
    }

    public static Side ofSign(int sign) {
        return sign > 0 ? BUY : sign < 0 ? SELL : UNKNOWN;
    }
}
