package org.eimas.micro.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eimas.micro.cli.support.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void shortDemoWritesASelfContainedReportAndStoresItsRuns() throws Exception {
        Path out = dir.resolve("demo");
        // a FRED CSV download (VIXCLS, with one missing day) as the macro set
        StringBuilder fred = new StringBuilder("observation_date,VIXCLS\n");
        for (java.time.LocalDate d = java.time.LocalDate.of(2024, 4, 1); d.isBefore(java.time.LocalDate.of(2024, 6, 3));
             d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                fred.append(d).append(',').append(d.getDayOfMonth() == 15 ? "." : String.valueOf(12 + d.getDayOfMonth() % 7))
                        .append('\n');
            }
        }
        Path vix = Files.writeString(dir.resolve("VIXCLS.csv"), fred);
        CliRunner.Result r = CliRunner.run("demo", "--out", out.toString(), "--hours", "2.5", "--json",
                "--fred-csv", vix.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.objectMapper().readTree(r.out());
        assertThat(j.get("targets").fieldNames()).toIterable()
                .containsExactly("sharpe", "win_rate", "max_drawdown", "r2_5min", "ofi_direction_accuracy");
        assertThat(j.get("stored_rows").get("trades").asLong()).isEqualTo(j.get("events").get("trades").asLong());
        assertThat(j.get("macro_source").asText()).startsWith("FRED CSV");
        String html = Files.readString(out.resolve("report.html"));
        for (String part : new String[] {"<h2>SPY</h2>", "<h2>QQQ</h2>", "data:image/png;base64,", "<svg", "deflated Sharpe"}) {
            assertThat(html.contains(part)).as("report contains " + part).isTrue();
        }
        // self-contained: no external script, stylesheet or image
        for (String part : new String[] {"<script src", "src=\"http", "href=\"http", "<link"}) {
            assertThat(html.contains(part)).as("report must not contain " + part).isFalse();
        }
        assertThat(r.err()).contains("simulate").contains("network").contains("report");

        CliRunner.Result runs = CliRunner.run("runs", "--data-dir", out.resolve("data").toString(), "--json");
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(Json.objectMapper().readTree(runs.out()).size()).isEqualTo(4); // 2 strategies x 2 symbols
    }

    @Test
    void backtestRunIsStoredWithDataDir() throws Exception {
        Path bars = dir.resolve("bars.csv");
        Files.writeString(bars, "ts,close,position\n60000000000,100,1\n120000000000,101,0\n");
        Path data = dir.resolve("data");
        CliRunner.Result r = CliRunner.run("backtest", "--bars", bars.toString(), "--data-dir", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Json.objectMapper().readTree(r.out()).get("run_id").asLong()).isPositive();
        JsonNode runs = Json.objectMapper().readTree(CliRunner.run("runs", "--data-dir", data.toString(), "--json").out());
        assertThat(runs.get(0).get("trade_count").asInt()).isEqualTo(2);
    }
}
