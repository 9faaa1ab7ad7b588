package org.eimas.micro.cli.command;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.application.backtest.BacktestRuns;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.storage.JooqBacktestRunStore;
import org.eimas.micro.storage.RelationalDatabase;
import org.eimas.micro.storage.StorageConfig;
import org.eimas.micro.cli.report.Charts;
import org.eimas.micro.domain.backtest.BacktestResult;
import org.eimas.micro.domain.backtest.Backtester;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.replay.csv.CanonicalCsv;
import org.eimas.micro.replay.csv.CsvTableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eimas backtest}: metrics of a position series over bar closes. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Backtest a position series: the position at bar i earns close(i) -> close(i+1), costs are charged",
                "on every unit of position change. Bars file: ts,close,position (ts epoch ns)."})
public final class BacktestCommand implements Callable<Integer> {
    @Option(names = "--bars", required = true, description = "CSV with columns ts,close,position (plain or .gz).")
    Path bars;

    @Option(names = "--cost-bps", defaultValue = "2", description = "Cost per unit of position change, in bps (default ${DEFAULT-VALUE}).")
    double costBps;

    @Option(names = "--bars-per-year", description = "Annualisation (98280 for 1-minute bars). Default: from the median bar spacing.")
    Double barsPerYear;

    @Option(names = "--json", description = "Print the metrics as JSON.")
    boolean json;

    @Option(names = "--out", description = "Directory for trades.csv, equity.csv, equity.png and drawdown.png.")
    Path out;

    @Option(names = "--data-dir", description = "Store the run (parameters, metrics, trades) in this data directory's relational store.")
    Path dataDir;

    @Option(names = {"--strategy", "--name"}, defaultValue = "positions_file", description = "Strategy name recorded with a stored run.")
    String strategy;

    @Option(names = "--symbol", defaultValue = "", description = "Symbol recorded with a stored run (default: the bars file's name).")
    String symbol;

    @Override
    public Integer call() throws Exception {
        NumericTable t = CanonicalCsv.readTable(bars);
        double[] close = t.column("close");
        double[] pos = t.column("position");
        for (int i = 0; i < close.length; i++) {
            if (Double.isNaN(close[i]) || Double.isNaN(pos[i])) {
                throw new IllegalArgumentException(bars + ": row " + (i + 2) + " has an empty close or position");
            }
        }
        double bpy = barsPerYear != null ? barsPerYear : derivedBarsPerYear(t);
        BacktestResult r = Backtester.run(close, pos, costBps, bpy);
        Map<String, Object> m = metrics(r, costBps);
        if (out != null) {
            writeOutputs(r, t);
            m.put("out", out.toString());
        }
        if (dataDir != null) {
            long[] ts = new long[t.rows()];
            for (int i = 0; i < ts.length; i++) {
                ts[i] = t.hasTs() ? t.ts(i) : i;
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("bars_file", bars.toString());
            params.put("cost_bps", Double.toString(costBps));
            params.put("bars_per_year", Double.toString(bpy));
            try (RelationalDatabase db = StorageConfig.embedded(dataDir).openRelational(System.currentTimeMillis() * 1_000_000L)) {
                String sym = symbol.isBlank() ? bars.getFileName().toString().replaceAll("\\.csv(\\.gz)?$", "") : symbol;
                long id = new JooqBacktestRunStore(db).save(BacktestRuns.toStored(System.currentTimeMillis() * 1_000_000L,
                        strategy, sym, ts, params, r));
                m.put("run_id", id);
            }
        }
        if (json) {
            Json.print(m);
        } else {
            m.forEach((k, v) -> System.out.printf("%-16s %s%n", k, v instanceof Double d ? fmt(d) : v));
        }
        return 0;
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "n/a" : String.format(java.util.Locale.ROOT, "%.6g", d);
    }

    static double derivedBarsPerYear(NumericTable t) {
        if (!t.hasTs() || t.rows() < 2) {
            return Backtester.MINUTE_BARS_PER_YEAR;
        }
        long[] d = new long[t.rows() - 1];
        for (int i = 1; i < t.rows(); i++) {
            d[i - 1] = t.ts(i) - t.ts(i - 1);
        }
        Arrays.sort(d);
        long median = d[d.length / 2];
        return median > 0 ? Backtester.barsPerYear(median) : Backtester.MINUTE_BARS_PER_YEAR;
    }

    /** The public JSON contract plus extra keys. */
    public static Map<String, Object> metrics(BacktestResult r, double costBps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total_return", r.totalReturn());
        m.put("sharpe", r.sharpe());
        m.put("max_drawdown", r.maxDrawdown());
        m.put("win_rate", r.winRate());
        m.put("profit_factor", r.profitFactor());
        m.put("trades", r.trades().size());
        m.put("turnover", r.turnover());
        m.put("total_cost", r.totalCost());
        m.put("cost_bps", costBps);
        m.put("bars", r.netReturns().length);
        m.put("bars_per_year", r.barsPerYear());
        return m;
    }

    private void writeOutputs(BacktestResult r, NumericTable t) throws Exception {
        Files.createDirectories(out);
        try (CsvTableWriter w = CsvTableWriter.open(out.resolve("trades.csv"), List.of("trade", "entry_bar", "exit_bar",
                "entry_ts", "exit_ts", "position", "entry_price", "exit_price", "entry_cost", "exit_cost", "pnl", "open"))) {
            int k = 1;
            for (BacktestResult.TradeRecord tr : r.trades()) {
                w.raw().field(k++).field(tr.entryBar()).field(tr.exitBar())
                        .field(t.hasTs() ? t.ts(tr.entryBar()) : tr.entryBar())
                        .field(t.hasTs() ? t.ts(tr.exitBar()) : tr.exitBar())
                        .field(tr.position()).field(tr.entryPrice()).field(tr.exitPrice()).field(tr.entryCost())
                        .field(tr.exitCost()).field(tr.pnl()).field(tr.open() ? "true" : "false").endRow();
            }
        }
        int n = r.netReturns().length;
        try (CsvTableWriter w = CsvTableWriter.open(out.resolve("equity.csv"), List.of("bar", "ts", "net_return", "equity", "drawdown"))) {
            for (int i = 0; i < n; i++) {
                w.raw().field(i).field(t.hasTs() ? t.ts(i) : i).field(r.netReturns()[i]).field(r.equity()[i + 1])
                        .field(r.drawdown()[i + 1]).endRow();
            }
        }
        double[] x = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            x[i] = i;
        }
        int max = 4000;
        double[] xs = Charts.thin(x, max);
        Charts.writePng(Charts.lines("Equity", "bar", "equity", xs, new String[] {"equity"},
                new double[][] {Charts.thin(r.equity(), max)}), out.resolve("equity.png"));
        double[] dd = Charts.thin(r.drawdown(), max).clone();
        for (int i = 0; i < dd.length; i++) {
            dd[i] = -100 * dd[i];
        }
        Charts.writePng(Charts.area("Drawdown", "bar", "drawdown %", xs, "drawdown", dd, new Color(220, 60, 60, 120)),
                out.resolve("drawdown.png"));
    }
}
