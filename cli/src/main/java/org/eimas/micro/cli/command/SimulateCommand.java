package org.eimas.micro.cli.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MarketDataListener;
import org.eimas.micro.replay.csv.CanonicalCsvWriter;
import org.eimas.micro.replay.sim.SyntheticMarket;
import org.eimas.micro.replay.sim.SyntheticMarketConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eimas simulate}: writes a seeded synthetic trading day as canonical CSVs. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate a seeded limit order book market (Hawkes order flow, informed trader, liquidity event)",
                "and write books.csv, quotes.csv, trades.csv and order_events.csv (canonical CSV) into --out."})
public final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--symbols", required = true, split = ",", description = "Symbols, e.g. SPY,QQQ.")
    List<String> symbols;

    @Option(names = "--hours", defaultValue = "6.5", description = "Session length in hours (default ${DEFAULT-VALUE}).")
    double hours;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed: same seed, same data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--date", defaultValue = "2024-06-03", description = "Trading day; the session opens 09:30 New York time (default ${DEFAULT-VALUE}).")
    LocalDate date;

    @Option(names = "--levels", defaultValue = "10", description = "Book levels per side (default ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--no-event", description = "Leave out the scripted liquidity event.")
    boolean noEvent;

    @Option(names = "--event-at", defaultValue = "0.75", description = "Liquidity event at this fraction of the session (default ${DEFAULT-VALUE}).")
    double eventAt;

    @Option(names = "--gzip", description = "Write .csv.gz files.")
    boolean gzip;

    @Option(names = "--out", required = true, description = "Output directory (created if missing).")
    Path out;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() {
        SyntheticMarketConfig cfg = new SyntheticMarketConfig(symbols, date, hours, seed, levels, !noEvent, eventAt);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + out + ": " + e.getMessage(), e);
        }
        String ext = gzip ? ".csv.gz" : ".csv";
        long t0 = System.nanoTime();
        long[] n = new long[4];
        try (CanonicalCsvWriter books = CanonicalCsvWriter.books(out.resolve("books" + ext), levels);
             CanonicalCsvWriter quotes = CanonicalCsvWriter.quotes(out.resolve("quotes" + ext), true);
             CanonicalCsvWriter trades = CanonicalCsvWriter.trades(out.resolve("trades" + ext), true);
             CanonicalCsvWriter events = CanonicalCsvWriter.orderEvents(out.resolve("order_events" + ext))) {
            Map<String, double[]> lastQuote = new java.util.HashMap<>();
            new SyntheticMarket(cfg).run(new MarketDataListener() {
                @Override
                public void onBook(LobSnapshot b) {
                    books.book(b);
                    n[0]++;
                }

                @Override
                public void onQuote(Quote q) {
                    quotes.quote(q);
                    double[] ba = lastQuote.computeIfAbsent(q.symbol(), k -> new double[2]);
                    ba[0] = q.bid();
                    ba[1] = q.ask();
                    n[1]++;
                }

                @Override
                public void onTrade(Trade t) {
                    // with the quote prevailing before the trade, so Lee-Ready can sign it downstream
                    double[] ba = lastQuote.get(t.symbol());
                    trades.trade(t.ts(), t.symbol(), t.price(), t.size(), ba[0], ba[1]);
                    n[2]++;
                }

                @Override
                public void onOrderEvent(OrderEvent e) {
                    events.orderEvent(e);
                    n[3]++;
                }
            });
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("symbols", cfg.symbols());
        summary.put("date", date.toString());
        summary.put("hours", hours);
        summary.put("seed", seed);
        summary.put("levels", levels);
        summary.put("liquidity_event_ns", cfg.liquidityEvent()
                ? cfg.sessionStartNs() + (long) (cfg.eventSecond() * 1e9) : null);
        summary.put("books", n[0]);
        summary.put("quotes", n[1]);
        summary.put("trades", n[2]);
        summary.put("order_events", n[3]);
        summary.put("out", out.toString());
        summary.put("seconds", Math.round(seconds * 100) / 100.0);
        if (json) {
            Json.print(summary);
        } else {
            System.out.printf("simulated %s on %s, %.2f h, seed %d: %d books, %d quotes, %d trades, %d order events in %.2f s%n",
                    String.join(",", cfg.symbols()), date, hours, seed, n[0], n[1], n[2], n[3], seconds);
            if (cfg.liquidityEvent()) {
                System.out.printf("liquidity event at ts %d (%.0f s after the open)%n",
                        cfg.sessionStartNs() + (long) (cfg.eventSecond() * 1e9), cfg.eventSecond());
            }
            System.out.println("wrote " + out.resolve("books" + ext) + ", quotes" + ext + ", trades" + ext + ", order_events" + ext);
        }
        return 0;
    }
}
