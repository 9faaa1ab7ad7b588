package org.eimas.micro.flink;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point of the job jar ({@code eimas flink run} runs it in a child JVM; {@code flink run -c
 * org.eimas.micro.flink.FlinkJobMain eimas-flink-job.jar ...} submits it to a cluster). Without a
 * cluster context it runs on an in-process MiniCluster. After a bounded run it merges the part
 * files into {@code <out>/ofi/<SYMBOL>.csv}, {@code <out>/vpin/<SYMBOL>.csv} and
 * {@code <out>/vpin_alerts/<SYMBOL>.csv}, the first two identical to {@code eimas ofi --out} and
 * {@code eimas vpin --out} run on that symbol alone.
 */
public final class FlinkJobMain {
    /** Accumulators: rows the keyed operators processed (a restore counts replayed rows again). */
    static final String BOOK_ROWS = "book-rows";
    static final String TRADE_ROWS = "trade-rows";
    static final String USAGE = String.join("\n",
            "Usage: eimas flink run --books PATH... --trades PATH... --out DIR [options]",
            "Runs OFI (books) and VPIN (trades) keyed by symbol on Apache Flink.",
            "  --books PATH            canonical book CSV file or directory of *.csv[.gz] (repeatable)",
            "  --trades PATH           canonical trades CSV file or directory (repeatable)",
            "  --out DIR               output directory: ofi/<SYMBOL>.csv, vpin/<SYMBOL>.csv, vpin_alerts/<SYMBOL>.csv",
            "  --parallelism N         task parallelism (default 2)",
            "  --levels N              OFI levels (default 1), as eimas ofi",
            "  --window SECONDS        cumulative level-1 OFI window (repeatable), as eimas ofi",
            "  --bucket-size V         VPIN bucket size in shares (dollars with --dollar), as eimas vpin",
            "  --buckets n             buckets per VPIN value, as eimas vpin",
            "  --dollar                dollar-volume buckets",
            "  --classify tick         trade classification (tick only: bulk volume classification needs the whole sample)",
            "  --alert-basis cdf|fixed, --history H, --min-history M, --trend K   crash detector, as eimas vpin",
            "  --features              also features/<SYMBOL>.csv, as eimas features --book --trades (books and trades of a symbol merged by ts)",
            "  --paths                 --features plus columns path18, path12, as eimas features --paths",
            "  --features-window S (default 20), --features-every S (default 5), --features-vpin-bucket SHARES (default 10000),",
            "  --features-vpin-buckets n (default 50)   as eimas features --window, --every, --vpin-bucket, --vpin-buckets",
            "  --checkpoint-interval SECONDS   (default 2)",
            "  --checkpoint-dir URI    checkpoint storage (default: <out>/_checkpoints, removed after the run)",
            "  --from-savepoint PATH   resume from a savepoint or retained checkpoint (same --out: its pending part files are there)",
            "  --max-out-of-orderness SECONDS  watermark bound (default 1)",
            "  --keep-parts            keep <out>/_parts (the sinks' part files)",
            "Kafka (records: one canonical CSV row without header, or a JSON object with the canonical column names; key = symbol):",
            "  --kafka-bootstrap HOST:PORT, --books-topic T, --trades-topic T (instead of --books / --trades)",
            "  --kafka-group ID (default eimas-flink; starts at committed offsets, else earliest)",
            "  --kafka-bounded         stop at the offsets that are latest when the job starts (replay); default: run until cancelled",
            "  --out-topic-prefix P    also write <P>ofi, <P>vpin, <P>vpin_alerts (key symbol, value row,<columns>; at least once)",
            "QuestDB (ILP, at least once; WAL tables deduplicated on ts, symbol, row):",
            "  --questdb CONF          e.g. 'http::addr=127.0.0.1:9000;' (or env EIMAS_QUESTDB_ILP, to keep credentials off the command line)",
            "  --questdb-table-prefix P  tables <P>ofi, <P>vpin, <P>vpin_alerts (default flink_)");

