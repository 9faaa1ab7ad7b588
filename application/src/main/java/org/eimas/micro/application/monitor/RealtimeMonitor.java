package org.eimas.micro.application.monitor;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.AlertStore;
import org.eimas.micro.domain.port.MarketDataFeed;
import org.eimas.micro.domain.port.MarketDataListener;
import org.eimas.micro.domain.port.Subscription;
import org.eimas.micro.domain.store.StoredAlert;
import org.eimas.micro.domain.paths.CascadeTrigger;
import org.eimas.micro.domain.paths.StressTrigger;
import org.eimas.micro.domain.vpin.CrashAlert;

/**
 * The realtime monitor (seed section 12.3): takes events from any {@link MarketDataFeed}, updates the
 * per-symbol streaming models on the feed's thread in O(1), and every {@code updateNanos} of event time
 * publishes a {@link MonitorUpdate} per symbol. Crash-detector level changes become alerts, persisted
 * through {@link AlertStore} when one is given.
 *
 * <p>Back-pressure: each listener has its own bounded queue and thread; when it falls behind, its
 * oldest updates are dropped and counted ({@link #droppedUpdates()}); the feed is never blocked.
 */
public final class RealtimeMonitor implements MarketDataListener, AutoCloseable {
    private final MonitorSettings settings;
    private final AlertStore alertStore;
    private final ForecastProvider forecaster;
    private final Map<String, SymbolMonitor> symbols = new ConcurrentHashMap<>();
    private final Map<String, MonitorUpdate> latest = new ConcurrentHashMap<>();
    private final List<BoundedDispatcher<Object>> dispatchers = new CopyOnWriteArrayList<>();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong alerts = new AtomicLong();
    private final AtomicLong warnings = new AtomicLong();
    private volatile ConnectionStatus status = ConnectionStatus.CONNECTING;
    private volatile String statusDetail = "";
    private Subscription subscription;

    public RealtimeMonitor(MonitorSettings settings, AlertStore alertStore, ForecastProvider forecaster) {
        this.settings = settings;
        this.alertStore = alertStore;
        this.forecaster = forecaster == null ? ForecastProvider.NONE : forecaster;
    }

    /** Subscribes this monitor to the feed; events start arriving on the feed's thread. */
    public synchronized RealtimeMonitor start(MarketDataFeed feed, Collection<String> symbolList) {
        if (subscription != null) {
            throw new IllegalStateException("the monitor is already started");
        }
        for (String s : symbolList) {
            symbols.computeIfAbsent(s, k -> new SymbolMonitor(k, settings));
        }
        subscription = feed.subscribe(symbolList, this);
        return this;
    }

    /** Adds a listener with its own bounded queue and dispatcher thread. */
    public void addListener(MonitorListener listener) {
        BoundedDispatcher<Object> d = new BoundedDispatcher<>("eimas-monitor-listener-" + dispatchers.size(),
                settings.listenerQueue(), item -> {
            if (item instanceof MonitorUpdate u) {
                listener.onUpdate(u);
            } else if (item instanceof StoredAlert a) {
                listener.onAlert(a);
            } else if (item instanceof StatusChange s) {
                listener.onStatus(s.status(), s.detail());
            }
        });
        dispatchers.add(d);
    }

    private record StatusChange(ConnectionStatus status, String detail) {
    }

    private void publish(Object item) {
        for (BoundedDispatcher<Object> d : dispatchers) {
            d.offer(item);
        }
    }

    private SymbolMonitor monitor(String symbol) {
        return symbols.computeIfAbsent(symbol, k -> new SymbolMonitor(k, settings));
    }

    @Override
    public void onBook(LobSnapshot book) {
        SymbolMonitor m = monitor(book.symbol());
        synchronized (m) {
            beforeEvent(m, book.ts());
            m.onBook(book);
        }
    }

    @Override
    public void onQuote(Quote q) {
        SymbolMonitor m = monitor(q.symbol());
        synchronized (m) {
            beforeEvent(m, q.ts());
            m.onQuote(q.ts(), q.bid(), q.ask());
        }
    }

    @Override
    public void onTrade(Trade t) {
        SymbolMonitor m = monitor(t.symbol());
        synchronized (m) {
            beforeEvent(m, t.ts());
            m.onTrade(t.ts(), t.price(), t.size(), t.aggressor());
            CrashAlert a = m.takeAlert();
            if (a != null) {
                raise(m.symbol, a);
            }
        }
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
        // order events refine the queue models; the monitor's state comes from books and trades
    }

