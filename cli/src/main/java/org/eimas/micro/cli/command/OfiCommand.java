package org.eimas.micro.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.orderflow.OfiFit;
import org.eimas.micro.domain.orderflow.OfiRegression;
import org.eimas.micro.domain.orderflow.OfiSignal;
import org.eimas.micro.domain.orderflow.PriceImpact;
import org.eimas.micro.domain.orderflow.OrderFlowImbalance;
import org.eimas.micro.domain.orderflow.WindowedSum;
import org.eimas.micro.replay.csv.CanonicalCsv;
import org.eimas.micro.replay.csv.CsvTableWriter;
import org.eimas.micro.replay.csv.CsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code eimas ofi}: multi-level order flow imbalance of a book file, windowed cumulative level-1
 * OFI, and the contemporaneous OFI regression, in one streaming pass.
 */
@Command(name = "ofi", mixinStandardHelpOptions = true,
        description = {"Order flow imbalance (Cont, Kukanov, Stoikov 2014; multi-level as Xu, Gould, Howison 2019).",
                "With --out: writes ts,ofi_1..ofi_N and one cum_ofi_1_<W>s column per --window.",
                "With --regress: fits dP_k = c + beta * OFI_k over S-second intervals (prices in ticks)."})
public final class OfiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--book", required = true, paramLabel = "FILE", description = "Canonical book CSV (plain or .gz), one symbol.")
    Path book;

    @Option(names = "--levels", defaultValue = "1", paramLabel = "N", description = "Levels to report (1..levels in the file; default ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--window", paramLabel = "SECONDS", description = "Window W of a cumulative level-1 OFI column cum_ofi_1_<W>s (repeatable).")
    List<String> windows = new ArrayList<>();

    @Option(names = "--out", paramLabel = "OUT.csv", description = "Output CSV (.gz to compress).")
    Path out;

    @Option(names = "--regress", paramLabel = "SECONDS", description = "Interval S of the contemporaneous regression.")
    String regress;

    @Option(names = "--tick", defaultValue = "0.01", description = "Tick size for the regression's price changes (default ${DEFAULT-VALUE}).")
    double tick;

    @Option(names = "--json", description = "Print the regression as JSON.")
    boolean json;

    @Option(names = "--signal-threshold", defaultValue = "1000", paramLabel = "OFI",
            description = "Threshold of the BUY/SELL/NEUTRAL signal on the last interval's OFI (default ${DEFAULT-VALUE}).")
    double signalThreshold;

    @Override
    public Integer call() {
        if (out == null && regress == null) {
            throw new ParameterException(spec.commandLine(), "give --out OUT.csv and/or --regress SECONDS");
        }
        if (levels < 1) {
            throw new ParameterException(spec.commandLine(), "--levels must be at least 1, got " + levels);
        }
        if (!windows.isEmpty() && out == null) {
            throw new ParameterException(spec.commandLine(), "--window needs --out");
        }
        if (json && regress == null) {
            throw new ParameterException(spec.commandLine(), "--json prints the regression: give --regress SECONDS");
        }
        long[] windowNs = new long[windows.size()];
        List<String> header = new ArrayList<>();
        header.add("ts");
        for (int m = 1; m <= levels; m++) {
            header.add("ofi_" + m);
        }
        for (int i = 0; i < windows.size(); i++) {
            windowNs[i] = Seconds.toNanos("--window", windows.get(i));
            header.add("cum_ofi_1_" + Seconds.label(windows.get(i)) + "s");
        }
        OfiRegression reg = regress == null ? null : new OfiRegression(Seconds.toNanos("--regress", regress), tick);
        Run run = new Run(book, levels, windowNs, reg);
        long rows;
        if (out != null) {
            try (CsvTableWriter w = CsvTableWriter.open(out, header)) {
                run.out = w.raw();
                rows = CanonicalCsv.readBooks(book, run::onBook);
                run.flush();
            }
        } else {
            rows = CanonicalCsv.readBooks(book, run::onBook);
        }
        if (reg != null) {
            OfiFit fit = reg.fit();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("beta", fit.beta());
                m.put("intercept", fit.intercept());
                m.put("r2", fit.r2());
                m.put("intervals", fit.intervals());
                m.put("tick", fit.tick());
                m.put("interval_seconds", Double.parseDouble(Seconds.label(regress)));
                m.put("snapshots", rows);
                double lastOfi = reg.currentIntervalOfi();
                m.put("last_interval_ofi", lastOfi);
                m.put("signal", OfiSignal.of(lastOfi, signalThreshold).name());
                double mid = reg.lastMid();
                if (mid > 0) {
                    PriceImpact imp = fit.impact(lastOfi, mid);
                    m.put("expected_move_ticks", imp.ticks());
                    m.put("expected_move_bps", imp.bps());
                }
                Json.print(m);
            } else {
                System.out.printf("beta=%s intercept=%s r2=%s intervals=%d (S=%ss, tick=%s, %d snapshots)%n",
                        fit.beta(), fit.intercept(), fit.r2(), fit.intervals(), Seconds.label(regress), tick, rows);
            }
        }
        if (out != null && !json) {
            System.err.println("eimas ofi: " + rows + " snapshots -> " + out);
        }
        return 0;
    }

    /** Per-file state; rows with equal ts are held back so that they get equal windowed values. */
    static final class Run {
        private final SingleSymbol symbols;
        private final int levels;
        private final OrderFlowImbalance ofi;
        private final WindowedSum[] windows;
        private final OfiRegression reg;
        private final double[] cum;
        CsvWriter out;
        private long row;
        // pending rows sharing one ts
        private long pendingTs = Long.MIN_VALUE;
        private int pending;
        private double[] pendingE;

        Run(Path file, int levels, long[] windowNs, OfiRegression reg) {
            this.symbols = new SingleSymbol(file);
            this.levels = levels;
            this.ofi = new OrderFlowImbalance(levels);
            this.windows = new WindowedSum[windowNs.length];
            for (int i = 0; i < windowNs.length; i++) {
                windows[i] = new WindowedSum(windowNs[i]);
            }
            this.cum = new double[windowNs.length];
            this.reg = reg;
            this.pendingE = new double[16 * levels];
        }

        void onBook(long ts, String sym, int fileLevels, double[] bp, double[] bs, double[] ap, double[] as) {
            row++;
            symbols.check(sym, row);
            if (fileLevels < levels) {
                throw new IllegalArgumentException("--levels " + levels + " but the book file has " + fileLevels + " levels");
            }
            double e1 = ofi.update(bp, bs, ap, as);
            if (reg != null) {
                reg.update(ts, e1, bp[0], ap[0]);
            }
            if (out == null) {
                return;
            }
            if (ts != pendingTs) {
                flush();
                pendingTs = ts;
            }
            if ((pending + 1) * levels > pendingE.length) {
                pendingE = java.util.Arrays.copyOf(pendingE, pendingE.length * 2);
            }
            for (int m = 0; m < levels; m++) {
                pendingE[pending * levels + m] = ofi.ofi(m + 1);
            }
            pending++;
            for (WindowedSum w : windows) {
                w.add(ts, e1);
            }
        }

        void flush() {
            if (pending == 0) {
                return;
            }
            for (int i = 0; i < windows.length; i++) {
                cum[i] = windows[i].sum(pendingTs);
            }
            for (int r = 0; r < pending; r++) {
                out.field(pendingTs);
                for (int m = 0; m < levels; m++) {
                    out.field(pendingE[r * levels + m]);
                }
                for (double c : cum) {
                    out.field(c);
                }
                out.endRow();
            }
            pending = 0;
        }
    }
}
