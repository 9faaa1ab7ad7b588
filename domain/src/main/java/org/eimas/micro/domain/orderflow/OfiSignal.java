package org.eimas.micro.domain.orderflow;

/**
 * Direction signal from cumulative OFI against a threshold (Cont, Kukanov and Stoikov 2014: price
 * changes are linear in OFI with a positive slope, so a large positive OFI predicts a rise).
 */
public enum OfiSignal {
    BUY, SELL, NEUTRAL;

    /** BUY when {@code ofi > threshold}, SELL when {@code ofi < -threshold}, else NEUTRAL. */
    public static OfiSignal of(double ofi, double threshold) {
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("threshold must be >= 0, got " + threshold);
        }
        return ofi > threshold ? BUY : ofi < -threshold ? SELL : NEUTRAL;
    }
}
