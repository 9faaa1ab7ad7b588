package org.eimas.micro.domain.market;

/**
 * Exact price comparison: a price is turned into a whole number of 1e-8 currency units
 * ({@code Math.round(px * 1e8)}) once, and every comparison that decides a formula (OFI's
 * indicator functions, the tick rule, the quote rule) is done on those integers. Two prices that
 * agree to 8 decimals compare equal even if one of them came out of arithmetic (a LOBSTER price
 * divided by 10000, say); {@code ==} on doubles is never used to decide a branch.
 *
 * <p>Valid for prices up to about 9.2e10, far above any traded instrument.
 */
public final class PriceUnits {
    /** Units per currency unit: prices are compared in 1e-8 steps. */
    public static final double SCALE = 1e8;
    private static final double MAX = Long.MAX_VALUE / SCALE;
    private static final double MAX_UNITS = 9.2e18;

    private PriceUnits() {
    }

    /** The price as a whole number of 1e-8 units. NaN, infinities and out-of-range prices are rejected. */
    public static long of(double price) {
        double s = price * SCALE;
        if (s >= 0 && s < MAX_UNITS) {
            return (long) (s + 0.5); // round half up; cheaper than Math.round on the hot path
        }
        if (s < 0 && s > -MAX_UNITS) {
            return -(long) (0.5 - s);
        }
        throw new IllegalArgumentException("price " + price + " cannot be compared exactly (NaN, infinite or beyond +/-" + MAX + ")");
    }
}
