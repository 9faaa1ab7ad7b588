package org.eimas.micro.cli.command;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.eimas.micro.application.forecast.HorizonConfig;
import org.eimas.micro.application.forecast.PredictIntradayReturnQuery;
import org.eimas.micro.application.forecast.TrainIntradayForecasterUseCase;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.learning.IntradayForecast;
import org.eimas.micro.domain.market.Bar;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MacroSeriesSource;
import org.eimas.micro.domain.port.TickStore;
import org.eimas.micro.domain.store.MacroSeries;
import org.eimas.micro.replay.csv.CanonicalCsv;
import org.eimas.micro.storage.JooqModelStore;
import org.eimas.micro.storage.RelationalDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eimas forecast train|predict}: the intraday LASSO forecaster of seed sections 5 and 10. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Intraday LASSO forecaster: train (walk-forward evaluated, saved to the model store) and predict.",
        subcommands = {ForecastCommand.Train.class, ForecastCommand.Predict.class})
public final class ForecastCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    static HorizonConfig horizons(Path config, Integer minObservations, String horizon) {
        HorizonConfig base = config == null ? HorizonConfig.seedDefaults() : HorizonConfig.load(config);
        if (minObservations == null) {
            return base;
        }
        HorizonConfig.Interval i = base.interval(horizon);
        return new HorizonConfig(List.of(new HorizonConfig.Interval(i.name(), i.seconds(), minObservations)));
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Resamples a ts-indexed feature table (one column is the mid price) to the horizon's bars,",
                    "targets the next bar's mid return in bps, evaluates StandardScaler + LassoCV(TimeSeriesSplit)",
                    "walk-forward, refits on all rows and saves the model in the relational store."})
    static final class Train implements Callable<Integer> {
        @Option(names = "--features", required = true, paramLabel = "FILE",
                description = "Numeric table with a ts column (epoch ns) and feature columns, plain or .gz.")
        Path features;
        @Option(names = "--symbol", required = true) String symbol;
        @Option(names = "--horizon", required = true, description = "Horizon name, e.g. 1min, 5min, 15min.") String horizon;
        @Option(names = "--config", paramLabel = "YAML", description = "horizon_config.yaml (default: the seed's horizons).")
        Path config;
        @Option(names = "--min-observations", paramLabel = "N", description = "Override the horizon's min_observations.")
        Integer minObservations;
        @Option(names = "--mid", defaultValue = "mid_price", description = "Mid-price column (default ${DEFAULT-VALUE}).")
        String mid;
        @Option(names = "--macro", paramLabel = "ID=FILE", description = {"A daily macro series joined forward-filled"
                + " (repeat): a numeric table with ts (epoch ns of the day, UTC) and one value column; the feature is"
                + " named ID."})
        Map<String, Path> macro = new LinkedHashMap<>();
        @Option(names = "--splits", defaultValue = "5", description = "Walk-forward folds and LassoCV folds (default ${DEFAULT-VALUE}).")
        int splits;
        @Mixin DataDirOption dataDir;
        @Option(names = "--json") boolean json;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            NumericTable table = CanonicalCsv.readTable(features);
            if (!table.hasTs()) {
                throw new IllegalArgumentException(features + ": the feature table needs a ts column (epoch ns)");
            }
            HorizonConfig cfg = horizons(config, minObservations, horizon);
            TrainIntradayForecasterUseCase.Report r;
            try (RelationalDatabase db = RelationalListing.open(dataDir.path())) {
                var useCase = new TrainIntradayForecasterUseCase(new FeatureFileTickStore(symbol, table),
                        new JooqModelStore(db), macroSource(macro), () -> System.currentTimeMillis() * 1_000_000L, cfg);
                r = useCase.train(new TrainIntradayForecasterUseCase.Request(symbol, horizon, Long.MIN_VALUE,
                        Long.MAX_VALUE, mid, List.copyOf(macro.keySet()), splits, splits));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model_id", r.modelId());
            out.put("symbol", r.symbol());
            out.put("horizon", r.horizon());
            out.put("rows", r.rows());
            out.put("train_from_ns", r.trainFromNs());
            out.put("train_to_ns", r.trainToNs());
            out.put("alpha", r.alpha());
            out.put("selected", r.selected());
            Map<String, Object> wf = new LinkedHashMap<>();
            wf.put("folds", r.walkForwardFolds());
            wf.put("rows", r.walkForward().n());
            wf.put("r2", r.walkForward().r2());
            wf.put("rmse", r.walkForward().rmse());
            wf.put("direction_accuracy", r.walkForward().directionAccuracy());
            out.put("walk_forward", wf);
            out.put("targets", Map.of(
                    "r2", target(r.r2()),
                    "direction_accuracy", target(r.directionAccuracy())));
            if (json) {
                Json.print(out);
            } else {
                var w = spec.commandLine().getOut();
                w.printf(Locale.ROOT, "model %d: %s %s, %d rows, alpha %.6g, selected %s%n", r.modelId(), symbol,
                        r.horizon(), r.rows(), r.alpha(), r.selected().keySet());
                w.printf(Locale.ROOT, "walk-forward (%d folds, %d out-of-sample rows): R2 %.4f  RMSE %.4f bps  direction %.4f%n",
                        r.walkForwardFolds(), r.walkForward().n(), r.walkForward().r2(), r.walkForward().rmse(),
                        r.walkForward().directionAccuracy());
                w.printf(Locale.ROOT, "seed target R2 >= %.2f: %s; direction accuracy >= %.2f: %s%n", r.r2().target(),
                        r.r2().status(), r.directionAccuracy().target(), r.directionAccuracy().status());
                w.flush();
            }
            return 0;
        }

        /** Daily series from files: row ts (epoch ns, any time of the day, UTC) gives the date. */
        static MacroSeriesSource macroSource(Map<String, Path> files) {
            return (id, from, to, asOf) -> {
                Path f = files.get(id);
                NumericTable t = CanonicalCsv.readTable(f);
                if (!t.hasTs() || t.columns().size() != 1) {
                    throw new IllegalArgumentException(f + ": a macro series file needs a ts column and one value column,"
                            + " got " + t.columns());
                }
                List<MacroSeries.Observation> obs = new ArrayList<>();
                for (int r = 0; r < t.rows(); r++) {
                    LocalDate d = LocalDate.ofInstant(Instant.ofEpochSecond(Math.floorDiv(t.ts(r), 1_000_000_000L)),
                            ZoneOffset.UTC);
                    double v = t.get(r, 0);
                    obs.add(new MacroSeries.Observation(d, v, !Double.isFinite(v), d, d));
                }
                return new MacroSeries(id, obs);
            };
        }

        private static Map<String, Object> target(TrainIntradayForecasterUseCase.Target t) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("measured", t.measured());
            m.put("target", t.target());
            m.put("status", t.status());
            return m;
        }
    }

    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = "Next-bar return forecast from a live feature vector with the latest stored model.")
    static final class Predict implements Callable<Integer> {
        @Option(names = "--symbol", required = true) String symbol;
        @Option(names = "--horizon", required = true) String horizon;
        @Option(names = "--feature", required = true, paramLabel = "NAME=VALUE", description = "A feature value; repeat.")
        Map<String, Double> features;
        @Mixin DataDirOption dataDir;
        @Option(names = "--json") boolean json;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            IntradayForecast f;
            try (RelationalDatabase db = RelationalListing.open(dataDir.path())) {
                f = new PredictIntradayReturnQuery(new JooqModelStore(db)).predict(symbol, horizon, features,
                        System.currentTimeMillis() * 1_000_000L);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("symbol", f.symbol());
            out.put("horizon", f.horizon());
            out.put("predicted_return_bps", f.predictedReturnBps());
            out.put("direction", f.direction().name());
            out.put("confidence", f.confidence());
            if (json) {
                Json.print(out);
            } else {
                spec.commandLine().getOut().printf(Locale.ROOT, "%s %s: %+.4f bps %s (confidence %.2f)%n", f.symbol(),
                        f.horizon(), f.predictedReturnBps(), f.direction(), f.confidence());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    /** The feature table of one symbol, read from a file, as a {@link TickStore} that serves only features. */
    static final class FeatureFileTickStore implements TickStore {
        private final String symbol;
        private final NumericTable table;

        FeatureFileTickStore(String symbol, NumericTable table) {
            this.symbol = symbol;
            this.table = table;
        }

        @Override
        public NumericTable readFeatures(String s, long fromNs, long toNs) {
            if (!symbol.equals(s)) {
                throw new IllegalArgumentException("the feature file holds " + symbol + ", not " + s);
            }
            return table;
        }

        private static UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("a feature file serves feature rows only");
        }

        @Override
        public void appendBooks(List<LobSnapshot> books) {
            throw unsupported();
        }

        @Override
        public void appendTrades(List<Trade> trades) {
            throw unsupported();
        }

        @Override
        public void appendQuotes(List<Quote> quotes) {
            throw unsupported();
        }

        @Override
        public void appendOrderEvents(List<OrderEvent> events) {
            throw unsupported();
        }

        @Override
        public void appendFeatures(String s, NumericTable features) {
            throw unsupported();
        }

        @Override
        public long readTrades(String s, long fromNs, long toNs, Consumer<Trade> sink) {
            throw unsupported();
        }

        @Override
        public long readQuotes(String s, long fromNs, long toNs, Consumer<Quote> sink) {
            throw unsupported();
        }

        @Override
        public long readBooks(String s, long fromNs, long toNs, Consumer<LobSnapshot> sink) {
            throw unsupported();
        }

        @Override
        public List<Bar> bars(String s, long intervalNs, long fromNs, long toNs) {
            throw unsupported();
        }

        @Override
        public void close() {
        }
    }
}
