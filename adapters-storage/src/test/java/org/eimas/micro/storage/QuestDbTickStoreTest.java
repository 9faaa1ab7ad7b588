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

class QuestDbTickStoreTest {
    /** 2026-03-02T23:00:00Z: the generated data crosses midnight, so two day partitions. */
    static final long T0 = 1_772_492_400_000_000_000L;
    static final long S = 1_000_000_000L;

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

    /** Random trades of one symbol, time-ordered, with runs of equal timestamps. */
    static List<Trade> trades(String symbol, long seed, int n) {
        Random rnd = new Random(seed);
        List<Trade> out = new ArrayList<>();
        long ts = T0;
        double px = 100;
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(4) != 0) {
                ts += 1 + (long) (rnd.nextDouble() * 4 * S);
            }
            px = Math.max(1, px + 0.01 * (rnd.nextInt(3) - 1));
            out.add(new Trade(ts, symbol, Math.round(px * 100) / 100.0, 1 + rnd.nextInt(500),
                    Side.ofSign(rnd.nextInt(3) - 1)));
        }
        return out;
    }

    static List<Quote> quotes(String symbol, long seed, int n) {
        Random rnd = new Random(seed);
        List<Quote> out = new ArrayList<>();
        long ts = T0 - 10 * S;
        double mid = 100;
        for (int i = 0; i < n; i++) {
            ts += 1 + (long) (rnd.nextDouble() * 3 * S);
            mid += 0.005 * (rnd.nextInt(3) - 1);
            double half = 0.005 * (1 + rnd.nextInt(3));
            out.add(new Quote(ts, symbol, mid - half, 100 + rnd.nextInt(9), mid + half, rnd.nextInt(9)));
        }
        return out;
    }

    static List<Trade> read(String symbol) {
        List<Trade> got = new ArrayList<>();
        store.readTrades(symbol, 0, Long.MAX_VALUE, got::add);
        return got;
    }

    @Test
    void tradesRoundTripExactlyInOrderAndReingestDoesNotDuplicate() {
        List<Trade> a = trades("RT1", 1, 5000);
        List<Trade> b = trades("RT2", 2, 3000);
        store.appendTrades(a);
        store.appendTrades(b);
        assertThat(read("RT1")).isEqualTo(a);
        assertThat(read("RT2")).isEqualTo(b);

        // the same rows again (an interrupted ingest run a second time): no duplicates
        store.appendTrades(a);
        assertThat(read("RT1")).isEqualTo(a);

        // a time range is [from, to)
        long from = a.get(1000).ts();
        long to = a.get(2000).ts();
        List<Trade> expected = a.stream().filter(t -> t.ts() >= from && t.ts() < to).toList();
        List<Trade> got = new ArrayList<>();
        long n = store.readTrades("RT1", from, to, got::add);
        assertThat(got).isEqualTo(expected);
        assertThat(n).isEqualTo(expected.size());
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
    void barsMatchANaiveComputation() {
        String sym = "BAR";
        List<Trade> tr = trades(sym, 3, 4000);
        List<Quote> qs = quotes(sym, 4, 6000);
        store.appendTrades(tr);
        store.appendQuotes(qs);
        long interval = 5 * 60 * S;
        long from = T0 - 3600 * S;
        long to = T0 + 24 * 3600 * S;
        List<Bar> bars = store.bars(sym, interval, from, to);

        // naive: bucket = floor(ts / interval) * interval (UTC calendar alignment for 5 minutes)
        TreeMap<Long, double[]> exp = new TreeMap<>(); // open high low close vol pv lastBid lastAsk
        for (Quote q : qs) {
            double[] v = exp.computeIfAbsent(Math.floorDiv(q.ts(), interval) * interval,
                    k -> new double[] {Double.NaN, -1e300, 1e300, Double.NaN, 0, 0, Double.NaN, Double.NaN});
            double mid = (q.bid() + q.ask()) / 2;
            if (Double.isNaN(v[0])) {
                v[0] = mid;
            }
            v[1] = Math.max(v[1], mid);
            v[2] = Math.min(v[2], mid);
            v[3] = mid;
            v[6] = q.bid();
            v[7] = q.ask();
        }
        for (Trade t : tr) {
            double[] v = exp.computeIfAbsent(Math.floorDiv(t.ts(), interval) * interval,
                    k -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, Double.NaN, Double.NaN});
            v[4] += t.size();
            v[5] += t.price() * t.size();
        }
        assertThat(bars).hasSize(exp.size());
        int i = 0;
        for (var e : exp.entrySet()) {
            Bar b = bars.get(i++);
            double[] v = e.getValue();
            assertThat(b.ts()).isEqualTo(e.getKey());
            assertThat(b.symbol()).isEqualTo(sym);
            assertThat(b.open()).isEqualTo(v[0]);
            assertThat(b.high()).isEqualTo(v[1]);
            assertThat(b.low()).isEqualTo(v[2]);
            assertThat(b.close()).isEqualTo(v[3]);
            assertThat(b.volume()).isEqualTo(v[4]);
            if (v[4] > 0) {
                assertThat(b.vwap()).isCloseTo(v[5] / v[4], org.assertj.core.data.Offset.offset(1e-9));
            } else {
                assertThat(b.vwap()).isNaN();
            }
            assertThat(b.lastBid()).isEqualTo(v[6]);
            assertThat(b.lastAsk()).isEqualTo(v[7]);
        }
        assertThat(bars.stream().map(Bar::ts).distinct().count()).isEqualTo(bars.size());
        // the data crosses midnight UTC: both days are there
        assertThat(bars.get(0).ts() / (86400 * S)).isLessThan(bars.get(bars.size() - 1).ts() / (86400 * S));
    }

    @Test
    void asofJoinGivesTheLastQuoteAtOrBeforeEachTrade() {
        String sym = "ASOF";
        List<Trade> tr = trades(sym, 5, 3000);
        List<Quote> qs = quotes(sym, 6, 2000);
        store.appendTrades(tr);
        store.appendQuotes(qs);
        List<double[]> got = new ArrayList<>();
        store.readTradesWithQuotes(sym, 0, Long.MAX_VALUE,
                (ts, price, size, bid, ask) -> got.add(new double[] {ts, price, size, bid, ask}));
        assertThat(got).hasSize(tr.size());
        int j = -1; // naive two-pointer merge
        for (int i = 0; i < tr.size(); i++) {
            Trade t = tr.get(i);
            while (j + 1 < qs.size() && qs.get(j + 1).ts() <= t.ts()) {
                j++;
            }
            double[] g = got.get(i);
            assertThat(g[1]).isEqualTo(t.price());
            assertThat(g[2]).isEqualTo(t.size());
            if (j < 0) {
                assertThat(g[3]).isNaN();
            } else {
                assertThat(g[3]).as("bid of trade %d", i).isEqualTo(qs.get(j).bid());
                assertThat(g[4]).isEqualTo(qs.get(j).ask());
            }
        }
    }

    @Test
    void booksRoundTripAndTheTableGrowsLevels() {
        LobSnapshot b2 = new LobSnapshot(T0, "BK", new double[] {10.0, 9.99}, new double[] {5, 6},
                new double[] {10.01, 10.02}, new double[] {7, 8});
        LobSnapshot b3 = new LobSnapshot(T0 + S, "BK", new double[] {10.0, 9.99, 0}, new double[] {5, 6, 0},
                new double[] {10.01, 10.02, 10.05}, new double[] {7, 8, 1});
        store.appendBooks(List.of(b2));
        store.appendBooks(List.of(b3));
        assertThat(store.bookLevels()).isGreaterThanOrEqualTo(3);
        List<LobSnapshot> got = new ArrayList<>();
        store.readBooks("BK", 0, Long.MAX_VALUE, got::add);
        assertThat(got).hasSize(2);
        for (int k = 0; k < 2; k++) {
            LobSnapshot want = k == 0 ? b2 : b3;
            LobSnapshot g = got.get(k);
            assertThat(g.ts()).isEqualTo(want.ts());
            assertThat(g.levels()).isEqualTo(want.levels());
            for (int l = 1; l <= want.levels(); l++) {
                assertThat(g.bidPrice(l)).isEqualTo(want.bidPrice(l));
                assertThat(g.bidSize(l)).isEqualTo(want.bidSize(l));
                assertThat(g.askPrice(l)).isEqualTo(want.askPrice(l));
                assertThat(g.askSize(l)).isEqualTo(want.askSize(l));
            }
        }
    }

    @Test
    void orderEventsAndFeaturesRoundTrip() {
        List<OrderEvent> ev = List.of(
                new OrderEvent(T0, "OE", OrderEventType.NEW, Side.BUY, 10.5, 100, 7),
                new OrderEvent(T0, "OE", OrderEventType.EXECUTION, Side.SELL, 10.51, 40, 8),
                new OrderEvent(T0 + 1, "OE", OrderEventType.HALT, Side.UNKNOWN, 0, 0, 0));
        store.appendOrderEvents(ev);
        store.appendOrderEvents(ev);
        List<OrderEvent> got = new ArrayList<>();
        store.readOrderEvents("OE", 0, Long.MAX_VALUE, got::add);
        assertThat(got).isEqualTo(ev);

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
    void sampleUnits() {
        assertThat(QuestDbTickStore.sampleUnit(60 * S)).isEqualTo("1m");
        assertThat(QuestDbTickStore.sampleUnit(15 * 60 * S)).isEqualTo("15m");
        assertThat(QuestDbTickStore.sampleUnit(3600 * S)).isEqualTo("1h");
        assertThat(QuestDbTickStore.sampleUnit(90 * S)).isEqualTo("90s");
        assertThatThrownBy(() -> QuestDbTickStore.sampleUnit(1234)).isInstanceOf(IllegalArgumentException.class);
    }
}
