package org.eimas.micro.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eimas.micro.application.monitor.RealtimeMonitor;
import org.eimas.micro.domain.port.AlertStore;
import org.eimas.micro.domain.store.StoredAlert;

/**
 * The live dashboard over a {@link RealtimeMonitor}: the page and its assets (uPlot served from its
 * WebJar, no CDN), the JSON API and Server-Sent Events.
 *
 * <ul>
 *   <li>{@code GET /api/symbols} → {@code ["SPY","QQQ"]}</li>
 *   <li>{@code GET /api/state/{symbol}} → the latest update ({@code symbol, ts, mid, spread_bps, ofi, cum_ofi,
 *       vpin, vpin_cdf, alert_level, path18, path12, hawkes_buy, hawkes_sell, forecast_bps, direction}; NaN as
 *       null); unknown symbols 404 with a JSON error</li>
 *   <li>{@code GET /api/history/{symbol}} → the updates of the rolling window, oldest first</li>
 *   <li>{@code GET /api/alerts?since=TS} → stored alerts with ts &gt;= TS (epoch ns), oldest first, from the
 *       {@link AlertStore} when there is one, else from the alerts seen since start</li>
 *   <li>{@code GET /api/status}, {@code GET /api/config} → feed status, counters, chart window and alert bands</li>
 *   <li>{@code GET /events} → {@code event: update} (same JSON as /api/state), {@code event: alert},
 *       {@code event: status}</li>
 * </ul>
 *
 * <p>Each SSE client is served by its own Jetty thread from a bounded queue ({@link SseSubscriber}); a slow
 * or stuck client only loses its own oldest frames and never slows the monitor. With a token set, {@code /api}
 * and {@code /events} require it as {@code Authorization: Bearer TOKEN} or {@code ?token=TOKEN} (EventSource
 * cannot send headers); the page itself holds no secret.
 */
public final class DashboardServer implements AutoCloseable {
    /** Seed levels of the crash detector (design guide: VPIN > 0.6 / 0.7 / 0.8), see CrashDetector. */
    static final double[] VPIN_SEED_BANDS = {0.6, 0.7, 0.8};
    /** CDF levels of the crash detector (Easley, López de Prado, O'Hara 2012: F > 0.90 / 0.95 / 0.99). */
    static final double[] VPIN_CDF_BANDS = {0.90, 0.95, 0.99};
    private static final String UPLOT_DIST = "META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final String STATIC = "org/eimas/micro/web/static/";

    private final RealtimeMonitor monitor;
    private final DashboardHub hub;
    private final AlertStore alertStore;
    private final DashboardSettings settings;
    private final List<String> symbols;
    private final String source;
    private final byte[] token;
    private final Map<String, Asset> assets = new LinkedHashMap<>();
    private final Javalin app;
    private volatile boolean closed;

    private record Asset(String contentType, byte[] bytes) {
    }

