package org.eimas.micro.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eimas.micro.domain.features.MicrostructureFeatures;
import org.eimas.micro.domain.paths.CascadeTrigger;
import org.eimas.micro.domain.paths.LiquidityCascadePath;
import org.eimas.micro.domain.paths.MicrostructureStressPath;
import org.eimas.micro.domain.paths.StressTrigger;
import org.eimas.micro.replay.csv.CanonicalCsv;
import org.eimas.micro.replay.csv.CsvTableWriter;
import org.eimas.micro.replay.csv.CsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code eimas features}: rolling microstructure features from a book file and a trades file,
 * merged by time in one streaming pass, one row per sampling step.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Rolling microstructure features over a --window, sampled every --every seconds (aligned to the epoch).",
                "A row at step t uses every book and trade with ts <= t; windowed values cover [t - W, t].",
                "Columns: ts," + "ofi,bid_imbalance_5,spread_bps,depth_imbalance,trade_imbalance,realized_vol,vwap_dev_bps,vpin,"
                        + "book_rate,trade_rate,buy_rate,sell_rate,mid"})
public final class FeaturesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--book", required = true, paramLabel = "FILE", description = "Canonical book CSV, one symbol.")
    Path book;

    @Option(names = "--trades", required = true, paramLabel = "FILE", description = "Canonical trades CSV, same symbol.")
    Path trades;

    @Option(names = "--window", defaultValue = "20", paramLabel = "SECONDS", description = "Window W (default ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--every", defaultValue = "5", paramLabel = "SECONDS", description = "Sampling step (default ${DEFAULT-VALUE}).")
    String every;

    @Option(names = "--vpin-bucket", defaultValue = "10000", paramLabel = "SHARES", description = "VPIN bucket size V in shares (default ${DEFAULT-VALUE}).")
    long vpinBucket;

    @Option(names = "--vpin-buckets", defaultValue = "50", paramLabel = "n", description = "VPIN buckets n (default ${DEFAULT-VALUE}).")
    int vpinBuckets;

    @Option(names = "--paths", description = "Add columns path18 and path12: critical paths 18 (microstructure stress) and 12 (liquidity cascade)"
            + " checked at every step with the step's vpin, ofi, spread and top-5 depth (NONE, WARNING or CRITICAL).")
    boolean paths;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "Output CSV (.gz to compress).")
    Path out;

    @Override
    public Integer call() {
        if (vpinBucket <= 0 || vpinBuckets <= 0) {
            throw new ParameterException(spec.commandLine(), "--vpin-bucket and --vpin-buckets must be positive");
        }
        long windowNs = Seconds.toNanos("--window", window);
        long stepNs = Seconds.toNanos("--every", every);
        List<String> header = new ArrayList<>();
        header.add("ts");
        header.addAll(List.of(MicrostructureFeatures.NAMES));
        if (paths) {
            header.add("path18");
            header.add("path12");
        }
        Run run = new Run(book, windowNs, stepNs, vpinBucket, vpinBuckets);
        if (paths) {
            run.path18 = new MicrostructureStressPath();
            run.path12 = new LiquidityCascadePath();
        }
        long rows;
        try (CsvTableWriter tw = CsvTableWriter.open(out, header); PairStream ts = new PairStream(trades, true)) {
            run.out = tw.raw();
            run.trades = ts;
            rows = CanonicalCsv.readBooks(book, run::onBook);
            run.finish();
        }
        System.err.println("eimas features: " + rows + " books, " + run.tradeCount + " trades, " + run.samples + " rows -> " + out
                + (paths ? " (path 18 triggered at " + run.path18Triggers + " steps, path 12 at " + run.path12Triggers + ")" : ""));
        return 0;
    }

    static final class Run implements PairStream.RowSink {
        private final SingleSymbol symbols;
        private final long stepNs;
        private final long windowNs;
        private final long vpinBucket;
        private final int vpinBuckets;
        private MicrostructureFeatures features;
        private final double[] values = new double[MicrostructureFeatures.NAMES.length];
        CsvWriter out;
        PairStream trades;
        MicrostructureStressPath path18;
        LiquidityCascadePath path12;
        long path18Triggers;
        long path12Triggers;
        long row;
        long tradeCount;
        long samples;
        private long nextSample = Long.MIN_VALUE;
        private long lastTs = Long.MIN_VALUE;

        Run(Path file, long windowNs, long stepNs, long vpinBucket, int vpinBuckets) {
            this.symbols = new SingleSymbol(file);
            this.windowNs = windowNs;
            this.stepNs = stepNs;
            this.vpinBucket = vpinBucket;
            this.vpinBuckets = vpinBuckets;
        }

        /** Emits every sampling step strictly before ts (all events at or before a step are in). */
        private void samplesBefore(long ts) {
            if (nextSample == Long.MIN_VALUE) {
                nextSample = Math.floorDiv(ts + stepNs - 1, stepNs) * stepNs; // first step at or after the first event
            }
            while (nextSample < ts) {
                emit(nextSample);
                nextSample += stepNs;
            }
        }

        private void emit(long t) {
            if (features == null) {
                return;
            }
            features.sample(t, values);
            out.field(t);
            for (double v : values) {
                out.field(v);
            }
            if (path18 != null) {
                double spread = features.spread();
                double depth = features.topDepth5();
                if (Double.isFinite(spread) && Double.isFinite(depth)) {
                    StressTrigger st = path18.update(t, values[MicrostructureFeatures.F_VPIN], values[MicrostructureFeatures.F_OFI], spread);
                    CascadeTrigger ct = path12.update(t, st, path18.lastSpreadZ(), 2.0, depth);
                    out.field(st == null ? "NONE" : st.severity().name());
                    out.field(ct == null ? "NONE" : "CRITICAL");
                    path18Triggers += st == null ? 0 : 1;
                    path12Triggers += ct == null ? 0 : 1;
                } else {
                    out.field("NONE").field("NONE");
                }
            }
            out.endRow();
            samples++;
        }

        void onBook(long ts, String sym, int levels, double[] bp, double[] bs, double[] ap, double[] as) {
            row++;
            symbols.check(sym, row);
            if (features == null) {
                features = new MicrostructureFeatures(windowNs, vpinBucket, vpinBuckets, levels);
            }
            trades.advanceTo(ts, this); // trades at or before this book first
            samplesBefore(ts);
            features.onBook(ts, levels, bp, bs, ap, as);
            lastTs = Math.max(lastTs, ts);
        }

        @Override
        public void onRow(long ts, double price, double size) {
            tradeCount++;
            if (features == null) {
                return; // trades before the first book have no quote or mid to relate to
            }
            samplesBefore(ts);
            features.onTrade(ts, price, size);
            lastTs = Math.max(lastTs, ts);
        }

        void finish() {
            if (features != null) {
                trades.advanceTo(Long.MAX_VALUE, this);
                samplesBefore(lastTs + 1); // the steps up to and including the last event's ts
            }
        }
    }
}
