package org.eimas.micro.replay.recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MarketDataListener;
import org.eimas.micro.domain.port.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedMarketFeedTest {
    @TempDir
    Path dir;

    /** Records what the feed delivers as "B ts sym" / "T ts sym price" lines and the statuses. */
    static final class Recorder implements MarketDataListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final List<String> statuses = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch end = new CountDownLatch(1);

        @Override
        public void onBook(LobSnapshot b) {
            events.add("B " + b.ts() + " " + b.symbol() + " " + b.bestBid());
        }

        @Override
        public void onTrade(Trade t) {
            events.add("T " + t.ts() + " " + t.symbol() + " " + t.price());
        }

        @Override
        public void onStatus(ConnectionStatus status, String detail) {
            statuses.add(status + ": " + detail);
            if (status == ConnectionStatus.CLOSED || status == ConnectionStatus.FAILED) {
                end.countDown();
            }
        }
    }

    private Path write(String name, String... lines) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, List.of(lines));
        return p;
    }

    @Test
    void mergesBooksAndTradesInTimeOrderTradesFirstOnTies() throws Exception {
        Path books = write("books.csv", "ts,symbol,bid_px_1,bid_sz_1,ask_px_1,ask_sz_1",
                "100,SPY,10.00,5,10.02,7",
                "250,QQQ,20.00,1,20.01,1",
                "300,SPY,10.01,5,10.02,7",
                "300,SPY,10.00,4,10.02,7",
                "900,SPY,9.99,5,10.01,7");
        Path trades = write("trades.csv", "ts,symbol,price,size",
                "50,SPY,10.01,100",
                "300,SPY,10.02,200",
                "301,QQQ,20.01,5",
                "800,SPY,10.00,300",
                "1000,SPY,10.00,10");
        Recorder r = new Recorder();
        try (Subscription s = new RecordedMarketFeed(books, trades, 0).subscribe(List.of("SPY"), r)) {
            assertThat(r.end.await(10, TimeUnit.SECONDS)).isTrue();
        }
        // hand-merged: QQQ rows filtered out; at ts 300 the trade comes before both book rows, which keep file order
        assertThat(r.events).containsExactly(
                "T 50 SPY 10.01",
                "B 100 SPY 10.0",
                "T 300 SPY 10.02",
                "B 300 SPY 10.01",
                "B 300 SPY 10.0",
                "T 800 SPY 10.0",
                "B 900 SPY 9.99",
                "T 1000 SPY 10.0");
        assertThat(r.statuses.get(0)).startsWith("CONNECTED: replay of books books.csv + trades trades.csv");
        assertThat(r.statuses.get(r.statuses.size() - 1)).isEqualTo("CLOSED: end of the recorded files");
    }

    @Test
    void tradesOnlyAndAllSymbolsWhenNoneAreListed() throws Exception {
        Path trades = write("t.csv", "ts,symbol,price,size", "1,A,1.5,1", "2,B,2.5,1");
        Recorder r = new Recorder();
        try (Subscription s = new RecordedMarketFeed(null, trades, 0).subscribe(List.of(), r)) {
            assertThat(r.end.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(r.events).containsExactly("T 1 A 1.5", "T 2 B 2.5");
    }

    @Test
    void aMalformedRowFailsTheReplayNamingFileAndLine() throws Exception {
        Path books = write("books.csv", "ts,symbol,bid_px_1,bid_sz_1,ask_px_1,ask_sz_1", "100,SPY,10.00,5,10.02,7");
        Path trades = write("bad.csv", "ts,symbol,price,size", "50,SPY,10.01,100", "60,SPY,abc,100");
        Recorder r = new Recorder();
        try (Subscription s = new RecordedMarketFeed(books, trades, 0).subscribe(List.of("SPY"), r)) {
            assertThat(r.end.await(10, TimeUnit.SECONDS)).isTrue();
        }
        String last = r.statuses.get(r.statuses.size() - 1);
        assertThat(last).startsWith("FAILED: replay failed:").contains("bad.csv").contains("3");
    }

    @Test
    void missingFilesAreRejectedUpFront() {
        assertThatThrownBy(() -> new RecordedMarketFeed(null, null, 1)).hasMessageContaining("needs a books file");
        assertThatThrownBy(() -> new RecordedMarketFeed(dir.resolve("nope.csv"), null, 1))
                .hasMessageContaining("nope.csv").hasMessageContaining("no such file");
    }

    @Test
    void closingStopsAPacedReplay() throws Exception {
        StringBuilder sb = new StringBuilder("ts,symbol,price,size\n");
        for (int i = 0; i < 100; i++) {
            sb.append(i * 1_000_000_000L).append(",SPY,10,1\n");
        }
        Path trades = dir.resolve("slow.csv");
        Files.writeString(trades, sb.toString());
        Recorder r = new Recorder();
        Subscription s = new RecordedMarketFeed(null, trades, 1).subscribe(List.of("SPY"), r);
        Thread.sleep(200);
        s.close();
        assertThat(r.end.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(r.statuses.get(r.statuses.size() - 1)).isEqualTo("CLOSED: closed by the subscriber");
        assertThat(r.events.size()).isLessThan(100);
    }
}
