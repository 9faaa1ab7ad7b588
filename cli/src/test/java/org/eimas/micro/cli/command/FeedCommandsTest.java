package org.eimas.micro.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eimas.micro.cli.EimasCli;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.replay.csv.CanonicalCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void simulateWritesReadableCanonicalFilesAndIsReproducible() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(EimasCli.run("simulate", "--symbols", "SPY,QQQ", "--hours", "0.05", "--seed", "7", "--out", a.toString())).isZero();
        assertThat(EimasCli.run("simulate", "--symbols", "SPY,QQQ", "--hours", "0.05", "--seed", "7", "--out", b.toString())).isZero();
        for (String f : List.of("books.csv", "quotes.csv", "trades.csv", "order_events.csv")) {
            assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
        long[] trades = new long[1];
        CanonicalCsv.readTrades(a.resolve("trades.csv"), (ts, sym, px, sz, bid, ask) -> {
            // market orders take liquidity: every print is at or through the prevailing bid or ask
            assertThat(px >= ask || px <= bid).as("trade at %s inside %s/%s", px, bid, ask).isTrue();
            trades[0]++;
        });
        List<OrderEvent> execs = new ArrayList<>();
        CanonicalCsv.readOrderEvents(a.resolve("order_events.csv"), e -> {
            if (e.type().isExecution()) {
                execs.add(e);
            }
        });
        assertThat(trades[0]).isPositive().isEqualTo(execs.size());
        assertThat(CanonicalCsv.readBooks(a.resolve("books.csv"), bk -> assertThat(bk.levels()).isEqualTo(10))).isPositive();
    }

    @Test
    void convertWritesALobsterDay() throws Exception {
        Path m = tmp.resolve("ABC_2024-03-08_36000000_37000000_message_1.csv");
        Files.writeString(m, "36000.5,1,7,100,1000100,-1\n36001,4,7,40,1000100,-1\n");
        Files.writeString(tmp.resolve("ABC_2024-03-08_36000000_37000000_orderbook_1.csv"),
                "1000100,100,999900,200\n1000100,60,999900,200\n");
        Path out = tmp.resolve("out");
        assertThat(EimasCli.run("convert", "--lobster", m.toString(), "--out", out.toString())).isZero();
        assertThat(Files.readAllLines(out.resolve("trades.csv"))).containsExactly("ts,symbol,price,size,bid,ask",
                "1709910001000000000,ABC,100.01,40,99.99,100.01");
        assertThat(Files.readAllLines(out.resolve("order_events.csv"))).containsExactly("ts,symbol,type,side,price,size,order_id",
                "1709910000500000000,ABC,NEW,SELL,100.01,100,7", "1709910001000000000,ABC,EXECUTION,SELL,100.01,40,7");
        assertThat(EimasCli.run("convert", "--lobster", tmp.resolve("nope.csv").toString(), "--out", out.toString())).isEqualTo(1);
    }
}
