package org.eimas.micro.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.alpaca.AlpacaHistoricalMarketData;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.HistoricalMarketData;
import org.eimas.micro.polygon.PolygonFlatFiles;
import org.eimas.micro.polygon.PolygonHistoricalMarketData;
import org.eimas.micro.replay.csv.CanonicalCsvWriter;
import org.eimas.micro.storage.QuestDbTickStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eimas history}: a symbol's trades and quotes from Polygon or Alpaca REST into canonical CSVs or the tick store. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Download a symbol's historical trades and quotes over [--from, --to) from Polygon (REST v3) or",
                "Alpaca (market data v2), following the pagination to the end, into canonical CSVs (--out DIR:",
                "trades.csv, quotes.csv) or into the embedded tick store (--data-dir DIR). Trades carry no side",
                "(sign them against the quotes, e.g. eimas sign). Keys come from the environment or --config."})
public final class HistoryCommand implements Callable<Integer> {
    @Option(names = "--source", required = true, description = "polygon, alpaca, or polygon-flat (Polygon flat files under --flat-dir).")
    String source;

    @Option(names = "--symbol", required = true, description = "One symbol, e.g. SPY.")
    String symbol;

    @Option(names = "--from", required = true, description = "Start (inclusive): epoch ns, ISO instant (2024-06-03T13:30:00Z) or date (UTC midnight).")
    String from;

    @Option(names = "--to", required = true, description = "End (exclusive), same forms as --from.")
    String to;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--out", paramLabel = "DIR", description = "Write trades.csv and quotes.csv here.")
        Path out;
        @Option(names = "--data-dir", paramLabel = "DIR", description = "Ingest into the embedded tick store in DIR instead.")
        Path dataDir;
    }

    @Option(names = "--what", defaultValue = "trades,quotes", split = ",", description = "trades, quotes or both (default ${DEFAULT-VALUE}).")
    List<String> what;

    @Option(names = "--flat-dir", paramLabel = "DIR", description = "polygon-flat: the us_stocks_sip directory (trades_v1/YYYY/MM/YYYY-MM-DD.csv.gz, quotes_v1/...).")
    Path flatDir;

    @Option(names = "--url", description = "REST base URL instead of the vendor's.")
    String url;

    @Option(names = "--config", description = "YAML configuration; the environment overrides it.")
    Path configFile;

    @Option(names = "--json", description = "Print the counts as JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        long fromNs = TimeArg.parseTime("--from", from);
        long toNs = TimeArg.parseTime("--to", to);
        if (fromNs >= toNs) {
            throw new IllegalArgumentException("--from must be before --to");
        }
        for (String w : what) {
            if (!w.equals("trades") && !w.equals("quotes")) {
                throw new IllegalArgumentException("--what takes trades and/or quotes, got '" + w + "'");
            }
        }
        HistoricalMarketData h = switch (source) {
            case "polygon" -> new PolygonHistoricalMarketData(FeedSources.polygon(FeedSources.config(configFile), null, url));
            case "alpaca" -> new AlpacaHistoricalMarketData(FeedSources.alpaca(FeedSources.config(configFile), null, url));
            case "polygon-flat" -> {
                if (flatDir == null || !Files.isDirectory(flatDir)) {
                    throw new IllegalArgumentException("--source polygon-flat needs --flat-dir DIR (the us_stocks_sip directory), got "
                            + flatDir);
                }
                yield new PolygonFlatFiles(flatDir, 100);
            }
            default -> throw new IllegalArgumentException("--source must be polygon, alpaca or polygon-flat, got '" + source + "'");
        };
        long t0 = System.nanoTime();
        long trades = 0;
        long quotes = 0;
        String where;
        if (target.out != null) {
            try {
                Files.createDirectories(target.out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + target.out + ": " + e.getMessage(), e);
            }
            if (what.contains("trades")) {
                try (CanonicalCsvWriter w = CanonicalCsvWriter.trades(target.out.resolve("trades.csv"), false)) {
                    trades = h.trades(symbol, fromNs, toNs, w::trade);
                }
            }
            if (what.contains("quotes")) {
                try (CanonicalCsvWriter w = CanonicalCsvWriter.quotes(target.out.resolve("quotes.csv"), true)) {
                    quotes = h.quotes(symbol, fromNs, toNs, w::quote);
                }
            }
            where = target.out.toString();
        } else {
            try (QuestDbTickStore store = QuestDbTickStore.open(target.dataDir)) {
                if (what.contains("trades")) {
                    List<Trade> batch = new ArrayList<>();
                    trades = h.trades(symbol, fromNs, toNs, t -> {
                        batch.add(t);
                        if (batch.size() == 50_000) {
                            store.appendTrades(batch);
                            batch.clear();
                        }
                    });
                    store.appendTrades(batch);
                }
                if (what.contains("quotes")) {
                    List<Quote> batch = new ArrayList<>();
                    quotes = h.quotes(symbol, fromNs, toNs, q -> {
                        batch.add(q);
                        if (batch.size() == 50_000) {
                            store.appendQuotes(batch);
                            batch.clear();
                        }
                    });
                    store.appendQuotes(batch);
                }
            }
            where = "tick store " + target.dataDir;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", source);
            m.put("symbol", symbol);
            m.put("from_ns", fromNs);
            m.put("to_ns", toNs);
            m.put("trades", trades);
            m.put("quotes", quotes);
            m.put("to", where);
            m.put("seconds", Math.round(seconds * 100) / 100.0);
            Json.print(m);
        } else {
            PrintWriter o = spec.commandLine().getOut();
            o.printf("%s %s: %d trades, %d quotes into %s in %.2f s%n", source, symbol, trades, quotes, where, seconds);
            o.flush();
        }
        return 0;
    }
}
