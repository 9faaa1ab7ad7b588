package org.eimas.micro.cli.command;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.eimas.micro.domain.signing.LeeReady;
import org.eimas.micro.domain.signing.QuoteRule;
import org.eimas.micro.domain.signing.TickRule;
import org.eimas.micro.replay.csv.CanonicalCsv;
import org.eimas.micro.replay.csv.CsvTableWriter;
import org.eimas.micro.replay.csv.CsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eimas sign}: trade classification by the tick rule, the quote rule or Lee-Ready. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Classify trades as buyer- (+1) or seller-initiated (-1); writes ts,sign.",
                "tick: tick rule; quote: quote rule on the trade row's bid,ask; lee-ready: quote rule against",
                "the last quote (file order) with quote ts <= trade ts, tick rule at the mid or without a quote."})
public final class SignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--trades", required = true, paramLabel = "FILE", description = "Canonical trades CSV (plain or .gz), one symbol.")
    Path trades;

    @Option(names = "--rule", required = true, paramLabel = "tick|quote|lee-ready", description = "Classification rule.")
    String rule;

    @Option(names = "--quotes", paramLabel = "FILE", description = "Canonical quotes CSV for --rule lee-ready.")
    Path quotes;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "Output CSV (.gz to compress).")
    Path out;

    @Override
    public Integer call() {
        if (!List.of("tick", "quote", "lee-ready").contains(rule)) {
            throw new ParameterException(spec.commandLine(), "--rule must be tick, quote or lee-ready, got '" + rule + "'");
        }
        if (rule.equals("lee-ready") && quotes == null) {
            throw new ParameterException(spec.commandLine(), "--rule lee-ready needs --quotes FILE");
        }
        if (!rule.equals("lee-ready") && quotes != null) {
            throw new ParameterException(spec.commandLine(), "--quotes is only used by --rule lee-ready");
        }
        SingleSymbol symbols = new SingleSymbol(trades);
        long[] row = {0};
        long rows;
        try (CsvTableWriter tw = CsvTableWriter.open(out, List.of("ts", "sign"))) {
            CsvWriter w = tw.raw();
            switch (rule) {
                case "tick" -> {
                    TickRule t = new TickRule();
                    rows = CanonicalCsv.readTrades(trades, (ts, sym, px, sz, bid, ask) -> {
                        symbols.check(sym, ++row[0]);
                        w.field(ts).field(t.sign(px)).endRow();
                    });
                }
                case "quote" -> {
                    TickRule t = new TickRule();
                    rows = CanonicalCsv.readTrades(trades, (ts, sym, px, sz, bid, ask) -> {
                        symbols.check(sym, ++row[0]);
                        int tick = t.sign(px);
                        if (Double.isNaN(bid) || Double.isNaN(ask)) {
                            throw new IllegalArgumentException(trades + ":" + (row[0] + 1)
                                    + ": the quote rule needs the trade's bid,ask columns, found them "
                                    + (Double.isNaN(bid) && Double.isNaN(ask) ? "empty or absent" : "partly empty"));
                        }
                        w.field(ts).field(QuoteRule.sign(px, bid, ask, tick)).endRow();
                    });
                }
                default -> {
                    LeeReady lr = new LeeReady();
                    try (PairStream qs = new PairStream(quotes, false)) {
                        PairStream.RowSink sink = (qts, bid, ask) -> lr.onQuote(bid, ask);
                        rows = CanonicalCsv.readTrades(trades, (ts, sym, px, sz, bid, ask) -> {
                            symbols.check(sym, ++row[0]);
                            qs.advanceTo(ts, sink);
                            w.field(ts).field(lr.sign(px)).endRow();
                        });
                    }
                }
            }
        }
        System.err.println("eimas sign: " + rows + " trades (" + rule + ") -> " + out);
        return 0;
    }
}
