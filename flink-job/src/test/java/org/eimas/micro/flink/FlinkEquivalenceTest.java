package org.eimas.micro.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on Flink's MiniCluster gives, for every symbol, exactly the bytes that {@code eimas ofi}
 * and {@code eimas vpin} write for that symbol alone, at parallelism 1 and 2, from one multi-symbol
 * file or from a directory of per-symbol files.
 */
@Tag("slow")
class FlinkEquivalenceTest {
    @TempDir
    static Path tmp;
    static SyntheticDay day;

    @BeforeAll
    static void simulate() throws IOException {
        day = SyntheticDay.create(tmp, 0.1);
    }

    @Test
    void multiSymbolFilesAtParallelism1() throws Exception {
        check(run(1, day.books, day.trades, "p1"));
    }

    @Test
    void multiSymbolFilesAtParallelism2() throws Exception {
        check(run(2, day.books, day.trades, "p2"));
    }

    @Test
    void perSymbolDirectoriesAtParallelism2() throws Exception {
        check(run(2, day.booksBySymbol, day.tradesBySymbol, "p2dir"));
    }

    private Path run(int p, Path books, Path trades, String name) throws Exception {
        Path out = tmp.resolve("out-" + name);
        FlinkJobMain.Run run = FlinkJobMain.execute(day.options(out, p, books, trades));
        Map<String, Map<String, Long>> rows = run.rows();
        assertThat(run.bookRows()).isEqualTo(day.bookRows.values().stream().mapToLong(Long::longValue).sum());
        assertThat(run.tradeRows()).isEqualTo(day.tradeRows.values().stream().mapToLong(Long::longValue).sum());
        assertThat(rows.get(EimasFlinkJob.OFI)).isEqualTo(day.bookRows);
        assertThat(rows.get(EimasFlinkJob.VPIN).keySet()).containsExactlyInAnyOrderElementsOf(SyntheticDay.SYMBOLS);
        assertThat(out.resolve("_parts")).doesNotExist();
        return out;
    }

    private static void check(Path out) throws IOException {
        long buckets = 0;
        for (String s : SyntheticDay.SYMBOLS) {
            for (String kind : List.of(EimasFlinkJob.OFI, EimasFlinkJob.VPIN, EimasFlinkJob.FEATURES)) {
                Path ref = day.reference.resolve(kind + "/" + s + ".csv");
                Path got = out.resolve(kind + "/" + s + ".csv");
                List<String> want = Files.readAllLines(ref);
                assertThat(Files.readAllLines(got)).as(kind + " " + s).containsExactlyElementsOf(want);
                assertThat(Files.mismatch(ref, got)).as(kind + " " + s + " bytes").isEqualTo(-1L);
                if (kind.equals(EimasFlinkJob.VPIN)) {
                    buckets += want.size() - 1;
                }
            }
        }
        // the test means something only if there are VPIN values and path triggers
        assertThat(buckets).isGreaterThan(50);
        long triggered = 0;
        for (String s : SyntheticDay.SYMBOLS) {
            triggered += Files.readAllLines(out.resolve("features/" + s + ".csv")).stream().filter(l -> l.endsWith("WARNING,NONE")
                    || l.endsWith("CRITICAL,NONE") || l.endsWith(",CRITICAL")).count();
        }
        System.out.println("feature rows with a critical path triggered: " + triggered);
        assertThat(triggered).isPositive();
    }
}