    private FlinkJobMain() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println("eimas flink: " + e.getMessage());
            code = 1;
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.println("eimas flink: job failed: " + root);
            if (System.getenv("EIMAS_VERBOSE") != null) {
                e.printStackTrace();
            }
            code = 1;
        }
        System.exit(code);
    }

    /** Parses, runs and merges; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
        }
        JobOptions o = parse(args);
        long t0 = System.nanoTime();
        Run r = execute(o);
        Map<String, Map<String, Long>> rows = r.rows;
        double wall = (System.nanoTime() - t0) / 1e9;
        long total = 0;
        for (Map<String, Long> m : rows.values()) {
            for (long n : m.values()) {
                total += n;
            }
        }
        double job = r.jobMillis / 1e3;
        long events = r.bookRows + r.tradeRows;
        err.printf(java.util.Locale.ROOT, "eimas flink: %d book rows + %d trades at parallelism %d in %.1f s job time (%.0f events/s), merge %.1f s, total %.1f s%n",
                r.bookRows, r.tradeRows, o.parallelism, job, events / job, r.mergeMillis / 1e3, wall);
        err.println("eimas flink: " + total + " rows -> " + o.out + " " + summary(rows));
        return 0;
    }

    private static String summary(Map<String, Map<String, Long>> rows) {
        StringBuilder sb = new StringBuilder();
        rows.forEach((k, m) -> sb.append(sb.length() == 0 ? "(" : ", ").append(k).append(": ").append(m.size()).append(" symbols, ")
                .append(m.values().stream().mapToLong(Long::longValue).sum()).append(" rows"));
        return sb.append(')').toString();
    }

    /** What a bounded run did: output rows per output and symbol, input rows and times. */
    public record Run(Map<String, Map<String, Long>> rows, long bookRows, long tradeRows, long jobMillis, long mergeMillis) {
    }

    /** Runs the job to completion and merges its outputs. */
    public static Run execute(JobOptions o) throws Exception {
        StreamExecutionEnvironment env = environment(o);
        org.apache.flink.api.common.JobExecutionResult result = env.execute(JOB_NAME);
        long m0 = System.nanoTime();
        Map<String, Map<String, Long>> rows = finish(o);
        Long books = result.getAccumulatorResult(BOOK_ROWS);
        Long trades = result.getAccumulatorResult(TRADE_ROWS);
        return new Run(rows, books == null ? 0 : books, trades == null ? 0 : trades, result.getNetRuntime(),
                (System.nanoTime() - m0) / 1_000_000);
    }

    static final String JOB_NAME = "eimas-micro ofi+vpin";

    /**
     * Validates, clears {@code <out>/_parts} (unless resuming from a savepoint, whose pending files
     * live there) and returns an environment with the job defined on it.
     */
    public static StreamExecutionEnvironment environment(JobOptions o) throws IOException {
        o.validate();
        if (o.out != null) {
            if (o.fromSavepoint == null) {
                deleteTree(o.out.resolve("_parts"));
            }
            Files.createDirectories(o.out);
        }
        Configuration conf = new Configuration();
        if (o.checkpointDir != null) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, o.checkpointDir);
        } else if (o.out != null) {
            // file checkpoints under the output (the job manager's memory holds at most 5 MB); removed after the run
            Path own = ownCheckpoints(o);
            if (o.fromSavepoint == null) {
                deleteTree(own);
            }
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, own.toUri().toString());
        }
        if (o.fromSavepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, o.fromSavepoint);
        }
        if (o.restartAttempts > 0) {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, o.restartAttempts);
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, java.time.Duration.ofMillis(10));
        } else {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(o.parallelism);
        env.enableCheckpointing(o.checkpointIntervalMs, CheckpointingMode.EXACTLY_ONCE);
        EimasFlinkJob.define(env, o);
        return env;
    }

    private static Path ownCheckpoints(JobOptions o) {
        return o.out.resolve("_checkpoints").toAbsolutePath();
    }

    /** After a bounded run: merges the part files per symbol and removes the scratch directories. */
    public static Map<String, Map<String, Long>> finish(JobOptions o) {
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        if (o.out == null) {
            return rows;
        }
        Path parts = o.out.resolve("_parts");
        if (o.hasBooks()) {
            rows.put(EimasFlinkJob.OFI, OutputMerger.merge(parts.resolve(EimasFlinkJob.OFI), o.out.resolve(EimasFlinkJob.OFI), o.ofiHeader()));
        }
        if (o.hasTrades()) {
            rows.put(EimasFlinkJob.VPIN, OutputMerger.merge(parts.resolve(EimasFlinkJob.VPIN), o.out.resolve(EimasFlinkJob.VPIN), EimasFlinkJob.VPIN_HEADER));
            rows.put(EimasFlinkJob.VPIN_ALERTS, OutputMerger.merge(parts.resolve(EimasFlinkJob.VPIN_ALERTS),
                    o.out.resolve(EimasFlinkJob.VPIN_ALERTS), EimasFlinkJob.ALERT_HEADER));
        }
        if (o.features || o.paths) {
            rows.put(EimasFlinkJob.FEATURES, OutputMerger.merge(parts.resolve(EimasFlinkJob.FEATURES), o.out.resolve(EimasFlinkJob.FEATURES),
                    o.featuresHeader()));
        }
        if (!o.keepParts) {
            deleteTree(parts);
        }
        if (o.checkpointDir == null) {
            deleteTree(ownCheckpoints(o));
        }
        return rows;
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }

    /** Parses the job's arguments (the same names as the CLI's {@code ofi} and {@code vpin}). */
    public static JobOptions parse(String[] args) {
        JobOptions o = new JobOptions();
        String env = System.getenv("EIMAS_QUESTDB_ILP");
        if (env != null && !env.isBlank()) {
            o.questdb = env;
        }
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "--dollar" -> o.dollar = true;
                case "--keep-parts" -> o.keepParts = true;
                case "--kafka-bounded" -> o.kafkaBounded = true;
                case "--features" -> o.features = true;
                case "--paths" -> {
                    o.features = true;
                    o.paths = true;
                }
                default -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name.startsWith("--") ? "option " + name + " needs a value" : "unknown argument '" + a + "'");
                        }
                        value = args[++i];
                    }
                    apply(o, name, value);
                }
            }
        }
        o.validate();
        return o;
    }

    private static void apply(JobOptions o, String name, String v) {
        switch (name) {
            case "--books" -> o.books.add(Path.of(v));
            case "--trades" -> o.trades.add(Path.of(v));
            case "--out" -> o.out = Path.of(v);
            case "--parallelism" -> o.parallelism = integer(name, v);
            case "--levels" -> o.levels = integer(name, v);
            case "--window" -> o.windows.add(v);
            case "--bucket-size" -> o.bucketSize = v;
            case "--buckets" -> o.buckets = integer(name, v);
            case "--classify" -> {
                if (!v.equals("tick")) {
                    throw new IllegalArgumentException("--classify must be tick on Flink, got '" + v
                            + "' (bulk volume classification needs sigma of the whole sample; run eimas vpin --classify bvc)");
                }
            }
            case "--alert-basis" -> o.alertBasis = v;
            case "--history" -> o.history = integer(name, v);
            case "--min-history" -> o.minHistory = integer(name, v);
            case "--trend" -> o.trend = integer(name, v);
            case "--checkpoint-interval" -> o.checkpointIntervalMs = Math.max(1, JobOptions.secondsToNanos(name, v) / 1_000_000);
            case "--checkpoint-dir" -> o.checkpointDir = v;
            case "--from-savepoint" -> o.fromSavepoint = v;
            case "--kafka-bootstrap" -> o.kafkaBootstrap = v;
            case "--books-topic" -> o.booksTopic = v;
            case "--trades-topic" -> o.tradesTopic = v;
            case "--kafka-group" -> o.kafkaGroup = v;
            case "--out-topic-prefix" -> o.outTopicPrefix = v;
            case "--questdb" -> o.questdb = v;
            case "--features-window" -> o.featuresWindow = v;
            case "--features-every" -> o.featuresEvery = v;
            case "--features-vpin-bucket" -> o.featuresVpinBucket = integer(name, v);
            case "--features-vpin-buckets" -> o.featuresVpinBuckets = integer(name, v);
            case "--questdb-table-prefix" -> o.questdbTablePrefix = v;
            case "--max-out-of-orderness" -> o.maxOutOfOrdernessNanos = JobOptions.secondsToNanos(name, v);
            default -> throw new IllegalArgumentException("unknown option '" + name + "' (see --help)");
        }
    }

    private static int integer(String name, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + v + "'");
        }
    }
}
