package org.eimas.micro.replay.lobster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.OrderEventType;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MarketDataListener;
import org.eimas.micro.replay.csv.CsvFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LobsterReaderTest {
    @TempDir
    Path tmp;

    static final class Collect implements MarketDataListener {
        final List<OrderEvent> events = new ArrayList<>();
        final List<Trade> trades = new ArrayList<>();
        final List<LobSnapshot> books = new ArrayList<>();
        final List<Quote> quotes = new ArrayList<>();
        final boolean keepBooks;

        Collect(boolean keepBooks) {
            this.keepBooks = keepBooks;
        }

        @Override
        public void onOrderEvent(OrderEvent e) {
            events.add(e);
        }

        @Override
        public void onTrade(Trade t) {
            trades.add(t);
        }

        @Override
        public void onBook(LobSnapshot b) {
            if (keepBooks) {
                books.add(b);
            }
        }

        @Override
        public void onQuote(Quote q) {
            quotes.add(q);
        }
    }

    static Path resource(String name) throws URISyntaxException {
        return Paths.get(LobsterReaderTest.class.getResource("/lobster/" + name).toURI());
    }

    @Test
    void fileNameGivesTickerDateWindowAndLevels() {
        LobsterFileName n = LobsterFileName.parse(Path.of("/x/AMZN_2012-06-21_34200000_57600000_message_10.csv.gz"));
        assertThat(n).isEqualTo(new LobsterFileName("AMZN", LocalDate.of(2012, 6, 21), 34_200_000, 57_600_000, "message", 10));
        assertThat(n.sibling(Path.of("/x/AMZN_2012-06-21_34200000_57600000_message_10.csv.gz"), "orderbook"))
                .isEqualTo(Path.of("/x/AMZN_2012-06-21_34200000_57600000_orderbook_10.csv.gz"));
        assertThatThrownBy(() -> LobsterFileName.parse(Path.of("amzn.csv"))).hasMessageContaining("not a LOBSTER file name");
    }

    @Test
    void handWrittenDay() throws Exception {
        Collect c = new Collect(true);
        LobsterReader.Counts counts = LobsterReader.read(resource("TEST_2024-03-08_36000000_37000000_message_2.csv"), c);
        assertThat(counts.messages()).isEqualTo(6);
        assertThat(counts.trades()).isEqualTo(2);
        // 2024-03-08 is EST (UTC-5): 10:00:00.000000001 New York = 15:00:00.000000001 UTC
        long t0 = LocalDate.of(2024, 3, 8).atTime(15, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
        assertThat(c.events.get(0)).isEqualTo(new OrderEvent(t0 + 1, "TEST", OrderEventType.NEW, Side.SELL, 100.01, 200, 101));
        assertThat(c.events.get(2)).isEqualTo(new OrderEvent(t0 + 1_250_000_000L, "TEST", OrderEventType.EXECUTION, Side.SELL,
                100.01, 50, 101));
        assertThat(c.events.get(4).ts()).isEqualTo(t0 + 3_123_456_789L);
        assertThat(c.events.get(3).ts()).isEqualTo(t0 + 2_000_000_000L);
        assertThat(c.events.get(5)).isEqualTo(new OrderEvent(t0 + 4_000_000_000L, "TEST", OrderEventType.HALT, Side.UNKNOWN, 0, 0, -1));
        // the execution of a sell limit order is buyer-initiated; a hidden buy-order fill is seller-initiated
        assertThat(c.trades).containsExactly(
                new Trade(t0 + 1_250_000_000L, "TEST", 100.01, 50, Side.BUY),
                new Trade(t0 + 2_000_000_000L, "TEST", 100.005, 10, Side.SELL));
        LobSnapshot b = c.books.get(1);
        assertThat(b.levels()).isEqualTo(2);
        assertThat(b.bidPrice(1)).isEqualTo(99.99);
        assertThat(b.bidSize(1)).isEqualTo(300);
        assertThat(b.askPrice(2)).isEqualTo(100.03);
        assertThat(b.bidPrice(2)).isEqualTo(99.98);
        // quotes only when the top of book changed: rows 1, 2, 3, 5
        assertThat(c.quotes).hasSize(4);
        assertThat(c.quotes.get(2)).isEqualTo(new Quote(t0 + 1_250_000_000L, "TEST", 99.99, 300, 100.01, 150));
    }

    @Test
    void badRowsNameFileLineAndColumn() throws Exception {
        Path m = tmp.resolve("X_2024-03-08_0_1_message_1.csv");
        Path b = tmp.resolve("X_2024-03-08_0_1_orderbook_1.csv");
        Files.writeString(b, "100,1,99,1\n100,1,99,1\n");
        Files.writeString(m, "36000.1,1,5,100,990000,1\n36000.2,9,5,100,990000,1\n");
        assertThatThrownBy(() -> LobsterReader.read(m, new Collect(false)))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("X_2024-03-08_0_1_message_1.csv:2:2: event type must be 1..7 (got '9')");
        Files.writeString(m, "36000.1,1,5,100,990000,1\n36000.2,1,5,1x0,990000,1\n");
        assertThatThrownBy(() -> LobsterReader.read(m, new Collect(false))).hasMessageContaining(":2:4: expected an integer (got '1x0')");
        Files.writeString(m, "36000.1,1,5,100,990000,1\n");
        assertThatThrownBy(() -> LobsterReader.read(m, new Collect(false))).hasMessageContaining("more rows than the 1 messages");
        Files.delete(b);
        assertThatThrownBy(() -> LobsterReader.read(m, new Collect(false))).hasMessageContaining("orderbook file")
                .hasMessageContaining("is missing");
    }

    @Test
    void floatNoiseBeyondTheNanosecondIsRounded() throws Exception {
        Path m = tmp.resolve("X_2012-06-21_0_1_message_1.csv");
        Files.writeString(tmp.resolve("X_2012-06-21_0_1_orderbook_1.csv"), "100,1,99,1\n100,1,99,1\n");
        Files.writeString(m, "43002.632812672004,1,5,100,990000,1\n43002.6328126725,1,6,100,990000,1\n");
        Collect c = new Collect(false);
        LobsterReader.read(m, c);
        long midnight = LocalDate.of(2012, 6, 21).atTime(4, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L; // EDT
        assertThat(c.events.get(0).ts()).isEqualTo(midnight + 43_002_632_812_672L);
        assertThat(c.events.get(1).ts()).isEqualTo(midnight + 43_002_632_812_673L);
    }

    static Path sampleZip(String levels) {
        String dir = System.getProperty("eimas.shared.dir");
        assumeTrue(dir != null, "eimas.shared.dir not set");
        Path zip = Path.of(dir, "data", "lobster", "LOBSTER_SampleFile_AMZN_2012-06-21_" + levels + ".zip");
        assumeTrue(Files.exists(zip), "LOBSTER sample absent: " + zip);
        return zip;
    }

    static Path unzip(Path zip, Path to) throws IOException {
        Path message = null;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                Path p = to.resolve(Path.of(e.getName()).getFileName().toString());
                if (e.getName().endsWith(".csv")) {
                    Files.copy(z, p);
                    if (p.getFileName().toString().contains("_message_")) {
                        message = p;
                    }
                }
            }
        }
        return message;
    }

    /** Counts and facts published with the sample (see ../shared/data/README.md and LOBSTER's ReadMe). */
    @Test
    void realSampleDayAtFiveLevels() throws Exception {
        Path message = unzip(sampleZip("5"), tmp);
        Collect c = new Collect(false);
        long[] byType = new long[8];
        long[] halfCent = new long[1];
        LobsterReader.Counts n = LobsterReader.read(message, new MarketDataListener() {
            @Override
            public void onOrderEvent(OrderEvent e) {
                byType[e.type().ordinal()]++;
                c.onOrderEvent(e);
            }

            @Override
            public void onTrade(Trade t) {
                long hundredths = Math.round(t.price() * 10_000);
                if (hundredths % 100 != 0) {
                    halfCent[0]++;
                }
                c.onTrade(t);
            }
        });
        assertThat(n.messages()).isEqualTo(155_935);
        assertThat(n.levels()).isEqualTo(5);
        assertThat(byType[OrderEventType.NEW.ordinal()]).isEqualTo(77_381);
        assertThat(byType[OrderEventType.CANCEL.ordinal()]).isEqualTo(450);
        assertThat(byType[OrderEventType.DELETE.ordinal()]).isEqualTo(66_685);
        assertThat(byType[OrderEventType.EXECUTION.ordinal()]).isEqualTo(8_974);
        assertThat(byType[OrderEventType.HIDDEN_EXECUTION.ordinal()]).isEqualTo(2_445);
        assertThat(n.trades()).isEqualTo(8_974 + 2_445);
        assertThat(halfCent[0]).isEqualTo(63);
        // first row 34200.017459617,5,0,1,2238200,-1: 09:30:00.017459617 EDT = 13:30:00.017459617 UTC
        long first = LocalDate.of(2012, 6, 21).atTime(13, 30).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + 17_459_617L;
        assertThat(c.trades.get(0)).isEqualTo(new Trade(first, "AMZN", 223.82, 1, Side.BUY));
    }

    /** The level-1 file's books are the top of the level-5 file's books, row by row. */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void levelOneAndLevelFiveFilesAgreeOnTheTopOfBook() throws Exception {
        Path m1 = unzip(sampleZip("1"), Files.createDirectory(tmp.resolve("l1")));
        Path m5 = unzip(sampleZip("5"), Files.createDirectory(tmp.resolve("l5")));
        List<Quote> q1 = new ArrayList<>();
        List<Trade> t1 = new ArrayList<>();
        LobsterReader.read(m1, new MarketDataListener() {
            @Override
            public void onQuote(Quote q) {
                q1.add(q);
            }

            @Override
            public void onTrade(Trade t) {
                t1.add(t);
            }
        });
        List<Trade> t5 = new ArrayList<>();
        List<Quote> q5 = new ArrayList<>();
        LobsterReader.read(m5, new MarketDataListener() {
            @Override
            public void onQuote(Quote q) {
                q5.add(q);
            }

            @Override
            public void onTrade(Trade t) {
                t5.add(t);
            }
        });
        assertThat(t5).isEqualTo(t1);
        // quote streams: the same top-of-book values at the same times once consecutive repeats are dropped
        assertThat(dedupe(q5)).isEqualTo(dedupe(q1));
    }

    static List<Quote> dedupe(List<Quote> in) {
        List<Quote> out = new ArrayList<>();
        for (Quote q : in) {
            if (out.isEmpty() || !sameTop(out.get(out.size() - 1), q)) {
                out.add(q);
            }
        }
        return out;
    }

    static boolean sameTop(Quote a, Quote b) {
        return a.bid() == b.bid() && a.ask() == b.ask() && a.bidSize() == b.bidSize() && a.askSize() == b.askSize();
    }
}
