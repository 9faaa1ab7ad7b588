package org.eimas.micro.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.eimas.micro.cli.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliBasicsTest {
    @TempDir
    Path dir;

    @Test
    void helpAndVersion() {
        CliRunner.Result help = CliRunner.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: eimas").contains("backtest");
        CliRunner.Result version = CliRunner.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("eimas ");
    }

    @Test
    void errorsAreOneLineWithoutStackTraceUnlessVerbose() {
        CliRunner.Result r = CliRunner.run("backtest", "--bars", dir.resolve("missing.csv").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").contains("missing.csv").contains("file not found");
        CliRunner.Result v = CliRunner.run("backtest", "--verbose", "--bars", dir.resolve("missing.csv").toString());
        assertThat(v.err()).contains("at org.eimas");
        CliRunner.Result u = CliRunner.run("no-such-command");
        assertThat(u.exitCode()).isEqualTo(2);
        assertThat(u.err()).contains("Unmatched argument");
    }

    @Test
    void backtestJsonKeysAndOutputs() throws Exception {
        Path bars = dir.resolve("bars.csv");
        Files.writeString(bars, "ts,close,position\n60000000000,100,1\n120000000000,101,1\n180000000000,99,-1\n"
                + "240000000000,99,0\n300000000000,100,0\n");
        CliRunner.Result r = CliRunner.run("backtest", "--bars", bars.toString(), "--cost-bps", "10", "--json",
                "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.objectMapper().readTree(r.out());
        assertThat(j.fieldNames()).toIterable().contains("total_return", "sharpe", "max_drawdown", "win_rate",
                "profit_factor", "trades");
        assertThat(j.get("trades").asInt()).isEqualTo(2);
        assertThat(j.get("total_cost").asDouble()).isEqualTo(0.004, org.assertj.core.data.Offset.offset(1e-12));
        // one-minute bars: the default annualisation is derived from the spacing
        assertThat(j.get("bars_per_year").asDouble()).isEqualTo(98280.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(dir.resolve("out/trades.csv")).exists();
        assertThat(Files.readAllLines(dir.resolve("out/equity.csv"))).hasSize(6);
        assertThat(Files.size(dir.resolve("out/equity.png"))).isGreaterThan(1000);
        assertThat(Files.size(dir.resolve("out/drawdown.png"))).isGreaterThan(1000);
    }
}
