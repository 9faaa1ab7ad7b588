package org.eimas.micro.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eimas.micro.alpaca.AlpacaMarketDataFeed;
import org.eimas.micro.application.config.EimasConfig;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MarketDataFeed;
import org.eimas.micro.domain.port.MarketDataListener;
import org.eimas.micro.domain.port.Subscription;
import org.eimas.micro.domain.vpin.CrashAlert;
import org.eimas.micro.application.monitor.MonitorSettings;
import org.eimas.micro.application.monitor.MonitorUpdate;
import org.eimas.micro.application.monitor.RealtimeMonitor;
import org.eimas.micro.domain.vpin.CrashDetector;
import org.eimas.micro.domain.vpin.Vpin;
import org.eimas.micro.polygon.PolygonMarketDataFeed;
import org.eimas.micro.replay.sim.SyntheticMarketConfig;
import org.eimas.micro.replay.sim.SyntheticMarketFeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eimas stream}: connects a live feed and prints running counts of quotes, trades and
 * VPIN crash alerts (signed trades into {@link Vpin} and {@link CrashDetector} per symbol), with
 * every connection status change; the adapters reconnect on drops by themselves.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"Stream live quotes and trades from the synthetic market, Polygon or Alpaca and print running counts",
                "of quotes, trades and VPIN alerts. Drops are reconnected with backoff. Keys come from the environment",
                "(POLYGON_API_KEY, APCA_API_KEY_ID, APCA_API_SECRET_KEY) or --config, and are never printed."})
public final class StreamCommand implements Callable<Integer> {
    @Option(names = "--source", defaultValue = "sim", description = "sim, polygon or alpaca (default ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--symbols", required = true, split = ",", description = "Symbols, e.g. SPY,QQQ.")
    List<String> symbols;

    @Option(names = "--duration", defaultValue = "60s", description = "How long to stream: 30s, 5m, 1h (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--url", description = "WebSocket URL instead of the vendor's (e.g. wss://delayed.polygon.io/stocks, .../v2/sip).")
    String url;

    @Option(names = "--delayed", description = "polygon: the 15-minute delayed endpoint (wss://delayed.polygon.io/stocks).")
    boolean delayed;

    @Option(names = "--feed", description = "alpaca: iex or sip (default: alpaca.feed / ALPACA_FEED, else iex).")
    String alpacaFeed;

    @Option(names = "--config", description = "YAML configuration; the environment overrides it.")
    Path configFile;

    @Option(names = "--speed", defaultValue = "60", description = "sim: simulated seconds per wall second, 0 = as fast as possible (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seed", defaultValue = "7", description = "sim: random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--date", defaultValue = "2024-06-03", description = "sim: trading day (default ${DEFAULT-VALUE}).")
    LocalDate date;

    @Option(names = "--vpin-bucket", defaultValue = "5000", description = "Shares per VPIN volume bucket (default ${DEFAULT-VALUE}); VPIN over 50 buckets.")
    long vpinBucket;

    @Option(names = "--every", defaultValue = "1s", description = "Interval between count lines (default ${DEFAULT-VALUE}).")
    String every;

    @Option(names = "--updates", description = "Also run the realtime monitor and print its per-symbol update every --update-every of market time.")
    boolean updates;

    @Option(names = "--update-every", defaultValue = "5s", description = "Monitor update interval in market (event) time (default ${DEFAULT-VALUE}).")
    String updateEvery;

