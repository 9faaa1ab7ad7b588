package org.eimas.micro.cli.command;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.signing.BulkVolumeClassifier;
import org.eimas.micro.domain.signing.TickRule;
import org.eimas.micro.domain.vpin.AlertLevel;
import org.eimas.micro.domain.vpin.BucketListener;
import org.eimas.micro.domain.vpin.CrashAlert;
import org.eimas.micro.domain.vpin.CrashDetector;
import org.eimas.micro.domain.vpin.Vpin;
import org.eimas.micro.replay.csv.CanonicalCsv;
import org.eimas.micro.replay.csv.CsvTableWriter;
import org.eimas.micro.replay.csv.CsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eimas vpin}: volume buckets, VPIN and crash alerts over a trades file in one pass. */
@Command(name = "vpin", mixinStandardHelpOptions = true,
        description = {"VPIN (Easley, Lopez de Prado, O'Hara 2012) over volume (or dollar) buckets.",
                "--out writes bucket,end_ts,buy,sell,vpin (vpin empty for bucket < n);",
                "--json prints a summary: last VPIN, its empirical CDF and the alert level."})
public final class VpinCommand implements Callable<Integer> {
    /** Share volume is counted in micro-shares so fractional sizes stay exact. */
    static final long UNITS_PER_SHARE = org.eimas.micro.domain.vpin.VolumeUnits.UNITS_PER_SHARE;
    /** Dollar volume is counted in cents. */
    static final long UNITS_PER_DOLLAR = org.eimas.micro.domain.vpin.VolumeUnits.UNITS_PER_DOLLAR;

    @Spec
    CommandSpec spec;

    @Option(names = "--trades", required = true, paramLabel = "FILE", description = "Canonical trades CSV (plain or .gz), one symbol.")
    Path trades;

    @Option(names = "--bucket-size", required = true, paramLabel = "V", description = "Bucket size V in shares (dollars with --dollar).")
    String bucketSize;

    @Option(names = "--buckets", required = true, paramLabel = "n", description = "Buckets per VPIN value.")
    int buckets;

    @Option(names = "--dollar", description = "Buckets of dollar volume (price * size, counted in whole cents).")
    boolean dollar;

    @Option(names = "--classify", defaultValue = "tick", paramLabel = "tick|bvc", description = "Trade classification (default ${DEFAULT-VALUE}).")
    String classify;

    @Option(names = "--bar-seconds", defaultValue = "60", paramLabel = "SECONDS", description = "BVC bar length (default ${DEFAULT-VALUE}).")
    String barSeconds;

    @Option(names = "--out", paramLabel = "OUT.csv", description = "Output CSV (.gz to compress).")
    Path out;

    @Option(names = "--json", description = "Print a JSON summary.")
    boolean json;

    @Option(names = "--alert-basis", defaultValue = "cdf", paramLabel = "cdf|fixed", description = "Alert thresholds: empirical CDF (0.90/0.95/0.99) or fixed VPIN (0.6/0.7/0.8); default ${DEFAULT-VALUE}.")
    String alertBasis;

    @Option(names = "--history", defaultValue = "1000", paramLabel = "H", description = "VPIN values in the CDF's trailing history (default ${DEFAULT-VALUE}).")
    int history;

    @Option(names = "--min-history", defaultValue = "50", paramLabel = "M", description = "Values needed before the CDF is used (default ${DEFAULT-VALUE}).")
    int minHistory;

    @Option(names = "--trend", defaultValue = "12", paramLabel = "K", description = "VPIN values in the trend test (default ${DEFAULT-VALUE}).")
    int trendLookback;

