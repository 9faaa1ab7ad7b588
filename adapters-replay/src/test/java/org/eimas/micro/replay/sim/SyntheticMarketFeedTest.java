package org.eimas.micro.replay.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.port.MarketDataFeed;
import org.eimas.micro.domain.port.MarketDataListener;
import org.eimas.micro.domain.port.Subscription;
import org.eimas.micro.replay.ReplayModule;
import org.junit.jupiter.api.Test;

class SyntheticMarketFeedTest {
    static final SyntheticMarketConfig DAY = SyntheticMarketConfig.of(List.of("X"), LocalDate.of(2024, 6, 3), 0.05, 5);

    @Test
    void asFastAsPossibleDeliversTheSameDataAsTheBatchRun() throws Exception {
        MarketTape batch = new MarketTape("SPY");
        new SyntheticMarket(SyntheticMarketConfig.of(List.of("SPY", "QQQ"), DAY.date(), DAY.hours(), DAY.seed())).run(batch);

        MarketTape live = new MarketTape("SPY");
        List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        MarketDataListener l = new MarketDataListener() {
            @Override
            public void onBook(LobSnapshot b) {
                live.onBook(b);
            }

            @Override
            public void onTrade(org.eimas.micro.domain.market.Trade t) {
                live.onTrade(t);
            }

            @Override
            public void onOrderEvent(org.eimas.micro.domain.market.OrderEvent e) {
                live.onOrderEvent(e);
            }

            @Override
            public void onStatus(ConnectionStatus status, String detail) {
                statuses.add(status);
                if (status == ConnectionStatus.CLOSED) {
                    done.countDown();
                }
            }
        };
        try (Subscription s = new SyntheticMarketFeed(DAY, 0).subscribe(List.of("SPY", "QQQ"), l)) {
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(live.hash).isEqualTo(batch.hash);
        assertThat(live.books).isEqualTo(batch.books);
        assertThat(statuses).containsExactly(ConnectionStatus.CONNECTED, ConnectionStatus.SUBSCRIBED, ConnectionStatus.CLOSED);
    }

    @Test
    void pacedFeedStopsWhenClosed() throws Exception {
        AtomicLong books = new AtomicLong();
        AtomicLong lastTs = new AtomicLong();
        MarketDataFeed feed = Guice.createInjector(new ReplayModule(DAY, 10)).getInstance(MarketDataFeed.class);
        assertThat(feed.name()).isEqualTo("sim");
        Subscription s = feed.subscribe(List.of("SPY"), new MarketDataListener() {
            @Override
            public void onBook(LobSnapshot b) {
                books.incrementAndGet();
                lastTs.set(b.ts());
            }
        });
        Thread.sleep(300);
        s.close();
        long after = books.get();
        Thread.sleep(100);
        assertThat(books.get()).isEqualTo(after);
        assertThat(after).isPositive();
        // at x10 the 180-second session cannot have finished in well under a second of wall time
        assertThat(lastTs.get()).isLessThan(DAY.sessionStartNs() + 100L * 1_000_000_000L);
    }
}
