package org.eimas.micro.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {
    @TempDir
    Path dir;

    @Test
    void oneRowPerStepWithWindowedValues() throws Exception {
        long s = 1_000_000_000L;
        Path book = CliRun.write(dir, "b.csv", "ts,symbol,bid_px_1,bid_sz_1,ask_px_1,ask_sz_1",
                (1 * s) + ",X,10.00,100,10.02,300",
                (3 * s) + ",X,10.01,40,10.02,300",     // e = +40
                (9 * s) + ",X,10.01,50,10.02,300");    // e = +10
        Path trades = CliRun.write(dir, "t.csv", "ts,symbol,price,size",
                (2 * s) + ",X,10.02,50",                // above mid 10.01: buy
                (4 * s) + ",X,10.01,150");              // below mid 10.015: sell
        Path out = dir.resolve("f.csv");
        CliRun r = CliRun.run("features", "--book", book.toString(), "--trades", trades.toString(), "--window", "4",
                "--every", "2", "--out", out.toString());
        assertThat(r.code).as(r.err).isEqualTo(0);
        List<String> lines = CliRun.lines(out);
        assertThat(lines.get(0)).isEqualTo("ts,ofi,bid_imbalance_5,spread_bps,depth_imbalance,trade_imbalance,realized_vol,"
                + "vwap_dev_bps,vpin,book_rate,trade_rate,buy_rate,sell_rate,mid");
        // steps 2, 4, 6, 8 s (first event 1 s, last 9 s)
        assertThat(lines).hasSize(5);
        String[] at4 = lines.get(2).split(",", -1);
        assertThat(at4[0]).isEqualTo(String.valueOf(4 * s));
        assertThat(Double.parseDouble(at4[1])).isEqualTo(40);                    // [0, 4 s]: e 0 and +40
        assertThat(Double.parseDouble(at4[5])).isCloseTo(-0.5, within(1e-15));   // (50 - 150) / 200
        assertThat(Double.parseDouble(at4[10])).isEqualTo(0.5);                  // 2 trades / 4 s
        String[] at8 = lines.get(4).split(",", -1);
        assertThat(Double.parseDouble(at8[1])).isEqualTo(0);                     // [4 s, 8 s]: no books
        assertThat(Double.parseDouble(at8[5])).isEqualTo(1.0 * -150 / 150);     // trade at 4 s is in [4, 8]
        assertThat(Double.parseDouble(at8[7])).isCloseTo((10.015 - 10.01) / 10.01 * 1e4, within(1e-9)); // mid vs VWAP 10.01
        assertThat(Double.parseDouble(at8[13])).isEqualTo(10.015);
    }

    @Test
    void pathColumnsFlagAnOfiSpike() throws Exception {
        long s = 1_000_000_000L;
        StringBuilder b = new StringBuilder("ts,symbol,bid_px_1,bid_sz_1,ask_px_1,ask_sz_1\n");
        // 30 one-second steps with the bid size alternating 100/200 (OFI +-100 per step), then a +5000 spike
        for (int i = 0; i <= 30; i++) {
            b.append(i * s).append(",X,10.00,").append(i % 2 == 0 ? 100 : 200).append(",10.02,300\n");
        }
        b.append(31 * s).append(",X,10.00,5200,10.02,300\n");
        Path book = dir.resolve("pb.csv");
        java.nio.file.Files.writeString(book, b.toString());
        Path trades = CliRun.write(dir, "pt.csv", "ts,symbol,price,size", "0,X,10.01,1");
        Path out = dir.resolve("pf.csv");
        CliRun r = CliRun.run("features", "--book", book.toString(), "--trades", trades.toString(), "--window", "1",
                "--every", "1", "--paths", "--out", out.toString());
        assertThat(r.code).as(r.err).isEqualTo(0);
        List<String> lines = CliRun.lines(out);
        assertThat(lines.get(0)).endsWith(",mid,path18,path12");
        // earlier steps see OFI 0 (two rows of +100 and -100 in each [t - 1 s, t]); the step at 31 s sees -100 + 5100 = 5000
        String last = lines.get(lines.size() - 1);
        assertThat(last).startsWith(String.valueOf(31 * s)).endsWith(",WARNING,NONE");
        for (int i = 1; i < lines.size() - 1; i++) {
            assertThat(lines.get(i)).endsWith(",NONE,NONE");
        }
        assertThat(r.err).contains("path 18 triggered at 1 steps");
    }
}
