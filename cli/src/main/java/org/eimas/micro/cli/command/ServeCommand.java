package org.eimas.micro.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.alpaca.AlpacaMarketDataFeed;
import org.eimas.micro.application.EimasPlatform;
import org.eimas.micro.application.config.EimasConfig;
import org.eimas.micro.application.monitor.ForecastProvider;
import org.eimas.micro.application.monitor.MonitorListener;
import org.eimas.micro.application.monitor.MonitorSettings;
import org.eimas.micro.application.monitor.MonitorUpdate;
import org.eimas.micro.application.monitor.RealtimeMonitor;
import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.port.AlertStore;
import org.eimas.micro.domain.port.MarketDataFeed;
import org.eimas.micro.polygon.PolygonConfig;
import org.eimas.micro.polygon.PolygonMarketDataFeed;
import org.eimas.micro.replay.ReplayModule;
import org.eimas.micro.replay.recorded.RecordedFeedModule;
import org.eimas.micro.replay.sim.SyntheticMarketConfig;
import org.eimas.micro.storage.RelationalDatabase;
import org.eimas.micro.storage.StorageConfig;
import org.eimas.micro.storage.StorageModule;
import org.eimas.micro.web.DashboardHub;
import org.eimas.micro.web.DashboardServer;
import org.eimas.micro.web.DashboardSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eimas serve}: runs the realtime monitor on a feed and serves the live dashboard. The composition
 * root: the feed module (synthetic market or recorded replay), the storage module when {@code --data-dir}
 * is given (alerts are persisted to H2 there and {@code /api/alerts} reads them back), the monitor with the
 * dashboard hub as a listener, and the web server over both.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the realtime monitor on a feed and serve the live dashboard (page, JSON API, Server-Sent Events).",
                "Binds 127.0.0.1 by default; any other address requires a token (--token or EIMAS_DASHBOARD_TOKEN)."})
public final class ServeCommand implements Callable<Integer> {
    enum Source { sim, polygon, alpaca, replay }

    @Option(names = "--source", defaultValue = "sim", description = "sim, replay, polygon or alpaca (default ${DEFAULT-VALUE}).")
    Source source;

    @Option(names = "--symbols", defaultValue = "SPY,QQQ", split = ",", description = "Symbols (default ${DEFAULT-VALUE}).")
    List<String> symbols;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port, 0 for any free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Persist alerts in the relational store in DIR (H2); without it alerts are kept in memory.")
    Path dataDir;

    @Option(names = "--token", description = "Access token for /api and /events (default: $EIMAS_DASHBOARD_TOKEN); required off loopback.")
    String token;

    @Option(names = "--book", paramLabel = "FILE", description = "Replay: canonical books CSV (plain or .gz).")
    Path book;

    @Option(names = "--trades", paramLabel = "FILE", description = "Replay: canonical trades CSV (plain or .gz).")
    Path trades;

    @Option(names = "--speed", defaultValue = "10", description = "sim/replay: event-time seconds per wall second, 0 = as fast as possible (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seed", defaultValue = "7", description = "sim: random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--date", defaultValue = "2024-06-03", description = "sim: trading day (default ${DEFAULT-VALUE}).")
    LocalDate date;

    @Option(names = "--hours", defaultValue = "6.5", description = "sim: session length in hours (default ${DEFAULT-VALUE}).")
    double hours;

    @Option(names = "--window-minutes", defaultValue = "30", description = "Rolling chart window in event-time minutes (default ${DEFAULT-VALUE}).")
    double windowMinutes;

    @Option(names = "--update-seconds", defaultValue = "5", description = "Event-time seconds between updates per symbol (default ${DEFAULT-VALUE}).")
    double updateSeconds;

    @Option(names = "--vpin-bucket", defaultValue = "2000", description = "VPIN bucket size V in shares (default ${DEFAULT-VALUE}); Easley et al. use V = ADV / 50.")
    long vpinBucket;

    @Option(names = "--client-queue", defaultValue = "256", description = "Frames queued per SSE client before its oldest are dropped (default ${DEFAULT-VALUE}).")
    int clientQueue;

    @Option(names = "--config", paramLabel = "FILE", description = "polygon/alpaca: YAML configuration; the environment (POLYGON_API_KEY, APCA_API_KEY_ID, APCA_API_SECRET_KEY) overrides it.")
    Path configFile;

    @Option(names = "--url", description = "polygon/alpaca: WebSocket URL instead of the vendor's.")
    String url;

    @Option(names = "--delayed", description = "polygon: the 15-minute delayed endpoint.")
    boolean delayed;

    @Option(names = "--feed", description = "alpaca: iex or sip (default: alpaca.feed / ALPACA_FEED, else iex).")
    String alpacaFeed;

