package org.eimas.micro.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkJobMainTest {
    @TempDir
    Path tmp;

    @Test
    void parsesTheCliOptions() throws Exception {
        Path b = Files.createDirectories(tmp.resolve("b"));
        Path t = Files.createDirectories(tmp.resolve("t"));
        JobOptions o = FlinkJobMain.parse(new String[] {"--books", b.toString(), "--trades=" + t, "--out", "o", "--parallelism", "3",
                "--levels", "5", "--window", "10", "--window", "0.50", "--bucket-size", "0.5", "--buckets", "50", "--dollar",
                "--alert-basis", "fixed", "--checkpoint-interval", "0.25", "--max-out-of-orderness", "2"});
        assertThat(o.books).containsExactly(b);
        assertThat(o.trades).containsExactly(t);
        assertThat(o.parallelism).isEqualTo(3);
        assertThat(o.windowNanos()).containsExactly(10_000_000_000L, 500_000_000L);
        assertThat(o.ofiHeader()).containsExactly("ts", "ofi_1", "ofi_2", "ofi_3", "ofi_4", "ofi_5", "cum_ofi_1_10s", "cum_ofi_1_0.5s");
        assertThat(o.vpinParams().bucketUnits).isEqualTo(50); // 0.5 dollar = 50 cents
        assertThat(o.checkpointIntervalMs).isEqualTo(250);
        assertThat(o.maxOutOfOrdernessNanos).isEqualTo(2_000_000_000L);
    }

    @Test
    void badArgumentsAreClearErrors() throws Exception {
        Path b = Files.createDirectories(tmp.resolve("b"));
        assertThatThrownBy(() -> FlinkJobMain.parse(new String[] {"--books", b.toString()})).hasMessageContaining("--out DIR is required");
        assertThatThrownBy(() -> FlinkJobMain.parse(new String[] {"--books", tmp.resolve("nope").toString(), "--out", "o"}))
                .hasMessageContaining("--books").hasMessageContaining("no such file");
        assertThatThrownBy(() -> FlinkJobMain.parse(new String[] {"--trades", b.toString(), "--out", "o"}))
                .hasMessageContaining("--bucket-size V and --buckets n");
        assertThatThrownBy(() -> FlinkJobMain.parse(new String[] {"--trades", b.toString(), "--out", "o", "--bucket-size", "0.0000001", "--buckets", "5"}))
                .hasMessageContaining("whole number of micro-shares");
        assertThatThrownBy(() -> FlinkJobMain.parse(new String[] {"--books", b.toString(), "--out", "o", "--classify", "bvc"}))
                .hasMessageContaining("--classify must be tick");
        assertThatThrownBy(() -> FlinkJobMain.parse(new String[] {"--books", b.toString(), "--out", "o", "--frobnicate", "1"}))
                .hasMessageContaining("unknown option '--frobnicate'");
        assertThatThrownBy(() -> FlinkJobMain.parse(new String[] {"--books", b.toString(), "--out", "o", "--window", "-1"}))
                .hasMessageContaining("--window");
        assertThatThrownBy(() -> FlinkJobMain.parse(new String[] {"--books", b.toString(), "--out"}))
                .hasMessageContaining("option --out needs a value");
    }

    @Test
    void helpPrintsTheUsage() throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        int code = FlinkJobMain.run(new String[] {"--help"}, new PrintStream(bo, true), System.err);
        assertThat(code).isZero();
        assertThat(bo.toString()).contains("--books PATH").contains("--bucket-size V");
    }
}
