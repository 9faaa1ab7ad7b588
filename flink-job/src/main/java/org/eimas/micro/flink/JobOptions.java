package org.eimas.micro.flink;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.MapFunction;
import org.eimas.micro.domain.vpin.CrashDetector;
import org.eimas.micro.domain.vpin.VolumeUnits;

/**
 * What {@code eimas flink run} was asked to do (parsed by {@link FlinkJobMain#parse}). Option names
 * and meanings are those of {@code eimas ofi} and {@code eimas vpin}.
 */
public final class JobOptions {
    public final List<Path> books = new ArrayList<>();
    public final List<Path> trades = new ArrayList<>();
    public Path out;
    public int parallelism = 2;
    public int levels = 1;
    public final List<String> windows = new ArrayList<>();
    public String bucketSize;
    public int buckets = -1;
    public boolean dollar;
    public String alertBasis = "cdf";
    public int history = 1000;
    public int minHistory = 50;
    public int trend = 12;
    public long checkpointIntervalMs = 2000;
    public String checkpointDir;
    /** Savepoint (or retained checkpoint) to resume from. */
    public String fromSavepoint;
    public long maxOutOfOrdernessNanos = 1_000_000_000L;
    public boolean keepParts;
    /** Microstructure features (and critical paths with {@link #paths}) from books and trades together. */
    public boolean features;
    public String featuresWindow = "20";
    public String featuresEvery = "5";
    public long featuresVpinBucket = 10_000;
    public int featuresVpinBuckets = 50;
    public boolean paths;
    public String kafkaBootstrap;
    public String booksTopic;
    public String tradesTopic;
    public String kafkaGroup = "eimas-flink";
    public boolean kafkaBounded;
    public String outTopicPrefix;
    /** QuestDB ILP connection string (from --questdb or env EIMAS_QUESTDB_ILP); may hold credentials: never logged. */
    public String questdb;
    public String questdbTablePrefix = "flink_";
    public int restartAttempts;
    /** Test hook: applied to every book row before the keyBy (null: none). */
    public transient MapFunction<BookRow, BookRow> bookTap;
    /** Test hook: applied to every trade before the keyBy (null: none). */
    public transient MapFunction<TradeRow, TradeRow> tradeTap;

    long[] windowNanos() {
        long[] w = new long[windows.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = secondsToNanos("--window", windows.get(i));
        }
        return w;
    }

    /** The CLI's OFI header: {@code ts,ofi_1..ofi_N,cum_ofi_1_<W>s...}. */
    List<String> ofiHeader() {
        List<String> h = new ArrayList<>();
        h.add("ts");
        for (int m = 1; m <= levels; m++) {
            h.add("ofi_" + m);
        }
        for (String w : windows) {
            h.add("cum_ofi_1_" + new BigDecimal(w.trim()).stripTrailingZeros().toPlainString() + "s");
        }
        return h;
    }

    /** The CLI's features header: {@code ts,<MicrostructureFeatures.NAMES>[,path18,path12]}. */
    List<String> featuresHeader() {
        List<String> h = new ArrayList<>();
        h.add("ts");
        h.addAll(List.of(org.eimas.micro.domain.features.MicrostructureFeatures.NAMES));
        if (paths) {
            h.add("path18");
            h.add("path12");
        }
        return h;
    }

    VpinParams vpinParams() {
        if (bucketSize == null || buckets < 1) {
            throw new IllegalArgumentException("--trades needs --bucket-size V and --buckets n (n >= 1)");
        }
        int minH = Math.min(minHistory, history);
        return new VpinParams(bucketUnits(bucketSize, VolumeUnits.perReported(dollar), dollar), buckets, dollar,
                alertBasis.equals("cdf") ? CrashDetector.Basis.CDF : CrashDetector.Basis.FIXED,
                Math.max(history, 1), Math.max(minH, 1), Math.max(trend, 3));
    }

    boolean hasBooks() {
        return !books.isEmpty() || booksTopic != null;
    }

    boolean hasTrades() {
        return !trades.isEmpty() || tradesTopic != null;
    }

    void validate() {
        if (out == null && outTopicPrefix == null && questdb == null) {
            throw new IllegalArgumentException("--out DIR is required (or --out-topic-prefix P / --questdb CONF for Kafka / QuestDB output only)");
        }
        if (!hasBooks() && !hasTrades()) {
            throw new IllegalArgumentException("give --books and/or --trades (files or directories of canonical CSV), or --books-topic / --trades-topic");
        }
        if (!books.isEmpty() && booksTopic != null || !trades.isEmpty() && tradesTopic != null) {
            throw new IllegalArgumentException("give books (trades) from files or from a topic, not both");
        }
        if ((booksTopic != null || tradesTopic != null || outTopicPrefix != null) && kafkaBootstrap == null) {
            throw new IllegalArgumentException("Kafka topics need --kafka-bootstrap HOST:PORT");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1, got " + parallelism);
        }
        if (levels < 1) {
            throw new IllegalArgumentException("--levels must be at least 1, got " + levels);
        }
        if (!List.of("cdf", "fixed").contains(alertBasis)) {
            throw new IllegalArgumentException("--alert-basis must be cdf or fixed, got '" + alertBasis + "'");
        }
        windowNanos();
        if (hasTrades()) {
            vpinParams();
        }
        if (features || paths) {
            if (!hasBooks() || !hasTrades()) {
                throw new IllegalArgumentException("--features needs both books and trades");
            }
            if (featuresVpinBucket <= 0 || featuresVpinBuckets <= 0) {
                throw new IllegalArgumentException("--features-vpin-bucket and --features-vpin-buckets must be positive");
            }
            secondsToNanos("--features-window", featuresWindow);
            secondsToNanos("--features-every", featuresEvery);
        }
        for (Path p : books) {
            requireExists("--books", p);
        }
        for (Path p : trades) {
            requireExists("--trades", p);
        }
    }

    private static void requireExists(String option, Path p) {
        if (!java.nio.file.Files.exists(p)) {
            throw new IllegalArgumentException(option + " " + p + ": no such file or directory");
        }
    }

    static long secondsToNanos(String option, String text) {
        BigDecimal s;
        try {
            s = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number of seconds, got '" + text + "'");
        }
        BigDecimal ns = s.movePointRight(9);
        if (s.signum() < 0 || ns.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(option + " must be a non-negative number of seconds (at most 9 decimals), got '" + text + "'");
        }
        if (s.signum() == 0 && option.equals("--window")) {
            throw new IllegalArgumentException("--window must be a positive number of seconds, got '" + text + "'");
        }
        return ns.longValueExact();
    }

    /** V in whole volume units (micro-shares or cents), exactly as {@code eimas vpin} requires. */
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
