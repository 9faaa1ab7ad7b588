package org.eimas.micro.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.application.EimasPlatform;
import java.util.Optional;
import org.eimas.micro.application.demo.DemoPipeline;
import org.eimas.micro.application.macro.FetchMacroTable;
import org.eimas.micro.domain.macro.MacroTables;
import org.eimas.micro.domain.store.MacroSeries;
import org.eimas.micro.fred.FredCsvFiles;
import org.eimas.micro.fred.FredModule;
import org.eimas.micro.fred.FredSettings;
import org.eimas.micro.application.demo.DemoResult;
import org.eimas.micro.cli.report.DemoReport;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.port.AlertStore;
import org.eimas.micro.domain.port.BacktestRunStore;
import org.eimas.micro.domain.port.MarketDataFeed;
import org.eimas.micro.domain.port.ModelStore;
import org.eimas.micro.domain.port.NetworkStore;
import org.eimas.micro.domain.strategy.TargetCheck;
import org.eimas.micro.replay.ReplayModule;
import org.eimas.micro.replay.csv.CanonicalCsv;
import org.eimas.micro.replay.sim.SyntheticMarketConfig;
import org.eimas.micro.storage.QuestDbTickStore;
import org.eimas.micro.storage.RelationalDatabase;
import org.eimas.micro.storage.StorageConfig;
import org.eimas.micro.storage.StorageModule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eimas demo}: a simulated day through the whole platform, with an HTML report. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Simulate a trading day with the seeded synthetic market, store it in the embedded QuestDB, compute",
                "features, OFI, VPIN and alerts, fit Hawkes and the walk-forward LASSO forecaster, build the micro-macro",
                "network, backtest both strategies and write DIR/report.html. No network, no configuration needed."})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "demo-out", description = "Output directory (default ${DEFAULT-VALUE}); the stores live in DIR/data.")
    Path out;

    @Option(names = "--symbols", defaultValue = "SPY,QQQ", split = ",", description = "Symbols (default ${DEFAULT-VALUE}).")
    List<String> symbols;

    @Option(names = "--seed", defaultValue = "7", description = "Simulation seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--hours", defaultValue = "6.5", description = "Session length in hours (default ${DEFAULT-VALUE}).")
    double hours;

    @Option(names = "--date", defaultValue = "2024-06-03", description = "Simulated day (default ${DEFAULT-VALUE}).")
    LocalDate date;

    @Option(names = "--macro", description = "Daily macro table (ts,SERIES,...; e.g. from 'eimas macro fetch|import') instead of the synthetic set.")
    Path macro;

    @Option(names = "--fred-csv", split = ",", description = "FRED CSV downloads (observation_date,SERIES) to use as the macro set.")
    List<Path> fredCsv;

    @Option(names = "--fred-series", defaultValue = "VIXCLS,DGS10", split = ",",
            description = "Series fetched from FRED when FRED_API_KEY is set and no --macro/--fred-csv is given (default ${DEFAULT-VALUE}).")
    List<String> fredSeries;

    @Option(names = "--fred-url", description = "FRED API base URL (default FRED's own).")
    String fredUrl;

    @Option(names = "--cost-bps", defaultValue = "2", description = "Transaction cost in bps (default ${DEFAULT-VALUE}).")
    double costBps;

    @Option(names = "--json", description = "Print a JSON summary instead of the text one.")
    boolean json;

    private String macroSource = "synthetic";

    /** --macro, then --fred-csv, then FRED's API when a key is set, else the synthetic daily set. */
    private NumericTable macroTable(Path dataDir) {
        if (macro != null) {
            macroSource = "table " + macro;
            return CanonicalCsv.readTable(macro);
        }
        if (fredCsv != null && !fredCsv.isEmpty()) {
            List<MacroSeries> all = new java.util.ArrayList<>();
            for (Path f : fredCsv) {
                all.addAll(FredCsvFiles.read(f));
            }
            macroSource = "FRED CSV " + fredCsv;
            return MacroTables.byDate(all);
        }
        String key = System.getenv("FRED_API_KEY");
        if (key != null && !key.isBlank()) {
            try {
                FredSettings settings = FredSettings.of(fredUrl != null ? fredUrl : FredSettings.DEFAULT_URL, key);
                try (EimasPlatform p = EimasPlatform.builder()
                        .module(new FredModule(settings, dataDir.resolve("macro-cache"), false)).build()) {
                    FetchMacroTable.Result r = new FetchMacroTable(p.get(org.eimas.micro.domain.port.MacroSeriesSource.class))
                            .run(fredSeries, date.minusDays(60), date.minusDays(1), Optional.of(date.minusDays(1)));
                    macroSource = "FRED " + fredSeries + " as of " + date.minusDays(1);
                    return r.table();
                }
            } catch (RuntimeException e) {
                System.err.println("eimas demo: FRED unavailable (" + e.getMessage() + "); using the synthetic macro set");
            }
        }
        macroSource = "synthetic";
        return DemoPipeline.syntheticMacro(date, seed);
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Files.createDirectories(out);
        Path dataDir = out.resolve("data");
        SyntheticMarketConfig cfg = SyntheticMarketConfig.of(symbols, date, hours, seed);
        NumericTable macroTable = macroTable(dataDir);
        DemoResult r;
        try (EimasPlatform p = EimasPlatform.builder()
                .module(new ReplayModule(cfg, 0))
                .module(new StorageModule(StorageConfig.embedded(dataDir)))
                .build()) {
            QuestDbTickStore ticks = p.closeOnShutdown(p.get(QuestDbTickStore.class));
            p.closeOnShutdown(p.get(RelationalDatabase.class));
            DemoPipeline pipeline = new DemoPipeline(p.get(MarketDataFeed.class), ticks, p.get(AlertStore.class),
                    p.get(ModelStore.class), p.get(NetworkStore.class), p.get(BacktestRunStore.class), System::nanoTime);
            int[] step = {0};
            r = pipeline.run(new DemoPipeline.Options(symbols, date, seed, 25_000, costBps, 120, 30, 0.01), macroTable,
                    (name, detail) -> System.err.printf(Locale.ROOT, "[%5.1fs] %-12s %s%n",
                            (System.nanoTime() - start) / 1e9, name, detail));
        }
        Path report = out.resolve("report.html");
        Files.writeString(report, DemoReport.render(r, Instant.now().toString()));
        double secs = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "[%5.1fs] %-12s %s%n", secs, "report", report);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("report", report.toString());
            m.put("seconds", secs);
            m.put("events", r.eventCounts());
            m.put("stored_rows", r.storedRows());
            m.put("alerts", r.alerts().size());
            m.put("macro_source", macroSource);
            Map<String, Object> t = new LinkedHashMap<>();
            for (TargetCheck c : r.targets()) {
                t.put(c.name(), Map.of("measured", c.measured(), "target", c.comparison() + " " + c.target(), "verdict", c.verdict()));
            }
            m.put("targets", t);
            Json.print(m);
        } else {
            System.out.printf(Locale.ROOT, "demo: %s on %s, seed %d, %.1f s%n", String.join(",", symbols), date, seed, secs);
            System.out.println("events: " + r.eventCounts() + "; stored in QuestDB: " + r.storedRows());
            System.out.println("alerts (VPIN levels, paths 18/12): " + r.alerts().size() + "; network edges: " + r.network().network().edges().size()
                    + " (macro: " + macroSource + ")");
            for (Map.Entry<String, DemoResult.SymbolResult> e : r.perSymbol().entrySet()) {
                DemoResult.SymbolResult s = e.getValue();
                System.out.printf(Locale.ROOT, "%s: OFI beta %.4g ticks/share R2 %.3f | LASSO OOS R2 1m %.3f 5m %.3f dir %.1f%% |"
                                + " ofi_vpin Sharpe %.2f (DSR %.2f) | forecast Sharpe %.2f%n", e.getKey(), s.ofiFit().beta(),
                        s.ofiFit().r2(), s.forecast1m().r2(), s.forecast5m().r2(), 100 * s.forecast1m().directionAccuracy(),
                        s.ofiVpin().result().sharpe(), s.ofiVpin().deflatedSharpe(), s.forecast().result().sharpe());
            }
            System.out.println("targets (" + symbols.get(0) + ", measured out of sample, never asserted):");
            for (TargetCheck c : r.targets()) {
                System.out.printf(Locale.ROOT, "  %-24s %12.4f  %s %-6s %s%n", c.name(), c.measured(), c.comparison(),
                        c.target(), c.verdict());
            }
            System.out.println("report: " + report);
        }
        return 0;
    }
}
