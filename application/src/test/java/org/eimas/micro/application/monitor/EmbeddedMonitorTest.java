package org.eimas.micro.application.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.application.EimasPlatform;
import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.store.StoredAlert;
import org.eimas.micro.replay.ReplayModule;
import org.eimas.micro.replay.sim.SyntheticMarketConfig;
import org.junit.jupiter.api.Test;

/** Embeds the platform as a host application would: synthetic feed, no CLI. */
class EmbeddedMonitorTest {
    private static SyntheticMarketConfig day(double hours) {
        return SyntheticMarketConfig.of(List.of("SPY", "QQQ"), LocalDate.of(2024, 6, 3), hours, 7);
    }

    @Test
    void hostGetsPeriodicUpdatesPerSymbolAndClosesCleanly() throws Exception {
        List<MonitorUpdate> updates = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        Map<String, Long> lastTs = new ConcurrentHashMap<>();
        MonitorListener listener = new MonitorListener() {
            @Override
            public void onUpdate(MonitorUpdate u) {
                updates.add(u);
                Long prev = lastTs.put(u.symbol(), u.ts());
                assertThat(prev == null || prev <= u.ts()).isTrue();
            }

            @Override
            public void onStatus(ConnectionStatus status, String detail) {
                if (status == ConnectionStatus.CLOSED) {
                    done.countDown();
                }
            }
        };
        RealtimeMonitor monitor;
        try (EimasPlatform p = EimasPlatform.builder().module(new ReplayModule(day(0.5), 0)).build()) {
            MonitorSettings settings = MonitorSettings.defaults().withVpinBucketShares(2_000);
            monitor = p.startMonitor(List.of("SPY", "QQQ"), settings, ForecastProvider.NONE, listener);
            assertThat(done.await(60, TimeUnit.SECONDS)).as("feed finished").isTrue();
            monitor.drain(5_000);
            assertThat(monitor.symbols()).containsExactly("QQQ", "SPY");
            MonitorUpdate spy = monitor.latest("SPY");
            assertThat(spy).isNotNull();
            assertThat(spy.mid()).isPositive();
            assertThat(spy.spreadBps()).isPositive();
            assertThat(spy.vpin()).isBetween(0.0, 1.0);
            assertThat(spy.hawkesBuy()).isPositive();
            assertThat(spy.direction()).isIn("UP", "DOWN", "FLAT");
        }
        // half an hour at one update per 5 s of event time: about 360 per symbol
        long spyUpdates = updates.stream().filter(u -> u.symbol().equals("SPY")).count();
        assertThat(spyUpdates).isBetween(300L, 370L);
        assertThat(monitor.droppedUpdates()).isZero();
    }

    @Test
    void aStuckListenerNeverBlocksTheFeedAndDropsAreCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        List<StoredAlert> alerts = Collections.synchronizedList(new ArrayList<>());
        MonitorListener stuck = new MonitorListener() {
            @Override
            public void onUpdate(MonitorUpdate u) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        MonitorListener watcher = new MonitorListener() {
            @Override
            public void onUpdate(MonitorUpdate u) {
            }

            @Override
            public void onAlert(StoredAlert a) {
                alerts.add(a);
            }

            @Override
            public void onStatus(ConnectionStatus status, String detail) {
                if (status == ConnectionStatus.CLOSED) {
                    done.countDown();
                }
            }
        };
        try (EimasPlatform p = EimasPlatform.builder().module(new ReplayModule(day(0.5), 0)).build()) {
            MonitorSettings settings = MonitorSettings.defaults().withVpinBucketShares(2_000).withListenerQueue(8);
            RealtimeMonitor m = p.startMonitor(List.of("SPY", "QQQ"), settings, ForecastProvider.NONE, stuck, watcher);
            assertThat(done.await(60, TimeUnit.SECONDS)).as("the feed finished although a listener is stuck").isTrue();
            assertThat(m.droppedUpdates()).isGreaterThan(500);
            release.countDown();
        }
    }
}
