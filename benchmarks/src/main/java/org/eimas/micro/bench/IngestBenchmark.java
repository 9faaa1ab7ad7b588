package org.eimas.micro.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eimas.micro.replay.csv.CanonicalCsv;
import org.eimas.micro.storage.AsyncTickAppender;
import org.eimas.micro.storage.QuestDbTickStore;
import org.eimas.micro.storage.TickAppender;
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

/**
 * End-to-end ingest of a canonical trades {@code .csv.gz} (2 million rows) into the embedded
 * QuestDB tick store: gzip + CSV parsing, validation, WAL write with commits every 500 000 rows,
 * and the WAL apply that makes the rows readable. Reported as rows per second (ops/s x rows).
 * <ul>
 *   <li>{@code writer=sync}: parse and write on one thread ({@link TickAppender});
 *       {@code async}: parse on the caller's thread, write on another ({@link AsyncTickAppender},
 *       what {@code eimas ingest} uses).</li>
 *   <li>{@code target=fresh}: into an empty store; {@code reingest}: the same file again into a
 *       store that already holds it (QuestDB deduplicates every row).</li>
 * </ul>
 * Store start-up and the first ingest of {@code reingest} are untimed (per-invocation setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IngestBenchmark {
    static final int ROWS = 2_000_000;

    @Param({"async", "sync"})
    public String writer;

    @Param({"fresh", "reingest"})
    public String target;

    private Path file;
    private Path dir;
    private QuestDbTickStore store;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        file = Files.createTempFile("eimas-bench-ingest", ".csv.gz");
        CsvParseBenchmark.writeTrades(file, ROWS, 42);
    }

    @Setup(Level.Invocation)
    public void openStore() throws IOException {
        dir = Files.createTempDirectory("eimas-bench-store");
        store = QuestDbTickStore.open(dir);
        if (target.equals("reingest")) {
            ingest();
        }
    }

    @TearDown(Level.Invocation)
    public void closeStore() {
        long n = store.count("trades");
        store.close();
        delete(dir);
        if (n != ROWS) {
            throw new IllegalStateException("store holds " + n + " rows, expected " + ROWS);
        }
    }

    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long ingest() {
        int batch = QuestDbTickStore.DEFAULT_BATCH_ROWS;
        if (writer.equals("async")) {
            try (AsyncTickAppender a = new AsyncTickAppender(store.openAppender(TickAppender.Kind.TRADES, batch), 16_384)) {
                CanonicalCsv.readTrades(file, (ts, sym, px, sz, bid, ask) -> a.trade(ts, sym, px, sz, bid, ask, 0));
                a.finish();
                return a.committedRows();
            }
        }
        try (TickAppender a = store.openAppender(TickAppender.Kind.TRADES, batch)) {
            CanonicalCsv.readTrades(file, (ts, sym, px, sz, bid, ask) -> a.trade(ts, sym, px, sz, bid, ask, 0));
            a.finish();
            return a.committedRows();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