    @Option(names = "--json", description = "Print only the final counts as JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        long durationNs = TimeArg.parseInterval("--duration", duration);
        long everyNs = TimeArg.parseInterval("--every", every);
        if (vpinBucket <= 0) {
            throw new IllegalArgumentException("--vpin-bucket must be positive, got " + vpinBucket);
        }
        MarketDataFeed feed = feed();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Counter c = new Counter(json ? null : err);
        RealtimeMonitor monitor = null;
        if (updates) {
            MonitorSettings settings = MonitorSettings.defaults()
                    .withUpdateNanos(TimeArg.parseInterval("--update-every", updateEvery)).withVpinBucketShares(vpinBucket);
            monitor = new RealtimeMonitor(settings, null, null);
            monitor.addListener(u -> {
                synchronized (out) {
                    out.println(updateLine(u));
                    out.flush();
                }
            });
            c.forward = monitor;
        }
        long t0 = System.nanoTime();
        Subscription sub = feed.subscribe(symbols, c);
        try {
            long next = t0 + everyNs;
            while (System.nanoTime() - t0 < durationNs) {
                ConnectionStatus s = c.status.get();
                if (s == ConnectionStatus.FAILED || s == ConnectionStatus.CLOSED) {
                    break;
                }
                long now = System.nanoTime();
                long wake = Math.min(next, t0 + durationNs);
                if (wake > now) {
                    Thread.sleep(Math.max(1, (wake - now) / 1_000_000L));
                    continue;
                }
                next += everyNs;
                if (!json) {
                    out.println(c.line((now - t0) / 1e9));
                    out.flush();
                }
            }
        } finally {
            sub.close();
            if (monitor != null) {
                monitor.drain(2_000);
                monitor.close();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (c.status.get() == ConnectionStatus.FAILED) {
            throw new IllegalStateException(feed.name() + " stream failed: " + c.detail.get());
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", feed.name());
            m.put("symbols", symbols);
            m.put("seconds", Math.round(seconds * 100) / 100.0);
            m.put("quotes", c.quotes.get());
            m.put("trades", c.trades.get());
            m.put("books", c.books.get());
            m.put("order_events", c.events.get());
            m.put("alerts", c.alerts.get());
            m.put("warnings", c.warnings.get());
            m.put("reconnects", c.reconnects.get());
            m.put("last_vpin", c.lastVpin);
            if (monitor != null) {
                m.put("monitor_updates", monitor.updates());
                m.put("monitor_dropped_updates", monitor.droppedUpdates());
            }
            Json.print(m);
        } else {
            out.println("done: " + c.line(seconds));
            out.flush();
        }
        return 0;
    }

    private MarketDataFeed feed() {
        switch (source) {
            case "sim" -> {
                return new SyntheticMarketFeed(SyntheticMarketConfig.of(symbols, date, 6.5, seed), speed);
            }
            case "polygon" -> {
                EimasConfig cfg = FeedSources.config(configFile);
                String ws = url != null ? url : delayed ? org.eimas.micro.polygon.PolygonConfig.DELAYED.toString() : null;
                return new PolygonMarketDataFeed(FeedSources.polygon(cfg, ws, null));
            }
            case "alpaca" -> {
                EimasConfig cfg = FeedSources.config(configFile);
                if (alpacaFeed != null) {
                    if (!alpacaFeed.equals("iex") && !alpacaFeed.equals("sip")) {
                        throw new IllegalArgumentException("--feed must be iex or sip, got '" + alpacaFeed + "'");
                    }
                    cfg.alpaca.feed = alpacaFeed;
                }
                return new AlpacaMarketDataFeed(FeedSources.alpaca(cfg, url, null));
            }
            default -> throw new IllegalArgumentException("--source must be sim, polygon or alpaca, got '" + source + "'");
        }
    }

    /** One line per monitor update (the dashboard's fields). */
    static String updateLine(MonitorUpdate u) {
        return String.format(Locale.ROOT, "update %s %s mid %.4f spread %.2fbp ofi %.0f cum_ofi %.0f vpin %s (%s) "
                        + "hawkes buy %.2f sell %.2f /s direction %s", java.time.Instant.ofEpochSecond(0, u.ts()), u.symbol(),
                u.mid(), u.spreadBps(), u.ofi(), u.cumOfi(), Double.isNaN(u.vpin()) ? "-" : String.format(Locale.ROOT, "%.3f", u.vpin()),
                u.alertLevel(), u.hawkesBuy(), u.hawkesSell(), u.direction());
    }

    /** Counts what arrives; VPIN per symbol on the feed's thread; forwards to the monitor when one runs. */
    final class Counter implements MarketDataListener {
        volatile MarketDataListener forward;
        final AtomicLong quotes = new AtomicLong();
        final AtomicLong trades = new AtomicLong();
        final AtomicLong books = new AtomicLong();
        final AtomicLong events = new AtomicLong();
        final AtomicLong alerts = new AtomicLong();
        final AtomicLong warnings = new AtomicLong();
        final AtomicLong reconnects = new AtomicLong();
        final AtomicReference<ConnectionStatus> status = new AtomicReference<>(ConnectionStatus.CONNECTING);
        final AtomicReference<String> detail = new AtomicReference<>("");
        private final Map<String, Vpin> vpins = new HashMap<>();
        private final Map<String, CrashDetector> detectors = new HashMap<>();
        private final Map<String, Object> levels = new HashMap<>();
        private final PrintWriter log;
        volatile double lastVpin = Double.NaN;

        Counter(PrintWriter log) {
            this.log = log;
        }

        @Override
        public void onQuote(Quote q) {
            if (forward != null) {
                forward.onQuote(q);
            }
            quotes.incrementAndGet();
        }

        @Override
        public void onBook(LobSnapshot b) {
            if (forward != null) {
                forward.onBook(b);
            }
            books.incrementAndGet();
        }

        @Override
        public void onOrderEvent(OrderEvent e) {
            if (forward != null) {
                forward.onOrderEvent(e);
            }
            events.incrementAndGet();
        }

        @Override
        public void onTrade(Trade t) {
            if (forward != null) {
                forward.onTrade(t);
            }
            trades.incrementAndGet();
            if (t.aggressor() == Side.UNKNOWN) {
                return;
            }
            Vpin v = vpins.computeIfAbsent(t.symbol(), k -> new Vpin(vpinBucket, 50, 1.0));
            CrashDetector d = detectors.computeIfAbsent(t.symbol(), k -> CrashDetector.withDefaults());
            v.addSigned(t.ts(), Math.round(t.size()), t.aggressor().sign(), (bucket, endTs, buy, sell, vpin) -> {
                if (!Double.isNaN(vpin)) {
                    lastVpin = vpin;
                    CrashAlert a = d.update(endTs, vpin);
                    if (a != null) {
                        alerts.incrementAndGet();
                    }
                    Object level = a == null ? "NONE" : a.level();
                    Object before = levels.put(t.symbol(), level);
                    boolean changed = before == null ? !"NONE".equals(level) : !level.equals(before);
                    if (log != null && changed) {
                        log.println(String.format(Locale.ROOT, "alert level %s %s at VPIN %.3f%s", t.symbol(), level, vpin,
                                a == null ? "" : ": " + a.message()));
                        log.flush();
                    }
                }
            });
        }

        @Override
        public void onStatus(ConnectionStatus s, String d) {
            if (forward != null) {
                forward.onStatus(s, d);
            }
            status.set(s);
            detail.set(d);
            if (s == ConnectionStatus.RECONNECTING) {
                reconnects.incrementAndGet();
            }
            if (log != null) {
                log.println("status " + s + ": " + d);
                log.flush();
            }
        }

        @Override
        public void onWarning(String message) {
            warnings.incrementAndGet();
            if (log != null) {
                log.println("warning: " + message);
                log.flush();
            }
        }

        String line(double seconds) {
            return String.format(Locale.ROOT, "%7.1fs  quotes %,d  trades %,d  books %,d  alerts %,d  warnings %,d  vpin %s  [%s]",
                    seconds, quotes.get(), trades.get(), books.get(), alerts.get(), warnings.get(),
                    Double.isNaN(lastVpin) ? "-" : String.format(Locale.ROOT, "%.3f", lastVpin), status.get());
        }
    }
}