    @Override
    public Integer call() {
        if (out == null && !json) {
            throw new ParameterException(spec.commandLine(), "give --out OUT.csv and/or --json");
        }
        if (!List.of("tick", "bvc").contains(classify)) {
            throw new ParameterException(spec.commandLine(), "--classify must be tick or bvc, got '" + classify + "'");
        }
        if (!List.of("cdf", "fixed").contains(alertBasis)) {
            throw new ParameterException(spec.commandLine(), "--alert-basis must be cdf or fixed, got '" + alertBasis + "'");
        }
        if (buckets < 1 || buckets > 10_000_000) {
            throw new ParameterException(spec.commandLine(), "--buckets must be in 1..10000000, got " + buckets);
        }
        if (history < 1 || history > 10_000_000 || trendLookback < 3 || trendLookback > 1_000_000) {
            throw new ParameterException(spec.commandLine(), "--history must be in 1..10000000 and --trend in 3..1000000, got "
                    + history + " and " + trendLookback);
        }
        if (minHistory > history) {
            minHistory = history;
        }
        long unitsPer = dollar ? UNITS_PER_DOLLAR : UNITS_PER_SHARE;
        long bucketUnits = bucketUnits(bucketSize, unitsPer, dollar);
        Vpin vpin = new Vpin(bucketUnits, buckets, unitsPer);
        CrashDetector detector = new CrashDetector(alertBasis.equals("cdf") ? CrashDetector.Basis.CDF : CrashDetector.Basis.FIXED,
                Math.max(history, 1), Math.max(minHistory, 1), Math.max(trendLookback, 3), 100_000);
        SingleSymbol symbols = new SingleSymbol(trades);
        long[] row = {0};
        long[] alertsRaised = {0};
        CsvTableWriter tw = out == null ? null : CsvTableWriter.open(out, List.of("bucket", "end_ts", "buy", "sell", "vpin"));
        long rows;
        try {
            CsvWriter w = tw == null ? null : tw.raw();
            BucketListener listener = (bucket, endTs, buy, sell, v) -> {
                if (w != null) {
                    w.field(bucket).field(endTs).field(buy).field(sell).field(v).endRow();
                }
                if (!Double.isNaN(v) && detector.update(endTs, v) != null) {
                    alertsRaised[0]++;
                }
            };
            boolean byDollar = dollar;
            if (classify.equals("tick")) {
                TickRule tick = new TickRule();
                rows = CanonicalCsv.readTrades(trades, (ts, sym, px, sz, bid, ask) -> {
                    symbols.check(sym, ++row[0]);
                    int s = tick.sign(px);
                    vpin.addSigned(ts, units(px, sz, byDollar), s, listener);
                });
            } else {
                BulkVolumeClassifier bvc = new BulkVolumeClassifier(Seconds.toNanos("--bar-seconds", barSeconds));
                rows = CanonicalCsv.readTrades(trades, (ts, sym, px, sz, bid, ask) -> {
                    symbols.check(sym, ++row[0]);
                    bvc.add(ts, px, units(px, sz, byDollar));
                });
                bvc.classify();
                for (int i = 0; i < bvc.bars(); i++) {
                    vpin.add(bvc.barEndTs(i), bvc.barVolume(i), bvc.buyFraction(i), listener);
                }
            }
        } finally {
            if (tw != null) {
                tw.close();
            }
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trades", rows);
            m.put("buckets", vpin.buckets());
            m.put("last_vpin", vpin.last());
            m.put("cdf", detector.lastCdf());
            AlertLevel level = Double.isNaN(vpin.last()) ? AlertLevel.NONE : detector.level();
            m.put("alert_level", level.name());
            m.put("action", level.action());
            m.put("alert_basis", detector.basis().name());
            m.put("fixed_level", Double.isNaN(vpin.last()) ? AlertLevel.NONE.name() : detector.fixedLevel().name());
            m.put("trend", detector.trend().name());
            m.put("alerts", alertsRaised[0]);
            List<CrashAlert> hist = detector.alerts();
            if (!hist.isEmpty()) {
                CrashAlert a = hist.get(hist.size() - 1);
                Map<String, Object> la = new LinkedHashMap<>();
                la.put("ts", a.ts());
                la.put("vpin", a.vpin());
                la.put("cdf", a.cdf());
                la.put("level", a.level().name());
                la.put("action", a.action());
                la.put("message", a.message());
                la.put("trend", a.trend().name());
                m.put("last_alert", la);
            }
            m.put("bucket_size", new BigDecimal(bucketSize.trim()).doubleValue());
            m.put("unit", dollar ? "dollar" : "share");
            m.put("classify", classify);
            Json.print(m);
        } else {
            System.err.println("eimas vpin: " + rows + " trades, " + vpin.buckets() + " buckets -> " + out);
        }
        return 0;
    }

    static long units(double price, double size, boolean dollar) {
        return org.eimas.micro.domain.vpin.VolumeUnits.of(price, size, dollar); // one definition, shared with flink-job
    }

    static long bucketUnits(String text, long unitsPer, boolean dollar) {
        BigDecimal v;
        try {
            v = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--bucket-size must be a number, got '" + text + "'");
        }
        BigDecimal u = v.multiply(BigDecimal.valueOf(unitsPer));
        if (v.signum() <= 0 || u.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("--bucket-size must be positive and a whole number of "
                    + (dollar ? "cents" : "micro-shares") + ", got '" + text + "'");
        }
        return u.longValueExact();
    }
}
