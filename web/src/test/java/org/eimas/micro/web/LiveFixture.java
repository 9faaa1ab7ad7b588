package org.eimas.micro.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.application.monitor.ForecastProvider;
import org.eimas.micro.application.monitor.MonitorListener;
import org.eimas.micro.application.monitor.MonitorSettings;
import org.eimas.micro.application.monitor.MonitorUpdate;
import org.eimas.micro.application.monitor.RealtimeMonitor;
import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.port.AlertStore;
import org.eimas.micro.replay.sim.SyntheticMarketConfig;
import org.eimas.micro.replay.sim.SyntheticMarketFeed;

/**
 * A running dashboard over the realtime monitor on the seeded synthetic market, as {@code eimas serve
 * --source sim} composes it; the feed starts on {@link #startFeed()} so clients can attach first. A
 * recording listener keeps every update the monitor published, keyed by symbol and ts.
 */
final class LiveFixture implements AutoCloseable {
    static final List<String> SYMBOLS = List.of("SPY", "QQQ");

    final RealtimeMonitor monitor;
    final DashboardHub hub;
    final DashboardServer server;
    final Map<String, MonitorUpdate> published = new ConcurrentHashMap<>();
    final CountDownLatch closed = new CountDownLatch(1);
    private final SyntheticMarketFeed feed;
    final String base;

    /**
     * @param hours   simulated session length
     * @param speed   simulated seconds per wall second (0: as fast as possible)
     * @param update  event-time seconds between updates
     */
    LiveFixture(double hours, double speed, double update, AlertStore store, DashboardSettings settings) {
        MonitorSettings ms = MonitorSettings.defaults().withVpinBucketShares(2_000)
                .withUpdateNanos((long) (update * 1e9)).withListenerQueue(4096);
        monitor = new RealtimeMonitor(ms, store, ForecastProvider.NONE);
        monitor.addListener(new MonitorListener() {
            @Override
            public void onUpdate(MonitorUpdate u) {
                published.put(u.symbol() + "@" + u.ts(), u);
            }

            @Override
            public void onStatus(ConnectionStatus status, String detail) {
                if (status == ConnectionStatus.CLOSED || status == ConnectionStatus.FAILED) {
                    closed.countDown();
                }
            }
        });
        hub = DashboardHub.forSettings(settings);
        monitor.addListener(hub);
        feed = new SyntheticMarketFeed(SyntheticMarketConfig.of(SYMBOLS, LocalDate.of(2024, 6, 3), hours, 7), speed);
        server = new DashboardServer(monitor, hub, store, SYMBOLS, feed.name(), settings).start();
        base = "http://127.0.0.1:" + server.port();
    }

    LiveFixture startFeed() {
        monitor.start(feed, SYMBOLS);
        return this;
    }

    boolean awaitFeedEnd(long seconds) throws InterruptedException {
        boolean ok = closed.await(seconds, TimeUnit.SECONDS);
        monitor.drain(5_000);
        // the hub's dispatcher handles the final status after every earlier update and alert (FIFO)
        return ok && Http.await(() -> hub.status() == ConnectionStatus.CLOSED || hub.status() == ConnectionStatus.FAILED, 10_000);
    }

    @Override
    public void close() {
        server.close();
        monitor.close();
    }
}