    /** An error answered as {@code {"status":N,"error":"..."}}. */
    static final class ApiError extends RuntimeException {
        final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /**
     * @param monitor    the running monitor, whose listener {@code hub} is
     * @param hub        the hub registered on the monitor
     * @param alertStore where the monitor persists alerts (null: the hub's in-memory log answers /api/alerts)
     * @param symbols    the symbols in display order
     * @param source     the feed's name, for the page
     */
    public DashboardServer(RealtimeMonitor monitor, DashboardHub hub, AlertStore alertStore, List<String> symbols,
                           String source, DashboardSettings settings) {
        this.monitor = monitor;
        this.hub = hub;
        this.alertStore = alertStore;
        this.settings = settings;
        this.symbols = List.copyOf(symbols);
        this.source = source;
        this.token = settings.token() == null ? null : settings.token().getBytes(StandardCharsets.UTF_8);
        assets.put("/", load(STATIC + "index.html", "text/html; charset=utf-8"));
        assets.put("/static/dashboard.js", load(STATIC + "dashboard.js", "text/javascript; charset=utf-8"));
        assets.put("/static/dashboard.css", load(STATIC + "dashboard.css", "text/css; charset=utf-8"));
        assets.put("/webjars/uplot/uPlot.iife.min.js", load(UPLOT_DIST + "uPlot.iife.min.js", "text/javascript; charset=utf-8"));
        assets.put("/webjars/uplot/uPlot.min.css", load(UPLOT_DIST + "uPlot.min.css", "text/css; charset=utf-8"));
        QueuedThreadPool pool = new QueuedThreadPool(settings.maxClients() + 32, 4);
        pool.setName("eimas-web");
        pool.setDaemon(true);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.threadPool = pool;
            config.routes.before("/api/*", this::authorize);
            config.routes.before("/events", this::authorize);
            for (Map.Entry<String, Asset> e : assets.entrySet()) {
                Asset a = e.getValue();
                config.routes.get(e.getKey(), ctx -> ctx.contentType(a.contentType()).header("Cache-Control", "no-cache").result(a.bytes()));
            }
            config.routes.get("/api/symbols", ctx -> json(ctx, 200, DashboardJson.strings(symbols())));
            config.routes.get("/api/state/{symbol}", this::state);
            config.routes.get("/api/history/{symbol}", this::history);
            config.routes.get("/api/alerts", this::alerts);
            config.routes.get("/api/status", ctx -> json(ctx, 200, DashboardJson.object(status())));
            config.routes.get("/api/config", ctx -> json(ctx, 200, DashboardJson.object(pageConfig())));
            config.routes.get("/events", this::events);
            config.routes.exception(ApiError.class, (e, ctx) -> json(ctx, e.status, DashboardJson.error(e.status, e.getMessage())));
            config.routes.error(404, ctx -> {
                String r = ctx.result();
                if (ctx.path().startsWith("/api/") && (r == null || !r.startsWith("{"))) {
                    json(ctx, 404, DashboardJson.error(404, "no such endpoint: " + ctx.method() + " " + ctx.path()));
                }
            });
        });
    }

    /** Starts serving; returns this. */
    public DashboardServer start() {
        app.start(settings.host(), settings.port());
        return this;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** The page's address. */
    public String url() {
        String h = settings.host().contains(":") && !settings.host().startsWith("[") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + h + ":" + port() + "/";
    }

    public DashboardHub hub() {
        return hub;
    }

    private static Asset load(String resource, String type) {
        try (InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the jar: " + resource);
            }
            return new Asset(type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource + ": " + e.getMessage(), e);
        }
    }

    private void authorize(Context ctx) {
        if (token == null) {
            return;
        }
        String given = null;
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = auth.substring(7).trim();
        }
        if (given == null) {
            given = ctx.queryParam("token");
        }
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, "missing or wrong token: send Authorization: Bearer TOKEN or ?token=TOKEN");
        }
    }

    private static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType("application/json").header("Cache-Control", "no-cache").result(body);
    }

    private List<String> symbols() {
        Set<String> all = new LinkedHashSet<>(symbols);
        all.addAll(monitor.symbols());
        return new ArrayList<>(all);
    }

    private String knownSymbol(Context ctx) {
        String s = ctx.pathParam("symbol");
        if (!symbols.contains(s) && !monitor.symbols().contains(s)) {
            throw new ApiError(404, "unknown symbol: " + s + " (known: " + String.join(",", symbols()) + ")");
        }
        return s;
    }

    private void state(Context ctx) {
        String s = knownSymbol(ctx);
        String j = hub.latestJson(s);
        json(ctx, 200, j != null ? j : DashboardJson.emptyState(s));
    }

    private void history(Context ctx) {
        String s = knownSymbol(ctx);
        json(ctx, 200, DashboardJson.rawArray(hub.history(s)));
    }

    private void alerts(Context ctx) {
        String since = ctx.queryParam("since");
        long sinceNs = Long.MIN_VALUE;
        if (since != null && !since.isBlank()) {
            try {
                sinceNs = Long.parseLong(since.trim());
            } catch (NumberFormatException e) {
                throw new ApiError(400, "since must be epoch nanoseconds (an integer), got '" + since + "'");
            }
        }
        Collection<StoredAlert> list = alertStore != null ? alertStore.since(sinceNs) : hub.recentAlerts(sinceNs);
        json(ctx, 200, DashboardJson.alerts(list));
    }

    private Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("status", hub.status().name());
        m.put("detail", hub.statusDetail());
        m.put("updates", hub.updates());
        m.put("alerts", hub.alerts());
        m.put("sse_clients", hub.clientCount());
        m.put("sse_dropped", hub.droppedFrames());
        m.put("monitor_dropped", monitor.droppedUpdates());
        m.put("feed_warnings", monitor.warnings());
        m.put("alert_store", alertStore != null);
        return m;
    }

    private Map<String, Object> pageConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbols", symbols());
        m.put("source", source);
        m.put("window_minutes", settings.windowMinutes());
        m.put("vpin_seed_bands", List.of(VPIN_SEED_BANDS[0], VPIN_SEED_BANDS[1], VPIN_SEED_BANDS[2]));
        m.put("vpin_cdf_bands", List.of(VPIN_CDF_BANDS[0], VPIN_CDF_BANDS[1], VPIN_CDF_BANDS[2]));
        return m;
    }

    /** Streams frames to one client on this request's thread until it goes away or the server stops. */
    private void events(Context ctx) throws InterruptedException {
        if (hub.clientCount() >= settings.maxClients()) {
            throw new ApiError(503, "too many event-stream clients (" + settings.maxClients() + ")");
        }
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        SseSubscriber c = hub.subscribe(settings.clientQueue());
        try {
            OutputStream out = res.getOutputStream();
            out.write("retry: 2000\n\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long lastWrite = System.nanoTime();
            long keepAliveNanos = settings.keepAliveMillis() * 1_000_000L;
            long step = Math.min(250, settings.keepAliveMillis());
            while (!closed && !c.closed()) {
                byte[] f = c.poll(step);
                if (f == null) {
                    if (System.nanoTime() - lastWrite >= keepAliveNanos) {
                        out.write(":\n\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        lastWrite = System.nanoTime();
                    }
                    continue;
                }
                do {
                    out.write(f);
                    c.markSent();
                    f = c.pollNow();
                } while (f != null);
                out.flush();
                lastWrite = System.nanoTime();
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        } finally {
            hub.unsubscribe(c);
        }
    }

    @Override
    public void close() {
        closed = true;
        hub.closeAll();
        app.stop();
    }
}
