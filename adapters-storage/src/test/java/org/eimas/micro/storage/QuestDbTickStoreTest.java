package org.eimas.micro.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.eimas.micro.domain.market.Bar;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.OrderEventType;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.market.Trade;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestDbTickStoreTest extends TickStoreContract {
    @TempDir
    static Path dir;
    static QuestDbTickStore store;

    @BeforeAll
    static void open() {
        store = QuestDbTickStore.open(dir.resolve("data"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    org.eimas.micro.domain.port.TickStore store() {
        return store;
    }

    @Override
    long readTradesWithQuotes(String symbol, QuestDbTickStore.TradeQuoteSink sink) {
        return store.readTradesWithQuotes(symbol, 0, Long.MAX_VALUE, sink);
    }

    @Override
    long readOrderEvents(String symbol, java.util.function.Consumer<OrderEvent> sink) {
        return store.readOrderEvents(symbol, 0, Long.MAX_VALUE, sink);
    }

    @Override
    int bookLevels() {
        return store.bookLevels();
    }


    @Test
    void rejectedRowRollsBackItsBatchButKeepsCommittedBatches() {
        long before = store.count("trades");
        TickAppender a = store.openAppender(TickAppender.Kind.TRADES, 10);
        for (int i = 0; i < 25; i++) {
            a.trade(T0 + i * S, "REJ", 10 + i, 1, Double.NaN, Double.NaN, 0);
        }
        assertThatThrownBy(() -> a.trade(T0 + 30 * S, "REJ", Double.NaN, 1, Double.NaN, Double.NaN, 0))
                .isInstanceOf(RejectedRowException.class)
                .hasMessageContaining("row 26").hasMessageContaining("price").hasMessageContaining("NaN");
        a.close();
        // two batches of 10 committed, the 5 rows of the failed batch are gone
        assertThat(read("REJ")).hasSize(20);
        assertThat(store.count("trades") - before).isEqualTo(20);

        TickAppender b = store.openAppender(TickAppender.Kind.TRADES, 1000);
        b.trade(T0 + 100 * S, "REJ2", 1, 1, Double.NaN, Double.NaN, 0);
        assertThatThrownBy(() -> b.trade(T0 + 99 * S, "REJ2", 1, 1, Double.NaN, Double.NaN, 0))
                .isInstanceOf(RejectedRowException.class)
                .hasMessageContaining("row 2").hasMessageContaining("earlier");
        assertThatThrownBy(() -> b.trade(T0 + 101 * S, "REJ2", 1, 1, Double.NaN, Double.NaN, 0))
                .isInstanceOf(IllegalStateException.class);
        b.close();
        assertThat(read("REJ2")).isEmpty();
    }

    @Test
    void asyncAppenderWritesWhatTheSyncOneWouldAndAbortsCleanly() {
        List<Trade> a = trades("AS1", 7, 50_000);
        try (AsyncTickAppender w = new AsyncTickAppender(store.openAppender(TickAppender.Kind.TRADES, 20_000), 1000)) {
            for (Trade t : a) {
                w.trade(t.ts(), t.symbol(), t.price(), t.size(), Double.NaN, Double.NaN, t.aggressor().sign());
            }
            w.finish();
            assertThat(w.committedRows()).isEqualTo(a.size());
        }
        assertThat(read("AS1")).isEqualTo(a);

        // closed without finish: the committed batches (2 x 20 000) stay, the rest is rolled back
        List<Trade> b = trades("AS2", 8, 45_000);
        AsyncTickAppender w = new AsyncTickAppender(store.openAppender(TickAppender.Kind.TRADES, 20_000), 1000);
        for (Trade t : b) {
            w.trade(t.ts(), t.symbol(), t.price(), t.size(), Double.NaN, Double.NaN, t.aggressor().sign());
        }
        w.close();
        assertThat(read("AS2")).isEqualTo(b.subList(0, 40_000));

        // a rejected row surfaces from finish() with the writer's row number; its batch is gone
        AsyncTickAppender q = new AsyncTickAppender(store.openAppender(TickAppender.Kind.QUOTES, 100), 64);
        for (int i = 0; i < 250; i++) {
            q.quote(T0 + i, "AS3", 10, i == 230 ? -1 : 11, 1, 1);
        }
        assertThatThrownBy(q::finish).isInstanceOf(RejectedRowException.class).hasMessageContaining("row 231")
                .hasMessageContaining("ask");
        q.close();
        List<Quote> got = new ArrayList<>();
        store.readQuotes("AS3", 0, Long.MAX_VALUE, got::add);
        assertThat(got).hasSize(200);
    }

    @Test
    void asyncBooksAreWhatWasGivenAndABadBookIsRejectedWithItsRow() {
        java.util.Random rnd = new java.util.Random(11);
        List<LobSnapshot> books = new ArrayList<>();
        double[] bp = new double[5];
        double[] bs = new double[5];
        double[] ap = new double[5];
        double[] as = new double[5];
        try (AsyncTickAppender a = new AsyncTickAppender(store.openBookAppender(5, 300), 37)) {
            for (int i = 0; i < 1000; i++) {
                int n = 1 + rnd.nextInt(5);
                double mid = 50 + rnd.nextInt(100) * 0.01;
                for (int l = 0; l < n; l++) { // the caller's arrays are reused, as the CSV reader does
                    bp[l] = mid - 0.005 - l * 0.01;
                    ap[l] = mid + 0.005 + l * 0.01;
                    bs[l] = 1 + rnd.nextInt(100);
                    as[l] = 1 + rnd.nextInt(100);
                }
                books.add(new LobSnapshot(T0 + i * 1000L, "ABK", java.util.Arrays.copyOf(bp, n),
                        java.util.Arrays.copyOf(bs, n), java.util.Arrays.copyOf(ap, n), java.util.Arrays.copyOf(as, n)));
                a.book(T0 + i * 1000L, "ABK", n, bp, bs, ap, as);
            }
            a.finish();
        }
        List<LobSnapshot> got = new ArrayList<>();
        store.readBooks("ABK", 0, Long.MAX_VALUE, got::add);
        assertThat(got).hasSize(books.size());
        for (int i = 0; i < books.size(); i++) {
            LobSnapshot w = books.get(i);
            LobSnapshot g = got.get(i);
            assertThat(g.ts()).isEqualTo(w.ts());
            assertThat(g.levels()).as("levels of book %d", i).isEqualTo(w.levels());
            for (int l = 1; l <= w.levels(); l++) {
                assertThat(new double[] {g.bidPrice(l), g.bidSize(l), g.askPrice(l), g.askSize(l)})
                        .containsExactly(w.bidPrice(l), w.bidSize(l), w.askPrice(l), w.askSize(l));
            }
        }

        AsyncTickAppender bad = new AsyncTickAppender(store.openBookAppender(5, 300), 37);
        for (int i = 0; i < 400; i++) {
            double[] bidPx = {10.0, i == 350 ? 10.5 : 9.99};
            bad.book(T0 + i, "ABK2", 2, bidPx, new double[] {1, 1}, new double[] {10.01, 10.02}, new double[] {1, 1});
        }
        assertThatThrownBy(bad::finish).isInstanceOf(RejectedRowException.class).hasMessageContaining("row 351")
                .hasMessageContaining("bid_px_2 = 10.5 is not below bid_px_1 = 10.0");
        bad.close();
        List<LobSnapshot> kept = new ArrayList<>();
        store.readBooks("ABK2", 0, Long.MAX_VALUE, kept::add);
        assertThat(kept).hasSize(300);
    }

    @Test
    void badQueryNamesThePosition() {
        assertThatThrownBy(() -> store.query("SELECT nope FROM trades", new QuestDbTickStore.ResultSink() {
            @Override
            public void columns(List<String> names, List<String> types) {
            }

            @Override
            public void row(Object[] values) {
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 7")
                .hasMessageContaining("nope");
    }

    @Test
    void statementsThatChangeTheStoreAreRefusedBeforeTheyRun() {
        store.appendTrades(List.of(new Trade(T0, "KEEP", 1, 1)));
        QuestDbTickStore.ResultSink none = new QuestDbTickStore.ResultSink() {
            @Override
            public void columns(List<String> names, List<String> types) {
            }

            @Override
            public void row(Object[] values) {
            }
        };
        for (String sql : List.of("DROP TABLE trades", "  truncate table trades", "ALTER TABLE trades DROP COLUMN bid",
                "insert into trades (ts, symbol) values (1, 'X')")) {
            assertThatThrownBy(() -> store.query(sql, none)).as(sql).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("only queries run here");
        }
        assertThat(read("KEEP")).hasSize(1);
        assertThat(store.query("trades WHERE symbol = 'KEEP'", none)).isEqualTo(1);
    }

    @Test
    void sampleUnits() {
        assertThat(QuestDbTickStore.sampleUnit(60 * S)).isEqualTo("1m");
        assertThat(QuestDbTickStore.sampleUnit(15 * 60 * S)).isEqualTo("15m");
        assertThat(QuestDbTickStore.sampleUnit(3600 * S)).isEqualTo("1h");
        assertThat(QuestDbTickStore.sampleUnit(90 * S)).isEqualTo("90s");
        assertThatThrownBy(() -> QuestDbTickStore.sampleUnit(1234)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void featuresRoundTripAndDeduplicate() {
        NumericTable f = new NumericTable(List.of("ofi", "vpin"), new long[] {T0, T0 + S},
                new double[][] {{1.5, -2.0}, {0.3, Double.NaN}});
        store.appendFeatures("FT", f);
        store.appendFeatures("FT", f);
        List<String> rows = new ArrayList<>();
        store.query("SELECT ts, feature, val FROM features WHERE symbol = 'FT' ORDER BY ts, feature",
                new QuestDbTickStore.ResultSink() {
                    @Override
                    public void columns(List<String> names, List<String> types) {
                        assertThat(names).containsExactly("ts", "feature", "val");
                    }

                    @Override
                    public void row(Object[] v) {
                        rows.add(v[0] + "," + v[1] + "," + v[2]);
                    }
                });
        assertThat(rows).containsExactly(
                "2026-03-02T23:00:00Z,ofi,1.5", "2026-03-02T23:00:00Z,vpin,0.3",
                "2026-03-02T23:00:01Z,ofi,-2.0", "2026-03-02T23:00:01Z,vpin,null");
    }

}
