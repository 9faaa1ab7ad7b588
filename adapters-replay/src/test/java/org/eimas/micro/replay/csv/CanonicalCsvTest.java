package org.eimas.micro.replay.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.OrderEventType;
import org.eimas.micro.domain.market.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalCsvTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        if (name.endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            Files.writeString(p, content);
        }
        return p;
    }

    record T(long ts, String sym, double px, double sz, double bid, double ask) {
    }

    private List<T> trades(Path p) {
        List<T> out = new ArrayList<>();
        CanonicalCsv.readTrades(p, (ts, s, px, sz, b, a) -> out.add(new T(ts, s, px, sz, b, a)));
        return out;
    }

    @Test
    void readsTradesPlainAndGzipWithEqualTimestampsInFileOrder() throws IOException {
        String csv = "ts,symbol,price,size\n1000,SPY,450.01,100\n1000,SPY,450.02,0\n2000,SPY,449.995,5\n";
        for (String name : List.of("t.csv", "t.csv.gz")) {
            List<T> t = trades(write(name, csv));
            assertThat(t).containsExactly(
                    new T(1000, "SPY", 450.01, 100, Double.NaN, Double.NaN),
                    new T(1000, "SPY", 450.02, 0, Double.NaN, Double.NaN),
                    new T(2000, "SPY", 449.995, 5, Double.NaN, Double.NaN));
        }
    }

    @Test
    void readsTradesWithQuoteColumnsCrlfAndEmptyQuote() throws IOException {
        List<T> t = trades(write("t.csv", "ts,symbol,price,size,bid,ask\r\n5,QQQ,10.5,3,10.49,10.51\r\n6,QQQ,10.5,3,,\r\n"));
        assertThat(t.get(0)).isEqualTo(new T(5, "QQQ", 10.5, 3, 10.49, 10.51));
        assertThat(t.get(1).bid()).isNaN();
        assertThat(t.get(1).ask()).isNaN();
    }

    @Test
    void reusesSymbolInstances() throws IOException {
        List<T> t = trades(write("t.csv", "ts,symbol,price,size\n1,SPY,1,1\n2,SPY,1,1\n"));
        assertThat(t.get(0).sym()).isSameAs(t.get(1).sym());
    }

    @Test
    void parsedPricesEqualJavaParseDoubleExactly() throws IOException {
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder("ts,symbol,price,size\n");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            String px = switch (i % 5) {
                case 0 -> String.valueOf(r.nextInt(1_000_000) / 100.0);
                case 1 -> String.format(java.util.Locale.ROOT, "%.4f", r.nextDouble() * 5000);
                case 2 -> String.format(java.util.Locale.ROOT, "%.9f", r.nextDouble());
                case 3 -> String.valueOf(r.nextDouble() * 1e6);
                default -> String.format(java.util.Locale.ROOT, "%.2e", r.nextDouble() * 100 + 1);
            };
            texts.add(px);
            sb.append(i).append(",X,").append(px).append(",1\n");
        }
        List<T> t = trades(write("p.csv", sb.toString()));
        for (int i = 0; i < texts.size(); i++) {
            assertThat(t.get(i).px()).as(texts.get(i)).isEqualTo(Double.parseDouble(texts.get(i)));
        }
    }

    @Test
    void malformedRowsNameFileLineColumnAndText() throws IOException {
        Path bad = write("bad.csv", "ts,symbol,price,size\n1,SPY,1.0,1\n2,SPY,abc,1\n");
        assertThatThrownBy(() -> trades(bad)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("bad.csv:3:3").hasMessageContaining("price").hasMessageContaining("'abc'");

        Path nan = write("nan.csv", "ts,symbol,price,size\n1,SPY,NaN,1\n");
        assertThatThrownBy(() -> trades(nan)).hasMessageContaining("nan.csv:2:3").hasMessageContaining("finite");

        Path neg = write("neg.csv", "ts,symbol,price,size\n1,SPY,1,-5\n");
        assertThatThrownBy(() -> trades(neg)).hasMessageContaining("neg.csv:2:4").hasMessageContaining("size");

        Path order = write("order.csv", "ts,symbol,price,size\n5,SPY,1,1\n4,SPY,1,1\n");
        assertThatThrownBy(() -> trades(order)).hasMessageContaining("order.csv:3:1").hasMessageContaining("backwards");

        Path fields = write("fields.csv", "ts,symbol,price,size\n5,SPY,1\n");
        assertThatThrownBy(() -> trades(fields)).hasMessageContaining("fields.csv:2").hasMessageContaining("expected 4 fields, found 3");

        Path header = write("header.csv", "time,symbol,price,size\n");
        assertThatThrownBy(() -> trades(header)).hasMessageContaining("header.csv:1").hasMessageContaining("header must be");

        Path ts = write("ts.csv", "ts,symbol,price,size\n1.5,SPY,1,1\n");
        assertThatThrownBy(() -> trades(ts)).hasMessageContaining("ts.csv:2:1").hasMessageContaining("integer");

        Path dot = write("dot.csv", "ts,symbol,price,size\n1,SPY,.,1\n");
        assertThatThrownBy(() -> trades(dot)).hasMessageContaining("dot.csv:2:3");

        assertThatThrownBy(() -> trades(dir.resolve("missing.csv"))).hasMessageContaining("missing.csv")
                .hasMessageContaining("not found");
        Path empty = write("empty.csv", "");
        assertThatThrownBy(() -> trades(empty)).hasMessageContaining("empty file");
    }

    @Test
    void readsBooksWithLevelsFromHeaderAndRejectsBadLevels() throws IOException {
        String header = String.join(",", CanonicalCsv.bookHeader(2)) + "\n";
        Path ok = write("b.csv.gz", header + "1,SPY,10.00,5,10.01,7,9.99,3,10.02,4\n2,SPY,10.01,1,10.01,2,10.00,3,10.02,4\n");
        List<LobSnapshot> books = new ArrayList<>();
        CanonicalCsv.readBooks(ok, books::add);
        assertThat(books).hasSize(2);
        assertThat(books.get(0).levels()).isEqualTo(2);
        assertThat(books.get(0).bidPrice(2)).isEqualTo(9.99);
        assertThat(books.get(0).askSize(2)).isEqualTo(4);
        assertThat(books.get(1).isLocked()).isTrue();

        Path disordered = write("d.csv", header + "1,SPY,10.00,5,10.01,7,10.00,3,10.02,4\n");
        assertThatThrownBy(() -> CanonicalCsv.readBooks(disordered, b -> { }))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("d.csv:2")
                .hasMessageContaining("bid_px_2");

        Path badHeader = write("h.csv", "ts,symbol,bid_px_1,bid_sz_1,ask_px_1\n");
        assertThatThrownBy(() -> CanonicalCsv.readBooks(badHeader, b -> { })).hasMessageContaining("h.csv:1");
    }

    @Test
    void readsQuotesWithAndWithoutSizes() throws IOException {
        List<double[]> q = new ArrayList<>();
        CanonicalCsv.readQuotes(write("q.csv", "ts,symbol,bid,ask\n1,SPY,1.5,1.6\n"),
                (ts, s, b, a, bs, as) -> q.add(new double[] {ts, b, a, bs, as}));
        CanonicalCsv.readQuotes(write("q2.csv", "ts,symbol,bid,ask,bid_sz,ask_sz\n2,SPY,1.5,1.6,3,4\n"),
                (ts, s, b, a, bs, as) -> q.add(new double[] {ts, b, a, bs, as}));
        assertThat(q.get(0)).containsExactly(1, 1.5, 1.6, Double.NaN, Double.NaN);
        assertThat(q.get(1)).containsExactly(2, 1.5, 1.6, 3, 4);
    }

    @Test
    void readsOrderEventsAndRejectsUnknownType() throws IOException {
        List<OrderEvent> ev = new ArrayList<>();
        CanonicalCsv.readOrderEvents(write("e.csv", "ts,symbol,type,side,price,size,order_id\n"
                + "1,AMZN,NEW,BUY,223.82,100,42\n2,AMZN,execution,-1,223.83,50,43\n"), ev::add);
        assertThat(ev).containsExactly(
                new OrderEvent(1, "AMZN", OrderEventType.NEW, Side.BUY, 223.82, 100, 42),
                new OrderEvent(2, "AMZN", OrderEventType.EXECUTION, Side.SELL, 223.83, 50, 43));
        Path bad = write("e2.csv", "ts,symbol,type,side,price,size,order_id\n1,AMZN,JUMP,BUY,1,1,1\n");
        assertThatThrownBy(() -> CanonicalCsv.readOrderEvents(bad, e -> { })).hasMessageContaining("e2.csv:2:3")
                .hasMessageContaining("JUMP");
    }

    @Test
    void readsNumericTablesWithOptionalTsIndexAndMissingCells() throws IOException {
        NumericTable t = CanonicalCsv.readTable(write("n.csv", "ts,y,x1,x2\n10,1.5,2,\n20,-0.5,1e-3,4\n"));
        assertThat(t.columns()).containsExactly("y", "x1", "x2");
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.ts(1)).isEqualTo(20);
        assertThat(t.column("x1")).containsExactly(2, 0.001);
        assertThat(t.get(0, 2)).isNaN();

        NumericTable cased = CanonicalCsv.readTable(write("n5.csv", "TS,VIXCLS,d_VIX\n1,2,3\n"));
        assertThat(cased.columns()).containsExactly("VIXCLS", "d_VIX");
        assertThat(cased.hasTs()).isTrue();

        NumericTable noTs = CanonicalCsv.readTable(write("n2.csv", "a,b\n1,2\n3,4\n"));
        assertThat(noTs.hasTs()).isFalse();
        assertThat(noTs.column("b")).containsExactly(2, 4);

        Path dup = write("n3.csv", "a,a\n1,2\n");
        assertThatThrownBy(() -> CanonicalCsv.readTable(dup)).hasMessageContaining("duplicate");
        Path bad = write("n4.csv", "ts,a\n1,x\n");
        assertThatThrownBy(() -> CanonicalCsv.readTable(bad)).hasMessageContaining("n4.csv:2:2");
    }

    @Test
    void writersRoundTrip() {
        Path trades = dir.resolve("w/trades.csv.gz");
        try (CanonicalCsvWriter w = CanonicalCsvWriter.trades(trades, true)) {
            w.trade(1, "SPY", 450.01, 100, 450.0, 450.02);
            w.trade(2, "SPY", 0.1 + 0.2, 1.5, Double.NaN, Double.NaN);
        }
        List<T> t = trades(trades);
        assertThat(t).containsExactly(new T(1, "SPY", 450.01, 100, 450.0, 450.02),
                new T(2, "SPY", 0.1 + 0.2, 1.5, Double.NaN, Double.NaN));

        Path books = dir.resolve("w/books.csv");
        LobSnapshot b = new LobSnapshot(7, "SPY", new double[] {10, 9.99}, new double[] {1, 2},
                new double[] {10.01, 10.02}, new double[] {3, 4});
        try (CanonicalCsvWriter w = CanonicalCsvWriter.books(books, 2)) {
            w.book(b);
        }
        List<LobSnapshot> back = new ArrayList<>();
        CanonicalCsv.readBooks(books, back::add);
        assertThat(back).containsExactly(b);

        Path table = dir.resolve("w/table.csv");
        NumericTable nt = new NumericTable(List.of("a", "b"), new long[] {1, 2}, new double[][] {{1.25, Double.NaN}, {3, 4}});
        CsvTableWriter.write(table, nt);
        NumericTable nt2 = CanonicalCsv.readTable(table);
        assertThat(nt2.column("a")).containsExactly(1.25, Double.NaN);
        assertThat(nt2.column("b")).containsExactly(3, 4);
    }
}
