package org.eimas.micro.domain.orderflow;

/**
 * The fitted contemporaneous OFI regression {@code dP_k = c + beta * OFI_k} (Cont, Kukanov and
 * Stoikov 2014, eq. (6) and Table 2), price changes in ticks.
 *
 * @param beta      price impact coefficient, ticks per share of OFI
 * @param intercept c, ticks
 * @param r2        coefficient of determination
 * @param intervals number of intervals in the fit
 * @param tick      tick size the price changes were divided by
 */
public record OfiFit(double beta, double intercept, double r2, long intervals, double tick) {

    /** Expected price move in ticks for an OFI over one interval: {@code c + beta * ofi}. */
    public double expectedMoveTicks(double ofi) {
        return intercept + beta * ofi;
    }

    /** The expected move for {@code ofi} in ticks and in basis points of {@code mid}. */
    public PriceImpact impact(double ofi, double mid) {
        if (!(mid > 0)) {
            throw new IllegalArgumentException("mid must be positive to express the impact in bps, got " + mid);
        }
        double ticks = expectedMoveTicks(ofi);
        return new PriceImpact(ofi, ticks, ticks * tick / mid * 1e4);
    }
}
