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
import org.junit.jupiter.api.Test;

/**
 * What every {@link org.eimas.micro.domain.port.TickStore} of this module must do, run against the
 * embedded store and against an external QuestDB server.
 */
abstract class TickStoreContract {
    /** 2026-03-02T23:00:00Z: the generated data crosses midnight, so two day partitions. */
    static final long T0 = 1_772_492_400_000_000_000L;
    static final long S = 1_000_000_000L;

    abstract org.eimas.micro.domain.port.TickStore store();

    abstract long readTradesWithQuotes(String symbol, QuestDbTickStore.TradeQuoteSink sink);

    abstract long readOrderEvents(String symbol, java.util.function.Consumer<OrderEvent> sink);

    abstract int bookLevels();

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

    List<Trade> read(String symbol) {
        List<Trade> got = new ArrayList<>();
        store().readTrades(symbol, 0, Long.MAX_VALUE, got::add);
        return got;
    }

    @Test
    void tradesRoundTripExactlyInOrderAndReingestDoesNotDuplicate() {
        List<Trade> a = trades("RT1", 1, 5000);
        List<Trade> b = trades("RT2", 2, 3000);
        store().appendTrades(a);
        store().appendTrades(b);
        assertThat(read("RT1")).isEqualTo(a);
        assertThat(read("RT2")).isEqualTo(b);

        // the same rows again (an interrupted ingest run a second time): no duplicates
        store().appendTrades(a);
        assertThat(read("RT1")).isEqualTo(a);

        // a time range is [from, to)
        long from = a.get(1000).ts();
        long to = a.get(2000).ts();
        List<Trade> expected = a.stream().filter(t -> t.ts() >= from && t.ts() < to).toList();
        List<Trade> got = new ArrayList<>();
        long n = store().readTrades("RT1", from, to, got::add);
        assertThat(got).isEqualTo(expected);
        assertThat(n).isEqualTo(expected.size());
    }

    @Test
    void barsMatchANaiveComputation() {
        String sym = "BAR";
        List<Trade> tr = trades(sym, 3, 4000);
        List<Quote> qs = quotes(sym, 4, 6000);
        store().appendTrades(tr);
        store().appendQuotes(qs);
        long interval = 5 * 60 * S;
        long from = T0 - 3600 * S;
        long to = T0 + 24 * 3600 * S;
        List<Bar> bars = store().bars(sym, interval, from, to);

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
        store().appendTrades(tr);
        store().appendQuotes(qs);
        List<double[]> got = new ArrayList<>();
        readTradesWithQuotes(sym,
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
        store().appendBooks(List.of(b2));
        store().appendBooks(List.of(b3));
        assertThat(bookLevels()).isGreaterThanOrEqualTo(3);
        List<LobSnapshot> got = new ArrayList<>();
        store().readBooks("BK", 0, Long.MAX_VALUE, got::add);
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
    void orderEventsRoundTripAndDeduplicate() {
        List<OrderEvent> ev = List.of(
                new OrderEvent(T0, "OE", OrderEventType.NEW, Side.BUY, 10.5, 100, 7),
                new OrderEvent(T0, "OE", OrderEventType.EXECUTION, Side.SELL, 10.51, 40, 8),
                new OrderEvent(T0 + 1, "OE", OrderEventType.HALT, Side.UNKNOWN, 0, 0, 0));
        store().appendOrderEvents(ev);
        store().appendOrderEvents(ev);
        List<OrderEvent> got = new ArrayList<>();
        readOrderEvents("OE", got::add);
        assertThat(got).isEqualTo(ev);

    }
}
