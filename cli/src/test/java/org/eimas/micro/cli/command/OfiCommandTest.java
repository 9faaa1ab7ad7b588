package org.eimas.micro.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfiCommandTest {
    @TempDir
    Path dir;

    private Path book() throws Exception {
        // two levels; ts in ns, 1 s = 1e9. Rows 2 and 3 share a ts.
        return CliRun.write(dir, "book.csv",
                "ts,symbol,bid_px_1,bid_sz_1,ask_px_1,ask_sz_1,bid_px_2,bid_sz_2,ask_px_2,ask_sz_2",
                "0,X,10.00,100,10.02,200,9.99,50,10.03,60",
                "1000000000,X,10.00,150,10.02,200,9.99,50,10.03,60",   // e1 = 50, e2 = 0
                "1000000000,X,10.01,30,10.02,180,10.00,150,10.03,60",  // e1 = 30 + 20 = 50, e2 = +150 (bid up), 0
                "2500000000,X,10.00,80,10.01,40,9.99,10,10.02,5",      // e1 = -30 - 40 = -70, e2 = -150 - 5 = -155
                "3000000000,X,10.00,80,10.02,300,9.99,10,10.03,60");   // e1 = 0 + 40 = 40, e2 = 0 + 5 = 5
    }

    @Test
    void writesLevelsAndInclusiveWindowsWithEqualValuesForEqualTimestamps() throws Exception {
        Path out = dir.resolve("ofi.csv");
        CliRun r = CliRun.run("ofi", "--book", book().toString(), "--levels", "2", "--window", "1", "--window", "2.0",
                "--out", out.toString());
        assertThat(r.code).as(r.err).isEqualTo(0);
        assertThat(CliRun.lines(out)).containsExactly(
                "ts,ofi_1,ofi_2,cum_ofi_1_1s,cum_ofi_1_2s",
                "0,0,0,0,0",
                // window [0, 1 s] holds rows 1-3 for both rows with ts 1 s
                "1000000000,50,0,100,100",
                "1000000000,50,150,100,100",
                // [1.5 s, 2.5 s] holds only row 4; [0.5 s, 2.5 s] rows 2-4
                "2500000000,-70,-155,-70,30",
                // [2 s, 3 s]: rows 4-5; [1 s, 3 s]: rows 2-5
                "3000000000,40,5,-30,70");
    }

    @Test
    void regressionJsonHasTheContractKeys() throws Exception {
        CliRun r = CliRun.run("ofi", "--book", book().toString(), "--regress", "1", "--json");
        assertThat(r.code).as(r.err).isEqualTo(0);
        JsonNode j = new ObjectMapper().readTree(r.out);
        // intervals 0 (dropped), 1: OFI 100, mid 10.015 - 10.01 = 0.5 tick; 2: OFI -70, mid 10.005: -1; 3: OFI 40, mid 10.01: +0.5
        double[] x = {100, -70, 40};
        double[] y = {0.5, -1, 0.5};
        double mx = 70 / 3.0, my = 0;
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < 3; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        assertThat(j.get("intervals").asLong()).isEqualTo(3);
        assertThat(j.get("beta").asDouble()).isCloseTo(sxy / sxx, within(1e-12));
        assertThat(j.get("intercept").asDouble()).isCloseTo(my - sxy / sxx * mx, within(1e-12));
        assertThat(j.get("r2").asDouble()).isCloseTo(sxy * sxy / (sxx * syy), within(1e-12));
        // last interval: OFI 40, below the default threshold 1000; impact at mid 10.01
        assertThat(j.get("last_interval_ofi").asDouble()).isEqualTo(40);
        assertThat(j.get("signal").asText()).isEqualTo("NEUTRAL");
        double ticks = (my - sxy / sxx * mx) + sxy / sxx * 40;
        assertThat(j.get("expected_move_ticks").asDouble()).isCloseTo(ticks, within(1e-12));
        assertThat(j.get("expected_move_bps").asDouble()).isCloseTo(ticks * 0.01 / 10.01 * 1e4, within(1e-9));
        CliRun s = CliRun.run("ofi", "--book", book().toString(), "--regress", "1", "--json", "--signal-threshold", "39");
        assertThat(new ObjectMapper().readTree(s.out).get("signal").asText()).isEqualTo("BUY");
    }

    @Test
    void badInputNamesTheProblem() throws Exception {
        Path two = CliRun.write(dir, "two.csv", "ts,symbol,bid_px_1,bid_sz_1,ask_px_1,ask_sz_1",
                "0,X,10.00,100,10.02,200", "1,Y,10.00,100,10.02,200");
        CliRun r = CliRun.run("ofi", "--book", two.toString(), "--out", dir.resolve("o.csv").toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("two.csv:3:").contains("one symbol");
        CliRun lv = CliRun.run("ofi", "--book", two.toString(), "--levels", "3", "--out", dir.resolve("o.csv").toString());
        assertThat(lv.err).contains("--levels 3 but the book file has 1 levels");
        CliRun bad = CliRun.run("ofi", "--book", book().toString(), "--window", "abc", "--out", dir.resolve("o.csv").toString());
        assertThat(bad.code).isEqualTo(1);
        assertThat(bad.err).contains("--window must be a number of seconds, got 'abc'");
    }
}
