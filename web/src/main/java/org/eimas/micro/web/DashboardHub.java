package org.eimas.micro.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eimas.micro.application.monitor.MonitorListener;
import org.eimas.micro.application.monitor.MonitorUpdate;
import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.store.StoredAlert;

/**
 * The dashboard's view of the realtime monitor: registered as a {@link MonitorListener} (so it runs
 * on the monitor's dispatcher thread for this listener, never on the feed's), it encodes each update
 * and alert once as an SSE frame and offers it to every connected client's bounded queue, keeps the
 * rolling per-symbol history for chart back-fill, the recent alerts (used when no AlertStore is
 * configured) and the feed's last connection status.
 */
public final class DashboardHub implements MonitorListener {
    private static final int ALERTS_KEPT = 1000;

    private final long windowNanos;
    private final int maxHistory;
    private final List<SseSubscriber> clients = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<History>> history = new ConcurrentHashMap<>();
    private final Map<String, String> latestJson = new ConcurrentHashMap<>();
    private final Deque<StoredAlert> alerts = new ArrayDeque<>();
    private final AtomicLong nextClientId = new AtomicLong(1);
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong alertCount = new AtomicLong();
    private final AtomicLong droppedByClosedClients = new AtomicLong();
    private final AtomicLong broadcasts = new AtomicLong();
    private volatile ConnectionStatus status = ConnectionStatus.CONNECTING;
    private volatile String statusDetail = "";
    private volatile byte[] statusFrame = frame("status", statusJson(ConnectionStatus.CONNECTING, ""));

    private record History(long ts, String json) {
    }

    /**
     * @param windowNanos rolling window of the per-symbol history in event time
     * @param maxHistory  points kept per symbol at most, whatever the window
     */
    public DashboardHub(long windowNanos, int maxHistory) {
        if (windowNanos <= 0 || maxHistory <= 0) {
            throw new IllegalArgumentException("window and history size must be positive");
        }
        this.windowNanos = windowNanos;
        this.maxHistory = maxHistory;
    }

    public static DashboardHub forSettings(DashboardSettings s) {
        return new DashboardHub(s.windowNanos(), 20_000);
    }

    @Override
    public void onUpdate(MonitorUpdate u) {
        String json = DashboardJson.update(u);
        latestJson.put(u.symbol(), json);
        Deque<History> h = history.computeIfAbsent(u.symbol(), k -> new ArrayDeque<>());
        synchronized (h) {
            h.addLast(new History(u.ts(), json));
            long from = u.ts() - windowNanos;
            while (!h.isEmpty() && (h.peekFirst().ts() < from || h.size() > maxHistory)) {
                h.removeFirst();
            }
        }
        updates.incrementAndGet();
        broadcast(frame("update", json));
    }

    @Override
    public void onAlert(StoredAlert a) {
        synchronized (alerts) {
            alerts.addLast(a);
            while (alerts.size() > ALERTS_KEPT) {
                alerts.removeFirst();
            }
        }
        alertCount.incrementAndGet();
        broadcast(frame("alert", DashboardJson.alert(a)));
    }

    @Override
    public void onStatus(ConnectionStatus s, String detail) {
        status = s;
        statusDetail = detail == null ? "" : detail;
        byte[] f = frame("status", statusJson(s, statusDetail));
        statusFrame = f;
        broadcast(f);
    }

    private static String statusJson(ConnectionStatus s, String detail) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("status", s.name());
        m.put("detail", detail);
        return DashboardJson.object(m);
    }

    private void broadcast(byte[] f) {
        broadcasts.incrementAndGet();
        for (SseSubscriber c : clients) {
            c.offer(f);
        }
    }

    /** Encodes one SSE frame: {@code event: NAME\ndata: JSON\n\n} (the JSON is one line). */
    static byte[] frame(String event, String json) {
        return ("event: " + event + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Registers a client with a queue of {@code capacity} frames; it first receives the status and the
     * latest update of every symbol. The server calls this per {@code /events} request.
     */
    public SseSubscriber subscribe(int capacity) {
        SseSubscriber c = new SseSubscriber(nextClientId.getAndIncrement(), capacity);
        c.offer(statusFrame);
        for (String json : latestJson.values()) {
            c.offer(frame("update", json));
        }
        clients.add(c);
        return c;
    }

    public void unsubscribe(SseSubscriber c) {
        c.close();
        if (clients.remove(c)) {
            droppedByClosedClients.addAndGet(c.dropped());
        }
    }

    int clientCount() {
        return clients.size();
    }

    /** Frames dropped for slow clients, over all clients ever connected. */
    public long droppedFrames() {
        long d = droppedByClosedClients.get();
        for (SseSubscriber c : clients) {
            d += c.dropped();
        }
        return d;
    }

    /** The latest update of a symbol as JSON, or null. */
    String latestJson(String symbol) {
        return latestJson.get(symbol);
    }

    /** The rolling history of a symbol (oldest first) as JSON values. */
    List<String> history(String symbol) {
        Deque<History> h = history.get(symbol);
        if (h == null) {
            return List.of();
        }
        synchronized (h) {
            List<String> out = new ArrayList<>(h.size());
            for (History x : h) {
                out.add(x.json());
            }
            return out;
        }
    }

    /** The alerts this hub has seen with ts >= sinceNs, oldest first. */
    List<StoredAlert> recentAlerts(long sinceNs) {
        List<StoredAlert> out = new ArrayList<>();
        synchronized (alerts) {
            for (StoredAlert a : alerts) {
                if (a.ts() >= sinceNs) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** Frames offered to every connected client since start (updates, alerts, statuses). */
    public long broadcasts() {
        return broadcasts.get();
    }

    public long updates() {
        return updates.get();
    }

    public long alerts() {
        return alertCount.get();
    }

    public ConnectionStatus status() {
        return status;
    }

    public String statusDetail() {
        return statusDetail;
    }

    /** Closes every client's stream (server shutdown). */
    void closeAll() {
        Collection<SseSubscriber> all = new ArrayList<>(clients);
        for (SseSubscriber c : all) {
            unsubscribe(c);
        }
    }
}
