package org.eimas.micro.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.replay.csv.CanonicalCsv;
import org.eimas.micro.replay.csv.CanonicalCsvWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Canonical trade CSV parse throughput, gzip and plain, 2 million rows per invocation.
 * Reported as rows per second (ops/s x {@value #ROWS}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CsvParseBenchmark {
    static final int ROWS = 2_000_000;

    @Param({"gz", "plain"})
    public String compression;

    private Path file;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        file = Files.createTempFile("eimas-bench-trades", compression.equals("gz") ? ".csv.gz" : ".csv");
        writeTrades(file, ROWS, 42);
    }

    /** A seeded random walk of trades at 1-cent ticks, a few per millisecond. */
    public static void writeTrades(Path file, int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long ts = 1_700_000_000_000_000_000L;
        long cents = 45_000;
        try (CanonicalCsvWriter w = CanonicalCsvWriter.trades(file, false)) {
            for (int i = 0; i < rows; i++) {
                ts += r.nextInt(0, 2_000_000);
                cents += r.nextInt(-1, 2);
                w.trade(ts, "SPY", cents / 100.0, 1 + r.nextInt(0, 500), Double.NaN, Double.NaN);
            }
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void parseTrades(Blackhole bh) {
        CanonicalCsv.readTrades(file, (ts, sym, px, sz, bid, ask) -> {
            bh.consume(ts);
            bh.consume(px);
            bh.consume(sz);
        });
    }
}
