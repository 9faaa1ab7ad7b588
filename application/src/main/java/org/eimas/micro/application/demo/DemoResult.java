package org.eimas.micro.application.demo;

import java.util.List;
import java.util.Map;
import org.eimas.micro.application.network.BuildEconomicNetwork;
import org.eimas.micro.domain.backtest.BacktestResult;
import org.eimas.micro.domain.hawkes.HawkesFit;
import org.eimas.micro.domain.learning.ForecastMetrics;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.orderflow.OfiFit;
import org.eimas.micro.domain.store.StoredAlert;
import org.eimas.micro.domain.strategy.TargetCheck;

/** Everything the demo measured, for the report and the CLI summary. */
public record DemoResult(List<String> symbols, String day, long seed, Map<String, Long> eventCounts,
                         Map<String, Long> storedRows, double ingestRowsPerSecond, Map<String, SymbolResult> perSymbol,
                         BuildEconomicNetwork.Run network, List<StoredAlert> alerts, List<TargetCheck> targets,
                         Map<String, Double> stageSeconds, Map<String, Long> storedIds) {

    /**
     * Per-symbol measurements.
     *
     * @param features     one-minute feature rows (ts = bar end) from the realtime monitor
     * @param ofiFit       Cont et al. contemporaneous regression of 1-minute mid changes (ticks) on OFI
     * @param forecastBps  walk-forward out-of-sample forecasts of the next 1-minute return (NaN where not predicted)
     * @param realisedBps  the realised next 1-minute return in bps
     */
    public record SymbolResult(NumericTable features, OfiFit ofiFit, HawkesFit hawkesBuy, double[] hawkesIntensity,
                               double[] forecastBps, double[] realisedBps, ForecastMetrics forecast1m,
                               ForecastMetrics forecast5m, double ofiDirectionAccuracy, double ofiSignAgreement,
                               Map<String, Double> selectedFeatures, Strategy ofiVpin, Strategy forecast) {
    }

    /** A backtested strategy, with the deflated Sharpe ratio over the configurations tried. */
    public record Strategy(String name, String configuration, int configurationsTried, double[] positions,
                           BacktestResult result, double deflatedSharpe) {
    }
}
