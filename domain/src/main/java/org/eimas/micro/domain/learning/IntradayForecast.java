package org.eimas.micro.domain.learning;

/**
 * One forecast of the intraday model: the predicted next-bar mid return in bps, its direction, and the seed's
 * confidence min(|prediction| / 10 bps, 1) (a heuristic scale: 10 bps or more counts as full confidence).
 */
public record IntradayForecast(String symbol, String horizon, long tsNs, double predictedReturnBps, Direction direction,
                               double confidence) {
    public enum Direction { UP, DOWN, FLAT }

    public static IntradayForecast of(String symbol, String horizon, long tsNs, double bps) {
        Direction d = bps > 0 ? Direction.UP : bps < 0 ? Direction.DOWN : Direction.FLAT;
        return new IntradayForecast(symbol, horizon, tsNs, bps, d, Math.min(Math.abs(bps) / 10.0, 1.0));
    }
}
