package org.eimas.micro.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void liveVendorsAreAClearErrorInThisBuild() {
        CliRun r = CliRun.run("serve", "--source", "polygon", "--port", "0");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--source polygon is not available in this build");
        assertThat(CliRun.run("serve", "--source", "alpaca").err).contains("--source alpaca is not available in this build");
    }

    @Test
    void replayNeedsFilesAndOffLoopbackNeedsAToken() {
        CliRun r = CliRun.run("serve", "--source", "replay", "--port", "0");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--source replay needs --book FILE and/or --trades FILE");
        CliRun missing = CliRun.run("serve", "--source", "replay", "--trades", dir.resolve("none.csv").toString(), "--port", "0");
        assertThat(missing.code).isEqualTo(1);
        assertThat(missing.err).contains("none.csv").contains("no such file");
        Assumptions.assumeTrue(System.getenv("EIMAS_DASHBOARD_TOKEN") == null, "EIMAS_DASHBOARD_TOKEN is set");
        CliRun open = CliRun.run("serve", "--host", "0.0.0.0", "--port", "0");
        assertThat(open.code).isEqualTo(2);
        assertThat(open.err).contains("requires a token");
    }

    /** A simulated file replayed through the monitor as fast as possible; its alerts land in H2 and list back. */
    @Test
    void replayServesAndStoresAlertsInTheDataDir() {
        Path sim = dir.resolve("sim");
        assertThat(CliRun.run("simulate", "--symbols", "SPY", "--hours", "0.5", "--out", sim.toString()).code).isZero();
        Path data = dir.resolve("data");
        CliRun r = CliRun.run("serve", "--source", "replay", "--symbols", "SPY", "--book", sim.resolve("books.csv").toString(),
                "--trades", sim.resolve("trades.csv").toString(), "--speed", "0", "--port", "0", "--duration", "4",
                "--data-dir", data.toString());
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.err).containsPattern("dashboard at http://127\\.0\\.0\\.1:\\d+/ \\(source replay, symbols SPY, alerts stored in ")
                .contains("feed CLOSED (end of the recorded files)");
        Matcher m = Pattern.compile("stopping after 4 s: (\\d+) updates, (\\d+) alerts").matcher(r.err);
        assertThat(m.find()).as(r.err).isTrue();
        long updates = Long.parseLong(m.group(1));
        long alerts = Long.parseLong(m.group(2));
        assertThat(updates).as("half an hour at 5 s per update").isBetween(340L, 370L);
        CliRun listed = CliRun.run("alerts", "--data-dir", data.toString(), "--json");
        assertThat(listed.code).isZero();
        int stored = listed.out.isBlank() || listed.out.trim().equals("[]") ? 0 : listed.out.split("\"id\"").length - 1;
        assertThat(stored).isEqualTo((int) alerts);
    }
}
