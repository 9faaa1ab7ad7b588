package org.eimas.micro.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.eimas.micro.cli.EimasCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCommandsTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            var cl = EimasCli.commandLine();
            cl.setOut(new java.io.PrintWriter(System.out, true));
            cl.setErr(new java.io.PrintWriter(System.err, true));
            int code = cl.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static JsonNode json(Run r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    /** y = 2 + 0.5 x + noise, plus a second feature z. */
    private Path table(int n) throws IOException {
        Random rnd = new Random(4);
        StringBuilder sb = new StringBuilder("ts,x,z,y\n");
        for (int i = 0; i < n; i++) {
            double x = rnd.nextGaussian() * 2 + 1;
            double z = rnd.nextGaussian();
            double y = 2 + 0.5 * x + 0.3 * rnd.nextGaussian();
            sb.append(1_000_000_000L * (i + 1)).append(',').append(x).append(',').append(z).append(',').append(y).append('\n');
        }
        Path f = dir.resolve("t.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void lassoPrintsTheContractKeys() throws IOException {
        Path f = table(200);
        JsonNode fits = json(run("lasso", "--table", f.toString(), "--target", "y", "--alpha", "0.1", "--alpha", "0.01",
                "--json"));
        assertThat(fits.get("fits")).hasSize(2);
        JsonNode first = fits.get("fits").get(0);
        assertThat(first.get("alpha").asDouble()).isEqualTo(0.1);
        assertThat(first.has("intercept")).isTrue();
        assertThat(first.get("coefficients").has("x")).isTrue();
        assertThat(first.get("coefficients").has("z")).isTrue();
        assertThat(first.get("coefficients").has("y")).isFalse();
        assertThat(first.get("coefficients_original").get("x").asDouble()).isCloseTo(0.5, within(0.05));

        JsonNode cv = json(run("lasso", "--table", f.toString(), "--target", "y", "--cv", "5", "--json"));
        assertThat(cv.get("alphas")).hasSize(100);
        assertThat(cv.get("cv_mse")).hasSize(100);
        assertThat(cv.get("alpha").isNumber()).isTrue();
        assertThat(cv.get("intercept").isNumber()).isTrue();
        assertThat(cv.get("coefficients").has("x")).isTrue();

        JsonNode test = json(run("lasso", "--table", f.toString(), "--target", "y", "--alpha", "0.01",
                "--train-fraction", "0.7", "--json"));
        assertThat(test.get("train_rows").asInt()).isEqualTo(140);
        JsonNode t = test.get("test");
        assertThat(t.get("r2").asDouble()).isGreaterThan(0.8);
        assertThat(t.has("rmse")).isTrue();
        assertThat(t.get("direction_accuracy").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void oneFeatureLassoFromTheCliMatchesTheSoftThreshold() throws IOException {
        Path f = dir.resolve("one.csv");
        // x = 1, 2, 3, 4 → mean 2.5, population sd sqrt(1.25); y = 1, 3, 2, 5
        Files.writeString(f, "x,y\n1,1\n2,3\n3,2\n4,5\n");
        JsonNode r = json(run("lasso", "--table", f.toString(), "--target", "y", "--alpha", "0.3", "--tol", "1e-12",
                "--json"));
        double sd = Math.sqrt(1.25);
        // z·y_c / n = ((-1.5)(-1.75) + (-0.5)(0.25) + (0.5)(-0.75) + 1.5·2.25) / (4 sd) = 5.5 / (4 sd)
        double expected = Math.max(5.5 / (4 * sd) - 0.3, 0);
        JsonNode fit = r.get("fits").get(0);
        assertThat(fit.get("coefficients").get("x").asDouble()).isCloseTo(expected, within(1e-12));
        assertThat(fit.get("intercept").asDouble()).isCloseTo(2.75, within(1e-12));
        assertThat(fit.get("coefficients_original").get("x").asDouble()).isCloseTo(expected / sd, within(1e-12));
        assertThat(fit.get("intercept_original").asDouble()).isCloseTo(2.75 - expected / sd * 2.5, within(1e-12));
    }

    @Test
    void lassoRejectsIncompleteRowsNamingFileAndLine() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "x,y\n1,1\n2,\n3,2\n");
        Run r = run("lasso", "--table", f.toString(), "--target", "y", "--alpha", "0.1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("bad.csv").contains("line 3").contains("'y'");
        Run missing = run("lasso", "--table", f.toString(), "--target", "nope", "--alpha", "0.1");
        assertThat(missing.err()).contains("no target column 'nope'");
    }

    @Test
    void hawkesSubcommandsPrintTheContractKeys() throws IOException {
        Path ev = dir.resolve("ev.csv");
        Run sim = run("hawkes", "simulate", "--mu", "1", "--alpha", "0.5", "--beta", "1.25", "--horizon", "3000",
                "--seed", "9", "--out", ev.toString());
        assertThat(sim.code()).as(sim.err()).isZero();
        assertThat(Files.readAllLines(ev).get(0)).isEqualTo("t");

        JsonNode fit = json(run("hawkes", "fit", "--events", ev.toString(), "--horizon", "3000", "--json"));
        for (String k : new String[] {"mu", "alpha", "beta", "branching_ratio", "log_likelihood", "ks_statistic"}) {
            assertThat(fit.get(k).isNumber()).as(k).isTrue();
        }
        assertThat(fit.get("branching_ratio").asDouble()).isCloseTo(0.4, within(0.1));

        // the three-event file: ℓ by hand
        Path small = dir.resolve("small.csv");
        Files.writeString(small, "t\n0.5\n1.0\n2.0\n");
        JsonNode ll = json(run("hawkes", "loglik", "--events", small.toString(), "--horizon", "3", "--mu", "0.5",
                "--alpha", "0.4", "--beta", "2", "--json"));
        double l1 = 0.5;
        double l2 = 0.5 + 0.4 * Math.exp(-1.0);
        double l3 = 0.5 + 0.4 * (Math.exp(-3.0) + Math.exp(-2.0));
        double comp = 0.5 * 3 + 0.2 * ((1 - Math.exp(-5.0)) + (1 - Math.exp(-4.0)) + (1 - Math.exp(-2.0)));
        assertThat(ll.get("log_likelihood").asDouble())
                .isCloseTo(Math.log(l1) + Math.log(l2) + Math.log(l3) - comp, within(1e-12));

        JsonNode in = json(run("hawkes", "intensity", "--events", small.toString(), "--mu", "0.5", "--alpha", "0.4",
                "--beta", "2", "--at", "1.0,0.2,2.5", "--json"));
        assertThat(in.get("intensity").get(0).asDouble()).isCloseTo(l2, within(1e-15));
        assertThat(in.get("intensity").get(1).asDouble()).isEqualTo(0.5);
        assertThat(in.get("intensity").get(2).asDouble()).isCloseTo(0.5 + 0.4 * (Math.exp(-4.0) + Math.exp(-3.0)
                + Math.exp(-1.0)), within(1e-15));

        Path unsorted = dir.resolve("unsorted.csv");
        Files.writeString(unsorted, "t\n1\n0.5\n");
        Run bad = run("hawkes", "fit", "--events", unsorted.toString(), "--horizon", "3");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("unsorted.csv").contains("line 3").contains("sorted");
    }

    @Test
    void forecastTrainsWalkForwardSavesAndPredicts() throws IOException {
        // 1-minute rows over 3 days; the next minute's return is 4·ofi bps + small noise
        Random rnd = new Random(12);
        StringBuilder sb = new StringBuilder("ts,ofi,spread_bps,mid_price\n");
        long day0 = 1_709_596_800_000_000_000L;
        for (int d = 0; d < 3; d++) {
            double mid = 100;
            double ret = 0;
            for (int m = 0; m < 120; m++) {
                mid *= 1 + ret * 1e-4;
                double ofi = rnd.nextGaussian();
                sb.append(day0 + d * 86_400_000_000_000L + (870 + m) * 60_000_000_000L).append(',').append(ofi)
                        .append(',').append(1 + rnd.nextDouble()).append(',').append(mid).append('\n');
                ret = 4 * ofi + 0.2 * rnd.nextGaussian();
            }
        }
        Path f = dir.resolve("features.csv");
        Files.writeString(f, sb.toString());
        Path data = dir.resolve("data");
        Run tooFew = run("forecast", "train", "--features", f.toString(), "--symbol", "AMZN", "--horizon", "1min",
                "--data-dir", data.toString());
        assertThat(tooFew.code()).isEqualTo(1);
        assertThat(tooFew.err()).contains("357 complete rows").contains("fewer than min_observations 1000");
        JsonNode r = json(run("forecast", "train", "--features", f.toString(), "--symbol", "AMZN", "--horizon", "1min",
                "--min-observations", "300", "--data-dir", data.toString(), "--json"));
        assertThat(r.get("rows").asInt()).isEqualTo(357);
        assertThat(r.get("selected").has("ofi")).isTrue();
        assertThat(r.get("walk_forward").get("rows").asInt()).isEqualTo(5 * (357 / 6));
        JsonNode targets = r.get("targets");
        double r2 = targets.get("r2").get("measured").asDouble();
        assertThat(r2).isEqualTo(r.get("walk_forward").get("r2").asDouble()).isGreaterThan(0.9);
        assertThat(targets.get("r2").get("status").asText()).isEqualTo("PASS");
        assertThat(targets.get("direction_accuracy").get("target").asDouble()).isEqualTo(0.6);
        JsonNode p = json(run("forecast", "predict", "--symbol", "AMZN", "--horizon", "1min", "--feature", "ofi=1.5",
                "--feature", "spread_bps=1.5", "--data-dir", data.toString(), "--json"));
        assertThat(p.get("predicted_return_bps").asDouble()).isCloseTo(6.0, within(0.5));
        assertThat(p.get("direction").asText()).isEqualTo("UP");
        assertThat(p.get("confidence").asDouble()).isCloseTo(Math.min(p.get("predicted_return_bps").asDouble() / 10, 1),
                within(1e-12));
        // a daily macro series joins as a feature (one value per day: constant within a day, so it is standardised
        // but carries day-level information only)
        Path vix = dir.resolve("vix.csv");
        Files.writeString(vix, "ts,value\n" + (day0 - 86_400_000_000_000L) + ",13.5\n" + day0 + ",14.25\n"
                + (day0 + 86_400_000_000_000L) + ",15.0\n");
        Run noPriorDay = run("forecast", "train", "--features", f.toString(), "--symbol", "AMZN", "--horizon", "1min",
                "--min-observations", "200", "--macro", "VIXCLS=" + vix, "--data-dir", data.toString(), "--json");
        JsonNode withMacro = json(noPriorDay);
        // day 0 sees 13.5 (from the day before), day 1 sees 14.25, day 2 sees 15.0: all 357 rows stay
        assertThat(withMacro.get("rows").asInt()).isEqualTo(357);
        Run missing = run("forecast", "predict", "--symbol", "AMZN", "--horizon", "1min", "--feature", "ofi=1",
                "--data-dir", data.toString());
        assertThat(missing.err()).contains("feature 'VIXCLS' is missing").contains("needs [VIXCLS, ofi, spread_bps]");
    }
}
