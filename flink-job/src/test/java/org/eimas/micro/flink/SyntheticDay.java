package org.eimas.micro.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eimas.micro.cli.EimasCli;

/**
 * A small multi-symbol synthetic day ({@code eimas simulate}, i.e. the seeded
 * {@code org.eimas.micro.replay.sim.SyntheticMarket}), its books and trades split into one file per
 * symbol, and the single-JVM reference outputs of {@code eimas ofi} and {@code eimas vpin} run on
 * each symbol alone.
 */
final class SyntheticDay {
    static final List<String> SYMBOLS = List.of("SPY", "QQQ", "AAPL", "MSFT", "XYZ");
    static final String LEVELS = "3";
    static final List<String> WINDOWS = List.of("1", "0.25");
    static final String BUCKET = "2000";
    static final String BUCKETS = "10";
    static final String F_WINDOW = "20";
    static final String F_EVERY = "2.5";

    final Path dir;
    final Path books;
    final Path trades;
    final Path booksBySymbol;
    final Path tradesBySymbol;
    final Path reference;
    final Map<String, Long> bookRows = new LinkedHashMap<>();
    final Map<String, Long> tradeRows = new LinkedHashMap<>();

    private SyntheticDay(Path dir) {
        this.dir = dir;
        this.books = dir.resolve("sim/books.csv");
        this.trades = dir.resolve("sim/trades.csv");
        this.booksBySymbol = dir.resolve("books");
        this.tradesBySymbol = dir.resolve("trades");
        this.reference = dir.resolve("reference");
    }

    static SyntheticDay create(Path dir, double hours) throws IOException {
        SyntheticDay d = new SyntheticDay(dir);
        cli("simulate", "--symbols", String.join(",", SYMBOLS), "--hours", String.valueOf(hours), "--levels", "5",
                "--seed", "11", "--out", dir.resolve("sim").toString());
        split(d.books, d.booksBySymbol, d.bookRows);
        split(d.trades, d.tradesBySymbol, d.tradeRows);
        for (String s : SYMBOLS) {
            List<String> ofi = new ArrayList<>(List.of("ofi", "--book", d.booksBySymbol.resolve(s + ".csv").toString(),
                    "--levels", LEVELS, "--out", d.reference.resolve("ofi/" + s + ".csv").toString()));
            for (String w : WINDOWS) {
                ofi.add("--window");
                ofi.add(w);
            }
            cli(ofi.toArray(new String[0]));
            cli("vpin", "--trades", d.tradesBySymbol.resolve(s + ".csv").toString(), "--bucket-size", BUCKET, "--buckets", BUCKETS,
                    "--out", d.reference.resolve("vpin/" + s + ".csv").toString());
            cli("features", "--book", d.booksBySymbol.resolve(s + ".csv").toString(), "--trades", d.tradesBySymbol.resolve(s + ".csv").toString(),
                    "--window", F_WINDOW, "--every", F_EVERY, "--vpin-bucket", BUCKET, "--vpin-buckets", BUCKETS, "--paths",
                    "--out", d.reference.resolve("features/" + s + ".csv").toString());
        }
        return d;
    }

    /** The job's options for the same computation. */
    JobOptions options(Path out, int parallelism, Path booksIn, Path tradesIn) {
        JobOptions o = new JobOptions();
        o.books.add(booksIn);
        o.trades.add(tradesIn);
        o.out = out;
        o.parallelism = parallelism;
        o.levels = Integer.parseInt(LEVELS);
        o.windows.addAll(WINDOWS);
        o.bucketSize = BUCKET;
        o.buckets = Integer.parseInt(BUCKETS);
        o.checkpointIntervalMs = 100;
        o.features = true;
        o.paths = true;
        o.featuresWindow = F_WINDOW;
        o.featuresEvery = F_EVERY;
        o.featuresVpinBucket = Long.parseLong(BUCKET);
        o.featuresVpinBuckets = Integer.parseInt(BUCKETS);
        return o;
    }

    static void cli(String... args) {
        int code = EimasCli.commandLine().execute(args);
        assertThat(code).as("eimas " + String.join(" ", args)).isZero();
    }

    /** Splits a multi-symbol canonical CSV by its symbol column, text unchanged. */
    private static void split(Path file, Path outDir, Map<String, Long> rows) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String header = lines.get(0);
        Map<String, StringBuilder> by = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            int a = l.indexOf(',');
            String sym = l.substring(a + 1, l.indexOf(',', a + 1));
            by.computeIfAbsent(sym, k -> new StringBuilder(header).append('\n')).append(l).append('\n');
            rows.merge(sym, 1L, Long::sum);
        }
        Files.createDirectories(outDir);
        for (Map.Entry<String, StringBuilder> e : by.entrySet()) {
            Files.writeString(outDir.resolve(e.getKey() + ".csv"), e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