    @Option(names = "--duration", defaultValue = "0", description = "Stop after this many seconds (0: run until interrupted).")
    double duration;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String tok = token != null ? token : System.getenv("EIMAS_DASHBOARD_TOKEN");
        DashboardSettings ds;
        try {
            ds = new DashboardSettings(host, port, tok, windowMinutes, clientQueue, 256, 15_000);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (updateSeconds <= 0 || vpinBucket <= 0 || speed < 0 || Double.isNaN(speed)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--update-seconds and --vpin-bucket must be positive and --speed >= 0");
        }
        if (symbols.isEmpty() || symbols.stream().anyMatch(String::isBlank)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--symbols must name at least one symbol");
        }
        com.google.inject.Module feedModule = switch (source) {
            case sim -> new ReplayModule(SyntheticMarketConfig.of(symbols, date, hours, seed), speed);
            case replay -> {
                if (book == null && trades == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--source replay needs --book FILE and/or --trades FILE (canonical CSV)");
                }
                yield new RecordedFeedModule(book, trades, speed);
            }
            case polygon, alpaca -> bindFeed(liveFeed());
        };
        if (source != Source.polygon && source != Source.alpaca && (url != null || delayed || alpacaFeed != null || configFile != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--url, --delayed, --feed and --config are for --source polygon or alpaca");
        }
        if (source != Source.replay && (book != null || trades != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--book and --trades are for --source replay");
        }
        MonitorSettings ms = MonitorSettings.defaults().withUpdateNanos((long) (updateSeconds * 1e9))
                .withVpinBucketShares(vpinBucket);
        EimasPlatform.Builder b = EimasPlatform.builder().module(feedModule);
        if (dataDir != null) {
            b.module(new StorageModule(StorageConfig.embedded(dataDir)));
        }
        EimasPlatform platform = b.build();
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            platform.close();
        }, "eimas-serve-shutdown");
        try {
            AlertStore store = null;
            if (dataDir != null) {
                platform.closeOnShutdown(platform.get(RelationalDatabase.class));
                store = platform.get(AlertStore.class);
            }
            MarketDataFeed feed = platform.get(MarketDataFeed.class);
            DashboardHub hub = DashboardHub.forSettings(ds);
            RealtimeMonitor monitor = platform.startMonitor(new ArrayList<>(symbols), ms, ForecastProvider.NONE, hub,
                    new StatusPrinter(err));
            DashboardServer server = platform.closeOnShutdown(
                    new DashboardServer(monitor, hub, store, symbols, feed.name(), ds).start());
            err.printf(Locale.ROOT, "eimas serve: dashboard at %s (source %s, symbols %s%s); Ctrl-C to stop%n",
                    server.url(), feed.name(), String.join(",", symbols),
                    dataDir != null ? ", alerts stored in " + dataDir : "");
            if (tok != null) {
                err.println("eimas serve: /api and /events require the token (open the page as " + server.url() + "?token=...)");
            }
            err.flush();
            Runtime.getRuntime().addShutdownHook(hook);
            if (duration > 0) {
                stop.await((long) (duration * 1000), TimeUnit.MILLISECONDS);
                err.printf(Locale.ROOT, "eimas serve: stopping after %.0f s: %d updates, %d alerts, %d SSE frames dropped%n",
                        duration, hub.updates(), hub.alerts(), hub.droppedFrames());
                err.flush();
            } else {
                stop.await();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook closes the platform
            }
            platform.close();
        }
        return 0;
    }

    /** The live vendor feed, configured as {@code eimas stream} does (keys from the environment or --config). */
    private MarketDataFeed liveFeed() {
        EimasConfig cfg = FeedSources.config(configFile);
        if (source == Source.polygon) {
            String ws = url != null ? url : delayed ? PolygonConfig.DELAYED.toString() : null;
            return new PolygonMarketDataFeed(FeedSources.polygon(cfg, ws, null));
        }
        if (alpacaFeed != null) {
            if (!alpacaFeed.equals("iex") && !alpacaFeed.equals("sip")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--feed must be iex or sip, got '" + alpacaFeed + "'");
            }
            cfg.alpaca.feed = alpacaFeed;
        }
        return new AlpacaMarketDataFeed(FeedSources.alpaca(cfg, url, null));
    }

    private static com.google.inject.Module bindFeed(MarketDataFeed feed) {
        return new com.google.inject.AbstractModule() {
            @Override
            protected void configure() {
                bind(MarketDataFeed.class).toInstance(feed);
            }
        };
    }

    /** Prints the feed's status changes to stderr (details never carry secrets, see MarketDataListener). */
    private static final class StatusPrinter implements MonitorListener {
        private final PrintWriter err;

        StatusPrinter(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onUpdate(MonitorUpdate update) {
        }

        @Override
        public void onStatus(ConnectionStatus status, String detail) {
            err.println("eimas serve: feed " + status + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
            err.flush();
        }
    }
}
