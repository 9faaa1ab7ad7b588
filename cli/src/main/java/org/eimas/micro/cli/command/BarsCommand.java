package org.eimas.micro.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.eimas.micro.domain.market.Bar;
import org.eimas.micro.replay.csv.CsvWriter;
import org.eimas.micro.storage.QuestDbTickStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eimas bars}: time bars from the tick store (QuestDB SAMPLE BY) to a CSV file. */
@Command(name = "bars", mixinStandardHelpOptions = true,
        description = {"Resample a symbol into time bars with QuestDB's SAMPLE BY (UTC calendar aligned) and write a CSV:",
                "ts,symbol,open,high,low,close,volume,vwap,last_bid,last_ask",
                "OHLC is of the mid price (quotes, or level 1 of books when the symbol has no quotes);",
                "volume and VWAP are of trades; last_bid/last_ask are the bar's last top of book. Empty cell = no data."})
public final class BarsCommand implements Callable<Integer> {
    static final List<String> HEADER = List.of("ts", "symbol", "open", "high", "low", "close", "volume", "vwap",
            "last_bid", "last_ask");

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--symbol", paramLabel = "S", required = true, description = "Symbol.")
    String symbol;

    @Option(names = "--interval", paramLabel = "I", required = true, description = "Bar length: 1m, 5m, 15m, 30s, 1h, ...")
    String interval;

    @Option(names = "--from", paramLabel = "T", description = "Start (inclusive): epoch ns, ISO instant or date; default: all.")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "End (exclusive): epoch ns, ISO instant or date; default: all.")
    String to;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Output CSV (.gz to compress).")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        long intervalNs = TimeArg.parseInterval("--interval", interval);
        long fromNs = from == null ? 0 : TimeArg.parseTime("--from", from);
        long toNs = to == null ? Long.MAX_VALUE : TimeArg.parseTime("--to", to);
        if (toNs <= fromNs) {
            throw new IllegalArgumentException("--to must be after --from");
        }
        List<Bar> bars;
        try (QuestDbTickStore store = QuestDbTickStore.open(dataDir.path())) {
            bars = store.bars(symbol, intervalNs, fromNs, toNs);
        }
        try (CsvWriter w = CsvWriter.open(out)) {
            w.header(HEADER);
            for (Bar b : bars) {
                w.field(b.ts()).field(b.symbol()).field(b.open()).field(b.high()).field(b.low()).field(b.close())
                        .field(b.volume()).field(b.vwap()).field(b.lastBid()).field(b.lastAsk()).endRow();
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %d %s bars of %s to %s%n", bars.size(), interval, symbol, out);
        o.flush();
        return 0;
    }
}
