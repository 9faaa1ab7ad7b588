package org.eimas.micro.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault tolerance: a task fails on purpose in the middle of the run, after at least one completed
 * checkpoint; Flink restarts the job from that checkpoint (sources at their checkpointed row,
 * keyed OFI/VPIN state, the sinks' pending files) and the final output equals the uninterrupted
 * single-JVM run's, row for row, with no duplicate and no gap (the merge checks row numbers 1..N).
 */
@Tag("slow")
class FlinkRestoreTest {
    @TempDir
    static Path tmp;
    static SyntheticDay day;

    // the taps run inside the MiniCluster, in this JVM: static counters are visible here
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicLong CHECKPOINTS_BEFORE_FAILURE = new AtomicLong();
    // [0] books, [1] trades
    static final AtomicLong[] ROWS_BEFORE_FAILURE = {new AtomicLong(), new AtomicLong()};
    static final AtomicLong[] ROWS_AFTER_RESTART = {new AtomicLong(), new AtomicLong()};

    @BeforeAll
    static void simulate() throws IOException {
        day = SyntheticDay.create(tmp, 0.1);
    }

    /** Slows the stream until a checkpoint completed after {@code failAfter} rows, then throws once. */
    static final class FailOnce<T> extends RichMapFunction<T, T> implements CheckpointListener {
        private final int tap;
        private final long failAfter;
        private long seen;
        private volatile boolean checkpointed;

        FailOnce(int tap, long failAfter) {
            this.tap = tap;
            this.failAfter = failAfter;
        }

        @Override
        public T map(T value) throws Exception {
            if (getRuntimeContext().getTaskInfo().getAttemptNumber() > 0) {
                ROWS_AFTER_RESTART[tap].incrementAndGet();
                return value;
            }
            ROWS_BEFORE_FAILURE[tap].incrementAndGet();
            seen++;
            if (seen >= failAfter && !FAILED.get()) {
                if (checkpointed && FAILED.compareAndSet(false, true)) {
                    throw new RuntimeException("injected failure after " + seen + " rows");
                }
                Thread.sleep(1); // give the next checkpoint time to complete, row by row
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (seen >= failAfter && !FAILED.get()) {
                checkpointed = true;
                CHECKPOINTS_BEFORE_FAILURE.incrementAndGet();
            }
        }
    }

    // rows seen by the Throttle taps: [phase][0 books, 1 trades]
    static final AtomicLong[][] SEEN = {{new AtomicLong(), new AtomicLong()}, {new AtomicLong(), new AtomicLong()}};

    /** Counts rows; in phase 0, after {@code slowAfter} rows, sleeps 1 ms per row so the job is still running when stopped. */
    static final class Throttle<T> extends RichMapFunction<T, T> {
        private final int phase;
        private final int tap;
        private final long slowAfter;

        Throttle(int phase, int tap, long slowAfter) {
            this.phase = phase;
            this.tap = tap;
            this.slowAfter = slowAfter;
        }

        @Override
        public T map(T value) throws Exception {
            if (SEEN[phase][tap].incrementAndGet() > slowAfter) {
                Thread.sleep(1);
            }
            return value;
        }
    }

    @Test
    void stopWithSavepointInTheMiddleAndResumeGivesTheUninterruptedOutput() throws Exception {
        long books = day.bookRows.values().stream().mapToLong(Long::longValue).sum();
        long trades = day.tradeRows.values().stream().mapToLong(Long::longValue).sum();
        Path out = tmp.resolve("out-savepoint");
        JobOptions o = day.options(out, 2, day.booksBySymbol, day.tradesBySymbol);
        o.checkpointDir = tmp.resolve("ckpt-sp").toUri().toString();
        o.bookTap = new Throttle<>(0, 0, books / 3);
        o.tradeTap = new Throttle<>(0, 1, trades / 3);
        org.apache.flink.core.execution.JobClient client = FlinkJobMain.environment(o).executeAsync(FlinkJobMain.JOB_NAME);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while ((SEEN[0][0].get() < books / 3 || SEEN[0][1].get() < trades / 3) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String savepoint = client.stopWithSavepoint(false, tmp.resolve("savepoints").toUri().toString(),
                org.apache.flink.core.execution.SavepointFormatType.CANONICAL).get(120, java.util.concurrent.TimeUnit.SECONDS);
        long booksBefore = SEEN[0][0].get();
        long tradesBefore = SEEN[0][1].get();
        assertThat(booksBefore).isLessThan(books);
        assertThat(tradesBefore).isLessThan(trades);

        JobOptions r = day.options(out, 2, day.booksBySymbol, day.tradesBySymbol);
        r.checkpointDir = o.checkpointDir;
        r.fromSavepoint = savepoint;
        r.bookTap = new Throttle<>(1, 0, Long.MAX_VALUE);
        r.tradeTap = new Throttle<>(1, 1, Long.MAX_VALUE);
        FlinkJobMain.execute(r);
        System.out.printf("savepoint test: books %d, read before the stop %d, after the resume %d; trades %d, %d, %d%n",
                books, booksBefore, SEEN[1][0].get(), trades, tradesBefore, SEEN[1][1].get());
        // the resumed job read only what the stopped one had not (the savepoint holds the readers' positions)
        assertThat(booksBefore + SEEN[1][0].get()).isEqualTo(books);
        assertThat(tradesBefore + SEEN[1][1].get()).isEqualTo(trades);
        for (String s : SyntheticDay.SYMBOLS) {
            for (String kind : List.of(EimasFlinkJob.OFI, EimasFlinkJob.VPIN, EimasFlinkJob.FEATURES)) {
                Path ref = day.reference.resolve(kind + "/" + s + ".csv");
                Path got = out.resolve(kind + "/" + s + ".csv");
                assertThat(Files.readAllLines(got)).as(kind + " " + s).containsExactlyElementsOf(Files.readAllLines(ref));
            }
        }
    }

    @Test
    void failureInTheMiddleRestoresFromTheCheckpointWithNoGapAndNoDuplicate() throws Exception {
        long books = day.bookRows.values().stream().mapToLong(Long::longValue).sum();
        long trades = day.tradeRows.values().stream().mapToLong(Long::longValue).sum();
        Path out = tmp.resolve("out-restore");
        JobOptions o = day.options(out, 2, day.books, day.trades);
        o.restartAttempts = 3;
        o.checkpointIntervalMs = 50;
        o.bookTap = new FailOnce<>(0, books / 3);
        o.tradeTap = new FailOnce<>(1, Long.MAX_VALUE); // counts trades, never fails
        FlinkJobMain.execute(o);

        System.out.printf("restore test: books=%d trades=%d checkpoints before failure=%d; books read before failure=%d, after restart=%d;"
                        + " trades read before=%d, after=%d%n", books, trades, CHECKPOINTS_BEFORE_FAILURE.get(),
                ROWS_BEFORE_FAILURE[0].get(), ROWS_AFTER_RESTART[0].get(), ROWS_BEFORE_FAILURE[1].get(), ROWS_AFTER_RESTART[1].get());
        assertThat(FAILED).isTrue();
        assertThat(CHECKPOINTS_BEFORE_FAILURE.get()).isPositive();
        // the failure came in the middle, and the restart resumed the books from a checkpoint, not
        // from the first row: fewer rows than the whole file were read again, and the two attempts
        // together read every row at least once
        assertThat(ROWS_BEFORE_FAILURE[0].get()).isGreaterThanOrEqualTo(books / 3).isLessThan(books);
        assertThat(ROWS_AFTER_RESTART[0].get()).isPositive().isLessThan(books);
        assertThat(ROWS_BEFORE_FAILURE[0].get() + ROWS_AFTER_RESTART[0].get()).isGreaterThanOrEqualTo(books);

        for (String s : SyntheticDay.SYMBOLS) {
            for (String kind : List.of(EimasFlinkJob.OFI, EimasFlinkJob.VPIN, EimasFlinkJob.FEATURES)) {
                Path ref = day.reference.resolve(kind + "/" + s + ".csv");
                Path got = out.resolve(kind + "/" + s + ".csv");
                assertThat(Files.readAllLines(got)).as(kind + " " + s).containsExactlyElementsOf(Files.readAllLines(ref));
            }
        }
    }
}
