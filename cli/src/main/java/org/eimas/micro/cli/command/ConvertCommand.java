package org.eimas.micro.cli.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MarketDataListener;
import org.eimas.micro.replay.csv.CanonicalCsvWriter;
import org.eimas.micro.replay.lobster.LobsterReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eimas convert --lobster MESSAGE_FILE --out DIR}: a LOBSTER day to canonical CSVs. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a LOBSTER day (message file + orderbook file next to it) into canonical CSVs:",
                "books.csv (N levels from the file name), quotes.csv, trades.csv (with the prevailing bid/ask),",
                "order_events.csv. Times are New York local time on the file name's date, written as UTC epoch ns."})
public final class ConvertCommand implements Callable<Integer> {
    @Option(names = "--lobster", required = true, paramLabel = "MESSAGE_FILE",
            description = "LOBSTER message file TICKER_YYYY-MM-DD_start_end_message_N.csv (.gz accepted).")
    Path lobster;

    @Option(names = "--out", required = true, description = "Output directory (created if missing).")
    Path out;

    @Option(names = "--gzip", description = "Write .csv.gz files.")
    boolean gzip;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(lobster)) {
            throw new IllegalArgumentException("no such file: " + lobster);
        }
        int levels = org.eimas.micro.replay.lobster.LobsterFileName.parse(lobster).levels();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + out + ": " + e.getMessage(), e);
        }
        String ext = gzip ? ".csv.gz" : ".csv";
        long t0 = System.nanoTime();
        LobsterReader.Counts n;
        try (CanonicalCsvWriter books = CanonicalCsvWriter.books(out.resolve("books" + ext), levels);
             CanonicalCsvWriter quotes = CanonicalCsvWriter.quotes(out.resolve("quotes" + ext), true);
             CanonicalCsvWriter trades = CanonicalCsvWriter.trades(out.resolve("trades" + ext), true);
             CanonicalCsvWriter events = CanonicalCsvWriter.orderEvents(out.resolve("order_events" + ext))) {
            double[] last = {Double.NaN, Double.NaN};
            n = LobsterReader.read(lobster, new MarketDataListener() {
                @Override
                public void onBook(LobSnapshot b) {
                    books.book(b);
                }

                @Override
                public void onQuote(Quote q) {
                    quotes.quote(q);
                    last[0] = q.bid();
                    last[1] = q.ask();
                }

                @Override
                public void onTrade(Trade t) {
                    // the quote before the message that printed the trade
                    trades.trade(t.ts(), t.symbol(), t.price(), t.size(), last[0], last[1]);
                }

                @Override
                public void onOrderEvent(OrderEvent e) {
                    events.orderEvent(e);
                }
            });
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("messages", n.messages());
        summary.put("trades", n.trades());
        summary.put("books", n.books());
        summary.put("quotes", n.quotes());
        summary.put("levels", n.levels());
        summary.put("out", out.toString());
        summary.put("seconds", Math.round(seconds * 100) / 100.0);
        if (json) {
            Json.print(summary);
        } else {
            System.out.printf("converted %s: %d messages, %d trades, %d books (%d levels), %d quotes in %.2f s%n",
                    lobster.getFileName(), n.messages(), n.trades(), n.books(), n.levels(), n.quotes(), seconds);
            System.out.println("wrote " + out.resolve("books" + ext) + ", quotes" + ext + ", trades" + ext + ", order_events" + ext);
        }
        return 0;
    }
}
