package org.eimas.micro.domain.vpin;

/**
 * One raised crash alert with its inputs.
 *
 * @param ts      ts of the VPIN value (end of its bucket)
 * @param vpin    the VPIN value
 * @param cdf     its empirical CDF over the trailing history (NaN before enough history)
 * @param level   the alert level on the detector's basis
 * @param basis   FIXED (VPIN thresholds) or CDF (empirical CDF thresholds)
 * @param trend   VPIN trend at the time
 */
public record CrashAlert(long ts, double vpin, double cdf, AlertLevel level, CrashDetector.Basis basis, VpinTrend trend) {
    public String action() {
        return level.action();
    }

    public String message() {
        return level.message();
    }
}
