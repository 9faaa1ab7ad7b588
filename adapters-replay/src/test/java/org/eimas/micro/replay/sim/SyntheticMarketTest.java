package org.eimas.micro.replay.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.OrderEventType;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MarketDataListener;
import org.junit.jupiter.api.Test;

class SyntheticMarketTest {
    static final LocalDate DAY = LocalDate.of(2024, 6, 3);

    static long hash(List<String> symbols, String of, long seed, double hours) {
        MarketTape t = new MarketTape(of);
        new SyntheticMarket(SyntheticMarketConfig.of(symbols, DAY, hours, seed)).run(t);
        return t.hash;
    }

    @Test
    void sameSeedSameDataAndOtherSeedOtherData() {
        long a = hash(List.of("SPY", "QQQ"), "QQQ", 7, 0.25);
        long b = hash(List.of("SPY", "QQQ"), "QQQ", 7, 0.25);
        long c = hash(List.of("SPY", "QQQ"), "QQQ", 8, 0.25);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void aSymbolsDataDoNotDependOnTheOtherSymbols() {
        assertThat(hash(List.of("SPY"), "SPY", 3, 0.25)).isEqualTo(hash(List.of("QQQ", "SPY", "IWM"), "SPY", 3, 0.25));
    }

    @Test
    void sessionStartsAtTheNewYorkOpenAndEventsAreTimeOrdered() {
        SyntheticMarketConfig cfg = SyntheticMarketConfig.of(List.of("SPY", "QQQ"), DAY, 0.1, 1);
        // 2024-06-03 09:30 EDT = 13:30 UTC
        assertThat(cfg.sessionStartNs()).isEqualTo(1_717_421_400L * 1_000_000_000L);
        List<Long> ts = new ArrayList<>();
        long[] counts = new long[2];
        new SyntheticMarket(cfg).run(new MarketDataListener() {
            @Override
            public void onBook(LobSnapshot book) {
                ts.add(book.ts());
                counts[book.symbol().equals("SPY") ? 0 : 1]++;
            }
        });
        assertThat(ts).isSorted();
        assertThat(ts.get(0)).isGreaterThanOrEqualTo(cfg.sessionStartNs());
        assertThat(ts.get(ts.size() - 1)).isLessThan(cfg.sessionStartNs() + 360L * 1_000_000_000L);
        assertThat(counts[0]).isGreaterThan(1000);
        assertThat(counts[1]).isGreaterThan(1000);
    }

    /**
     * Replays the delivered order events into an independent per-order map and checks every
     * book snapshot against it: what the feed says happened is exactly the book it shows.
     */
    @Test
    void orderEventsReconstructTheBooks() {
        SyntheticMarketConfig cfg = SyntheticMarketConfig.of(List.of("SPY"), DAY, 0.2, 11).withLevels(5);
        java.util.Map<Long, double[]> orders = new java.util.HashMap<>(); // id -> {side, price, size}
        long[] checked = new long[1];
        List<Trade> trades = new ArrayList<>();
        List<OrderEvent> execs = new ArrayList<>();
        new SyntheticMarket(cfg).run(new MarketDataListener() {
            @Override
            public void onOrderEvent(OrderEvent e) {
                if (e.type() == OrderEventType.NEW) {
                    orders.put(e.orderId(), new double[] {e.side().sign(), e.price(), e.size()});
                    return;
                }
                double[] o = orders.get(e.orderId());
                assertThat(o).as("order %d was announced", e.orderId()).isNotNull();
                assertThat(e.price()).isEqualTo(o[1]);
                o[2] -= e.size();
                assertThat(o[2]).isGreaterThanOrEqualTo(0);
                if (e.type() == OrderEventType.DELETE) {
                    assertThat(o[2]).isZero();
                }
                if (o[2] == 0) {
                    orders.remove(e.orderId());
                }
                if (e.type() == OrderEventType.EXECUTION) {
                    execs.add(e);
                }
            }

            @Override
            public void onTrade(Trade t) {
                trades.add(t);
            }

            @Override
            public void onBook(LobSnapshot b) {
                // the book's levels are exactly the sums of the live announced orders
                java.util.TreeMap<Double, Double> bids = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
                java.util.TreeMap<Double, Double> asks = new java.util.TreeMap<>();
                for (double[] o : orders.values()) {
                    (o[0] > 0 ? bids : asks).merge(o[1], o[2], Double::sum);
                }
                var bi = bids.entrySet().iterator();
                var ai = asks.entrySet().iterator();
                for (int l = 1; l <= b.levels(); l++) {
                    if (b.bidSize(l) == 0) {
                        assertThat(bi.hasNext()).isFalse();
                    } else {
                        var be = bi.next();
                        assertThat(b.bidPrice(l)).isEqualTo(be.getKey());
                        assertThat(b.bidSize(l)).isEqualTo(be.getValue());
                    }
                    if (b.askSize(l) == 0) {
                        assertThat(ai.hasNext()).isFalse();
                    } else {
                        var ae = ai.next();
                        assertThat(b.askPrice(l)).isEqualTo(ae.getKey());
                        assertThat(b.askSize(l)).isEqualTo(ae.getValue());
                    }
                }
                checked[0]++;
            }
        });
        assertThat(checked[0]).isGreaterThan(1000);
        assertThat(trades).hasSameSizeAs(execs);
        for (int i = 0; i < trades.size(); i++) {
            Trade t = trades.get(i);
            OrderEvent e = execs.get(i);
            assertThat(t.price()).isEqualTo(e.price());
            assertThat(t.size()).isEqualTo(e.size());
            // the execution of a resting sell is a buyer-initiated trade
            assertThat(t.aggressor()).isEqualTo(e.side() == Side.SELL ? Side.BUY : Side.SELL);
        }
    }

    @Test
    void badConfigIsRejectedWithTheReason() {
        assertThatThrownBy(() -> SyntheticMarketConfig.of(List.of(), DAY, 1, 1)).hasMessageContaining("at least one symbol");
        assertThatThrownBy(() -> SyntheticMarketConfig.of(List.of("SPY", "SPY"), DAY, 1, 1)).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> SyntheticMarketConfig.of(List.of("SPY"), DAY, 0, 1)).hasMessageContaining("hours");
    }
}