    @Override
    public void onStatus(ConnectionStatus s, String detail) {
        status = s;
        statusDetail = detail == null ? "" : detail;
        publish(new StatusChange(s, statusDetail));
    }

    @Override
    public void onWarning(String message) {
        warnings.incrementAndGet();
    }

    /** Emits the pending update of a symbol before an event that starts a new update interval. */
    private void beforeEvent(SymbolMonitor m, long ts) {
        if (m.due(ts)) {
            MonitorUpdate u = m.update(m.boundary(), ts, forecaster);
            latest.put(m.symbol, u);
            updates.incrementAndGet();
            publish(u);
            raisePathAlerts(m);
        }
    }

    /** Critical-path changes of the last update become alerts: source path18 (WARNING/CRITICAL) and path12. */
    private void raisePathAlerts(SymbolMonitor m) {
        StressTrigger st = m.takeStress();
        if (st != null) {
            Map<String, Double> in = new java.util.LinkedHashMap<>();
            finite(in, "vpin", st.vpin());
            finite(in, "ofi", st.ofi());
            finite(in, "ofi_z", st.ofiZ());
            finite(in, "spread", st.spread());
            finite(in, "spread_z", st.spreadZ());
            store(new StoredAlert(0, st.ts(), m.symbol, "path18", st.severity().name(), st.message() + " (" + st.action() + ")", in));
        }
        CascadeTrigger ct = m.takeCascade();
        if (ct != null) {
            Map<String, Double> in = new java.util.LinkedHashMap<>();
            finite(in, "depth", ct.depth());
            finite(in, "depth_median", ct.depthMedian());
            finite(in, "spread_z", ct.spreadZ());
            finite(in, "vpin", ct.stress().vpin());
            finite(in, "ofi_z", ct.stress().ofiZ());
            store(new StoredAlert(0, ct.ts(), m.symbol, "path12", "CRITICAL", ct.message() + " (" + ct.action() + ")", in));
        }
    }

    /** Alert inputs keep finite numbers only (a z-score is NaN before its window fills). */
    private static void finite(Map<String, Double> m, String key, double v) {
        if (Double.isFinite(v)) {
            m.put(key, v);
        }
    }

    private void raise(String symbol, CrashAlert a) {
        Map<String, Double> inputs = new java.util.LinkedHashMap<>();
        inputs.put("vpin", a.vpin());
        inputs.put("vpin_cdf", a.cdf());
        store(new StoredAlert(0, a.ts(), symbol, "vpin", a.level().name(), a.message(), inputs));
    }

    /** Persists (when a store is bound), counts and publishes an alert. */
    private void store(StoredAlert alert) {
        if (alertStore != null) {
            long id = alertStore.save(alert);
            alert = new StoredAlert(id, alert.ts(), alert.symbol(), alert.source(), alert.level(), alert.message(), alert.inputs());
        }
        alerts.incrementAndGet();
        publish(alert);
    }

    /** Emits an update for every symbol now (e.g. at the end of a replay). */
    public void flush() {
        for (SymbolMonitor m : symbols.values()) {
            synchronized (m) {
                if (m.lastTs() > 0) {
                    MonitorUpdate u = m.update(m.lastTs(), m.lastTs(), forecaster);
                    latest.put(m.symbol, u);
                    updates.incrementAndGet();
                    publish(u);
                    raisePathAlerts(m);
                }
            }
        }
    }

    public MonitorUpdate latest(String symbol) {
        return latest.get(symbol);
    }

    public Collection<String> symbols() {
        return List.copyOf(new java.util.TreeSet<>(symbols.keySet()));
    }

    public long updates() {
        return updates.get();
    }

    public long alerts() {
        return alerts.get();
    }

    public long warnings() {
        return warnings.get();
    }

    public ConnectionStatus status() {
        return status;
    }

    public String statusDetail() {
        return statusDetail;
    }

    /** Updates dropped across all listeners because a listener fell behind. */
    public long droppedUpdates() {
        long d = 0;
        for (BoundedDispatcher<Object> x : dispatchers) {
            d += x.dropped();
        }
        return d;
    }

    /** Waits until every listener has handled (or dropped) every update published so far (tests, end of a replay). */
    public void drain(long timeoutMillis) throws InterruptedException {
        for (BoundedDispatcher<Object> d : dispatchers) {
            d.drain(timeoutMillis);
        }
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
        }
        for (BoundedDispatcher<Object> d : dispatchers) {
            d.close();
        }
    }
}
