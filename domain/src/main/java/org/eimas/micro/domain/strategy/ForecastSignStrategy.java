package org.eimas.micro.domain.strategy;

/**
 * Trades the sign of a return forecast (in bps) when it clears a cost-aware threshold: a position
 * change round trip costs {@code 2 x costBps}, so the forecast must exceed {@code costMultiple x 2 x costBps}
 * in absolute value to be worth taking; otherwise flat.
 */
public record ForecastSignStrategy(double costBps, double costMultiple) {
    public ForecastSignStrategy {
        if (!(costBps >= 0) || !(costMultiple >= 0)) {
            throw new IllegalArgumentException("cost and multiple must be >= 0, got " + costBps + ", " + costMultiple);
        }
    }

    public double thresholdBps() {
        return costMultiple * 2 * costBps;
    }

    public double position(double forecastBps) {
        if (Double.isNaN(forecastBps)) {
            return 0;
        }
        double th = thresholdBps();
        return forecastBps > th ? 1 : forecastBps < -th ? -1 : 0;
    }

    public double[] positions(double[] forecastBps) {
        double[] p = new double[forecastBps.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = position(forecastBps[i]);
        }
        return p;
    }
}
