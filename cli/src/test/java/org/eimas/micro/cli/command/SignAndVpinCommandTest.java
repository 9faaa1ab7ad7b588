package org.eimas.micro.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignAndVpinCommandTest {
    @TempDir
    Path dir;

    private Path trades() throws Exception {
        return CliRun.write(dir, "trades.csv",
                "ts,symbol,price,size,bid,ask",
                "100,X,10.00,100,9.99,10.01",   // tick +1 (first); quote: at mid 10.00 -> tick +1
                "200,X,10.00,50,9.99,10.02",    // tick: zero tick +1; quote: below mid 10.005 -> -1
                "300,X,9.99,0,9.98,10.00",      // tick -1 (size 0 counts); quote: at mid -> -1
                "300,X,10.01,80,9.99,10.01",    // tick +1; quote: above mid 10.00 -> +1
                "400,X,10.005,30,10.00,10.01"); // tick -1; quote: at mid 10.005 -> tick -1
    }

    @Test
    void tickAndQuoteRules() throws Exception {
        Path out = dir.resolve("s.csv");
        CliRun r = CliRun.run("sign", "--trades", trades().toString(), "--rule", "tick", "--out", out.toString());
        assertThat(r.code).as(r.err).isEqualTo(0);
        assertThat(CliRun.lines(out)).containsExactly("ts,sign", "100,1", "200,1", "300,-1", "300,1", "400,-1");
        r = CliRun.run("sign", "--trades", trades().toString(), "--rule", "quote", "--out", out.toString());
        assertThat(r.code).as(r.err).isEqualTo(0);
        assertThat(CliRun.lines(out)).containsExactly("ts,sign", "100,1", "200,-1", "300,-1", "300,1", "400,-1");
    }

    @Test
    void leeReadyTakesTheLastQuoteAtOrBeforeTheTrade() throws Exception {
        Path q = CliRun.write(dir, "quotes.csv", "ts,symbol,bid,ask",
                "150,X,9.98,10.00",   // prevails for ts 200: mid 9.99
                "300,X,10.00,10.02",  // ts 300 <= 300: prevails for both ts-300 trades: mid 10.01
                "300,X,10.00,10.04",  // last in file order with ts 300: mid 10.02
                "500,X,1,2");         // after every trade
        Path out = dir.resolve("lr.csv");
        CliRun r = CliRun.run("sign", "--trades", trades().toString(), "--rule", "lee-ready", "--quotes", q.toString(),
                "--out", out.toString());
        assertThat(r.code).as(r.err).isEqualTo(0);
        // 100: no quote -> tick +1; 200: 10.00 > 9.99 -> +1; 300 @9.99 < 10.02 -> -1; 300 @10.01 < 10.02 -> -1;
        // 400 @10.005 < 10.02 -> -1
        assertThat(CliRun.lines(out)).containsExactly("ts,sign", "100,1", "200,1", "300,-1", "300,-1", "400,-1");
        CliRun bad = CliRun.run("sign", "--trades", trades().toString(), "--rule", "lee-ready", "--out", out.toString());
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.err).contains("--quotes");
    }

    @Test
    void quoteRuleWithoutQuotesNamesTheLine() throws Exception {
        Path t = CliRun.write(dir, "t.csv", "ts,symbol,price,size", "1,X,10,1");
        CliRun r = CliRun.run("sign", "--trades", t.toString(), "--rule", "quote", "--out", dir.resolve("o.csv").toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("t.csv:2:").contains("bid,ask");
    }

    @Test
    void vpinCsvAndJson() throws Exception {
        Path out = dir.resolve("v.csv");
        // tick signs + + - + -; sizes 100, 50, 0, 80, 30; V = 60, n = 2
        CliRun r = CliRun.run("vpin", "--trades", trades().toString(), "--bucket-size", "60", "--buckets", "2",
                "--out", out.toString(), "--json", "--alert-basis", "fixed");
        assertThat(r.code).as(r.err).isEqualTo(0);
        // buckets: 1: 60 buy (ts 100); 2: 40 buy + 20 buy (ts 200); remaining 30 buy; 3: 30 buy + 30 buy of the 80 (ts 300);
        // remaining 50 buy; 4: 50 buy + 10 sell (ts 400); remaining 20 sell unfinished
        assertThat(CliRun.lines(out)).containsExactly("bucket,end_ts,buy,sell,vpin",
                "1,100,60,0,", "2,200,60,0,1", "3,300,60,0,1", "4,400,50,10,0.8333333333333334");
        JsonNode j = new ObjectMapper().readTree(r.out);
        assertThat(j.get("last_vpin").asDouble()).isCloseTo((60 + 40) / 120.0, within(1e-15));
        assertThat(j.get("alert_level").asText()).isEqualTo("CRITICAL");
        assertThat(j.get("action").asText()).isEqualTo("REDUCE_EXPOSURE_IMMEDIATELY");
        assertThat(j.has("cdf")).isTrue();
        assertThat(j.get("buckets").asLong()).isEqualTo(4);
    }

    @Test
    void vpinWithBvcUsesBarFractions() throws Exception {
        // 1-second bars: bar 0 last 10.00 (vol 10), bar 1 last 10.02 (vol 10), bar 2 last 10.01 (vol 10), bar 3 last 10.01 (10)
        Path t = CliRun.write(dir, "b.csv", "ts,symbol,price,size",
                "0,X,10.00,10", "1000000000,X,10.02,10", "2000000000,X,10.01,4", "2500000000,X,10.01,6", "3000000000,X,10.01,10");
        Path out = dir.resolve("b-out.csv");
        CliRun r = CliRun.run("vpin", "--trades", t.toString(), "--bucket-size", "20", "--buckets", "1", "--classify", "bvc",
                "--bar-seconds", "1", "--out", out.toString());
        assertThat(r.code).as(r.err).isEqualTo(0);
        double[] dp = {10.02 - 10.00, 10.01 - 10.02, 0};
        double mean = (dp[0] + dp[1] + dp[2]) / 3;
        double sigma = Math.sqrt(((dp[0] - mean) * (dp[0] - mean) + (dp[1] - mean) * (dp[1] - mean) + (dp[2] - mean) * (dp[2] - mean)) / 2);
        NormalDistribution n = new NormalDistribution(0, 1);
        double b1 = 10 * 0.5 + 10 * n.cumulativeProbability(dp[0] / sigma);
        double b2 = 10 * n.cumulativeProbability(dp[1] / sigma) + 10 * 0.5;
        List<String> lines = CliRun.lines(out);
        assertThat(lines).hasSize(3);
        String[] row1 = lines.get(1).split(",");
        String[] row2 = lines.get(2).split(",");
        assertThat(row1[1]).isEqualTo("1000000000");
        assertThat(row2[1]).isEqualTo("3000000000"); // ts of the last trade of the completing bar
        assertThat(Double.parseDouble(row1[2])).isCloseTo(b1, within(1e-9));
        assertThat(Double.parseDouble(row2[2])).isCloseTo(b2, within(1e-9));
        assertThat(Double.parseDouble(row2[4])).isCloseTo(Math.abs(2 * b2 - 20) / 20, within(1e-9));
    }

    @Test
    void vpinDollarBucketsAndBadBucketSize() throws Exception {
        Path t = CliRun.write(dir, "d.csv", "ts,symbol,price,size", "1,X,10.01,50", "2,X,9.99,50", "3,X,10.00,1");
        Path out = dir.resolve("d-out.csv");
        CliRun r = CliRun.run("vpin", "--trades", t.toString(), "--bucket-size", "1000", "--dollar", "--buckets", "1",
                "--out", out.toString());
        assertThat(r.code).as(r.err).isEqualTo(0);
        // $500.50 buy (first trade) + $499.50 sell (down-tick) = $1000.00 exactly: bucket complete at ts 2
        assertThat(CliRun.lines(out)).containsExactly("bucket,end_ts,buy,sell,vpin", "1,2,500.5,499.5,0.001");
        CliRun bad = CliRun.run("vpin", "--trades", t.toString(), "--bucket-size", "10.001", "--dollar", "--buckets", "1",
                "--out", out.toString());
        assertThat(bad.code).isEqualTo(1);
        assertThat(bad.err).contains("whole number of cents");
    }

    @Test
    void leeReadyFailureInTheQuotesFileIsReportedWithItsLine() throws Exception {
        Path q = CliRun.write(dir, "badq.csv", "ts,symbol,bid,ask", "150,X,9.98,10.00", "160,X,abc,10.00");
        CliRun r = CliRun.run("sign", "--trades", trades().toString(), "--rule", "lee-ready", "--quotes", q.toString(),
                "--out", dir.resolve("o.csv").toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("badq.csv:3:").doesNotContain("Exception in thread");
        CliRun n = CliRun.run("vpin", "--trades", trades().toString(), "--bucket-size", "10", "--buckets", "0", "--json");
        assertThat(n.code).isEqualTo(2);
        assertThat(n.err).contains("--buckets must be in 1..10000000");
    }
}
