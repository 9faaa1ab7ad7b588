package org.eimas.micro.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.domain.market.Trade;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability and exclusivity with real processes: a child JVM killed with SIGKILL mid-ingest, and
 * two processes on one data directory.
 */
class CrashAndLockTest {
    @TempDir
    Path dir;

    static Process child(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        String out = System.getProperty("out");
        if (out != null) {
            cmd.add("-Dout=" + out);
        }
        cmd.add(IngestChild.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Reads the child's lines until one starts with {@code prefix} and satisfies the count; returns it. */
    static long waitFor(BufferedReader r, String prefix, long atLeast) throws Exception {
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith(prefix)) {
                long n = line.length() > prefix.length() ? Long.parseLong(line.substring(prefix.length()).trim()) : 0;
                if (n >= atLeast) {
                    return n;
                }
            }
        }
        throw new AssertionError("child ended before printing '" + prefix + "' >= " + atLeast);
    }

    static List<Trade> expected(long n) {
        List<Trade> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(new Trade(IngestChild.ts(i), IngestChild.symbol(i), IngestChild.price(i), IngestChild.size(i)));
        }
        return out;
    }

    @Test
    @Tag("slow")
    void sigkillMidIngestKeepsEveryCommittedRowAndARerunEndsWithExactlyTheRows() throws Exception {
        Path data = dir.resolve("data");
        int batch = 20_000;
        long rows = 200_000;
        Process p = child("ingest", data.toString(), "" + rows, "" + batch, "300");
        long committed;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            committed = waitFor(r, "committed ", 3L * batch);
            p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no close()
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(p.exitValue()).isEqualTo(137); // 128 + SIGKILL
        assertThat(committed).isLessThan(rows);

        try (QuestDbTickStore store = QuestDbTickStore.open(data)) {
            List<Trade> got = new ArrayList<>();
            store.readTrades("KILL", 0, Long.MAX_VALUE, got::add);
            // every batch the child reported committed is there, nothing of an uncommitted batch
            assertThat(got.size()).isGreaterThanOrEqualTo((int) committed);
            assertThat(got.size() % batch).isZero();
            assertThat(got).isEqualTo(expected(got.size()));
        }

        // the same ingest, run again to the end: exactly the rows, none twice, none missing
        Process again = child("ingest", data.toString(), "" + rows, "" + batch, "0");
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("finished " + rows);
        try (QuestDbTickStore store = QuestDbTickStore.open(data)) {
            List<Trade> got = new ArrayList<>();
            store.readTrades("KILL", 0, Long.MAX_VALUE, got::add);
            assertThat(got).hasSize((int) rows);
            assertThat(got).isEqualTo(expected(rows));
            assertThat(store.count("trades")).isEqualTo(rows);
        }
    }

    @Test
    @Tag("slow")
    void aSecondProcessOnTheSameDataDirectoryGetsAClearError() throws Exception {
        Path data = dir.resolve("data");
        Process holder = child("hold", data.toString());
        try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            waitFor(r, "ready", 0);
            assertThatThrownBy(() -> QuestDbTickStore.open(data)).isInstanceOf(DataDirInUseException.class)
                    .hasMessageContaining("data directory in use").hasMessageContaining("pid " + holder.pid());
            assertThatThrownBy(() -> RelationalDatabase.openEmbedded(data, 0)).isInstanceOf(DataDirInUseException.class)
                    .hasMessageContaining("data directory in use");
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        // the OS released the lock with the killed process: the directory opens again, intact
        try (QuestDbTickStore store = QuestDbTickStore.open(data)) {
            assertThat(store.count("trades")).isZero();
        }
    }

    @Test
    void storesOfOneProcessShareTheLock() {
        Path data = dir.resolve("shared");
        try (QuestDbTickStore ticks = QuestDbTickStore.open(data);
             RelationalDatabase db = RelationalDatabase.openEmbedded(data, 0)) {
            assertThat(ticks.count("trades")).isZero();
            assertThat(db.schemaVersion()).isEqualTo(SchemaMigrator.shipped().size());
        }
        // both closed: a fresh open works
        QuestDbTickStore.open(data).close();
    }
}
