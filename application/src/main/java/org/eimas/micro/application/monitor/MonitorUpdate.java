package org.eimas.micro.application.monitor;

import java.util.Map;

/**
 * The monitor's periodic state of one symbol. Field names map one-to-one onto the JSON keys of the
 * dashboard API ({@code symbol, ts, mid, spread_bps, ofi, cum_ofi, vpin, vpin_cdf, alert_level, path18,
 * path12, hawkes_buy, hawkes_sell, forecast_bps, direction}); NaN means "not yet known".
 *
 * @param ofi          level-1 OFI summed since the previous update
 * @param cumOfi       level-1 OFI summed over the trailing OFI window
 * @param vpin         last VPIN value (NaN until n buckets completed)
 * @param vpinCdf      empirical CDF of the last VPIN over its trailing history
 * @param alertLevel   crash-detector level (NONE, ELEVATED, HIGH, CRITICAL)
 * @param hawkesBuy    intensity of buyer-initiated trades, per second
 * @param hawkesSell   intensity of seller-initiated trades, per second
 * @param forecastBps  the forecaster's next-bar return forecast in bps (NaN without a model)
 * @param direction    UP / DOWN / FLAT from the forecast when there is one, else from the OFI signal
 * @param features     further features by name
 */
public record MonitorUpdate(String symbol, long ts, double mid, double spreadBps, double ofi, double cumOfi,
                            double vpin, double vpinCdf, String alertLevel, String path18, String path12,
                            double hawkesBuy, double hawkesSell, double forecastBps, String direction,
                            long trades, long books, Map<String, Double> features) {
}
