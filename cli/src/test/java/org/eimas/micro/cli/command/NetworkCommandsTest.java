package org.eimas.micro.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.eimas.micro.cli.EimasCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI contract of issue 5: command names, options and JSON keys. */
class NetworkCommandsTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            CommandLine cl = EimasCli.commandLine();
            cl.setErr(new PrintWriter(err));
            int code = cl.execute(args);
            return new Result(code, buf.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(old);
        }
    }

    static JsonNode json(Result r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    /** The hand-worked example of GrangerTestTest: F = 10/103 with df (1, 2). */
    @Test
    void grangerPairPrintsTheLagsWithTheNamedKeys() throws IOException {
        Path t = dir.resolve("pair.csv");
        Files.writeString(t, "y,x\n2,1\n-1,0\n0,-2\n1,0\n-2,1\n2,7\n");
        JsonNode j = json(run("granger", "--table", t.toString(), "--cause", "x", "--effect", "y", "--maxlag", "1",
                "--json"));
        JsonNode lag = j.get("lags").get(0);
        assertThat(lag.get("lag").asInt()).isEqualTo(1);
        assertThat(lag.get("f").asDouble()).isCloseTo(10.0 / 103.0, within(1e-13));
        assertThat(lag.get("p_value").asDouble()).isCloseTo(1 - Math.sqrt(10.0 / 216.0), within(1e-12));
        assertThat(lag.get("df_num").asInt()).isEqualTo(1);
        assertThat(lag.get("df_denom").asInt()).isEqualTo(2);
    }

    @Test
    void grangerMatrixHasNullDiagonalAndEffectRows() throws IOException {
        Path t = table(dir.resolve("m.csv"), 300);
        JsonNode j = json(run("granger", "--table", t.toString(), "--maxlag", "2", "--matrix", "--json"));
        assertThat(j.get("variables").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        JsonNode p = j.get("p_value");
        for (int i = 0; i < 3; i++) {
            assertThat(p.get(i).get(i).isNull()).isTrue();
        }
        assertThat(p.get(1).get(0).asDouble()).isLessThan(1e-10); // a -> b, row b
        assertThat(p.get(0).get(1).asDouble()).isGreaterThan(1e-3);
    }

    @Test
    void varPrintsEveryNamedKey() throws IOException {
        Path t = table(dir.resolve("v.csv"), 300);
        JsonNode j = json(run("var", "--table", t.toString(), "--lags", "2", "--horizon", "4", "--json"));
        for (String k : new String[] {"variables", "intercept", "coefs", "sigma_u", "irf", "orth_irf", "fevd", "stable"}) {
            assertThat(j.has(k)).as(k).isTrue();
        }
        assertThat(j.get("coefs").size()).isEqualTo(2);
        assertThat(j.get("coefs").get(0).size()).isEqualTo(3);
        assertThat(j.get("irf").size()).isEqualTo(5);
        assertThat(j.get("irf").get(0).get(1).get(1).asDouble()).isEqualTo(1.0);
        assertThat(j.get("fevd").size()).isEqualTo(4);
        assertThat(j.get("stable").isBoolean()).isTrue();
        // b = 0.7 a_{t-1} + noise: coefs[0][b][a]
        assertThat(j.get("coefs").get(0).get(1).get(0).asDouble()).isCloseTo(0.7, within(0.25)); // 0.5475 here; numpy lstsq gives the same
    }

    @Test
    void networkPrintsEdgesAndTheIrf() throws IOException {
        long day = 86_400_000_000_000L;
        long min = 60_000_000_000L;
        Random r = new Random(5);
        StringBuilder micro = new StringBuilder("ts,ofi,vpin,spread_bps,ret_spy_5min\n");
        double prevOfi = 0;
        for (int d = 0; d < 8; d++) {
            for (int b = 0; b < 78; b++) {
                long ts = (19_800 + d) * day + (870 + 5L * b) * min;
                double ofi = r.nextGaussian() * 100;
                double ret = 1e-5 * r.nextGaussian() + 1e-7 * prevOfi;
                micro.append(ts).append(',').append(ofi).append(',').append(0.3 + 0.05 * r.nextGaussian()).append(',')
                        .append(2 + r.nextGaussian()).append(',').append(ret).append('\n');
                prevOfi = ofi;
            }
        }
        StringBuilder macro = new StringBuilder("ts,d_VIX\n");
        for (int d = -1; d < 8; d++) {
            macro.append((19_800 + d) * day).append(',').append(r.nextGaussian()).append('\n');
        }
        Path mi = Files.writeString(dir.resolve("micro.csv"), micro);
        Path ma = Files.writeString(dir.resolve("macro.csv"), macro);
        Path dot = dir.resolve("net.dot");
        JsonNode j = json(run("network", "--micro", mi.toString(), "--macro", ma.toString(), "--target", "ret_spy_5min",
                "--significance", "0.05", "--dot", dot.toString(), "--json"));
        assertThat(j.get("rows").asInt()).isEqualTo(8 * 78);
        JsonNode edge = null;
        for (JsonNode e : j.get("edges")) {
            for (String k : new String[] {"source", "target", "type", "weight", "p_value", "lag"}) {
                assertThat(e.has(k)).as(k).isTrue();
            }
            if (e.get("source").asText().equals("ofi")) {
                edge = e;
            }
        }
        assertThat(edge).isNotNull();
        assertThat(edge.get("type").asText()).isEqualTo("micro_to_return");
        assertThat(edge.get("lag").asInt()).isEqualTo(1);
        JsonNode irf = j.get("irf");
        assertThat(irf.get("shock").asText()).isEqualTo("vpin");
        assertThat(irf.get("irf").has("ret_spy_5min")).isTrue();
        assertThat(irf.get("irf").has("spread_bps")).isTrue();
        assertThat(irf.get("irf").get("spread_bps").size()).isEqualTo(13);
        assertThat(Files.readString(dot)).contains("\"ofi\" -> \"ret_spy_5min\"");

        // only ofi as micro variable: ofi -> return and d_VIX -> ofi; BH q-values on the edges
        JsonNode bh = json(run("network", "--micro", mi.toString(), "--macro", ma.toString(), "--target",
                "ret_spy_5min", "--micro-variables", "ofi", "--bh", "--json"));
        assertThat(bh.get("tests").asInt()).isEqualTo(2);
        assertThat(bh.get("correction").asText()).isEqualTo("benjamini_hochberg");
        JsonNode first = bh.get("edges").get(0);
        assertThat(first.get("source").asText()).isEqualTo("ofi");
        // BH over m = 2 tests: the q-value of the smaller p is min(2 p, the other p) <= 2 p
        assertThat(first.get("q_value").asDouble()).isLessThanOrEqualTo(2 * first.get("p_value").asDouble() + 1e-300);

        // daily macro tests: 8 days are too few for maxlag 3 (needs more than 10): skipped with the reason
        JsonNode daily = json(run("network", "--micro", mi.toString(), "--macro", ma.toString(), "--target",
                "ret_spy_5min", "--macro-test", "daily", "--json"));
        assertThat(daily.get("macro_test").asText()).isEqualTo("daily");
        assertThat(daily.get("macro_test_rows").asInt()).isEqualTo(8);
        assertThat(daily.get("skipped").toString()).contains("d_VIX -> ofi: insufficient observations: 8 rows");
        assertThat(bh.get("macro_test").asText()).isEqualTo("bars");

        // --data-dir: the run and its significant edges go to the relational store; 'networks' lists them
        Path data = dir.resolve("data");
        JsonNode stored = json(run("network", "--micro", mi.toString(), "--macro", ma.toString(), "--target",
                "ret_spy_5min", "--data-dir", data.toString(), "--json"));
        assertThat(stored.get("stored_id").asLong()).isEqualTo(1);
        JsonNode listed = json(run("networks", "--data-dir", data.toString(), "--json"));
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("target").asText()).isEqualTo("ret_spy_5min");
        assertThat(listed.get(0).get("edges").size()).isEqualTo(stored.get("edges").size());
        assertThat(listed.get(0).get("edges").get(0).get("type").asText())
                .isEqualTo(stored.get("edges").get(0).get("type").asText());
        assertThat(listed.get(0).get("parameters").get("irf_shock").asText()).isEqualTo("vpin");
    }

    @Test
    void errorsNameTheFileAndTheProblem() throws IOException {
        Path t = table(dir.resolve("e.csv"), 50);
        Result r = run("granger", "--table", t.toString(), "--cause", "nope", "--effect", "a", "--maxlag", "2");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("e.csv").contains("no column 'nope'");
        Path gap = Files.writeString(dir.resolve("gap.csv"), "a,b\n1,2\n3,\n4,5\n");
        Result g = run("var", "--table", gap.toString(), "--lags", "1");
        assertThat(g.code()).isEqualTo(1);
        assertThat(g.err()).contains("gap.csv line 3").contains("'b'");
    }

    /** a: noise; b = 0.7 a_{t-1} + noise; c: AR(1). */
    static Path table(Path p, int n) throws IOException {
        Random r = new Random(8);
        StringBuilder sb = new StringBuilder("a,b,c\n");
        double a = 0;
        double c = 0;
        for (int t = 0; t < n; t++) {
            double b = 0.7 * a + r.nextGaussian();
            a = r.nextGaussian();
            c = 0.5 * c + r.nextGaussian();
            sb.append(a).append(',').append(b).append(',').append(c).append('\n');
        }
        return Files.writeString(p, sb);
    }
}
