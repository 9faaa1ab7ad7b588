package org.eimas.micro.application.monitor;

import java.util.Map;

/** The live forecast of a symbol's next-bar return in bps from its current features (NaN when none). */
@FunctionalInterface
public interface ForecastProvider {
    ForecastProvider NONE = (symbol, features) -> Double.NaN;

    double forecastBps(String symbol, Map<String, Double> features);
}
