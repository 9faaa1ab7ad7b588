package org.eimas.micro.cli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.store.StoredBacktestRun;
import org.eimas.micro.storage.JooqBacktestRunStore;
import org.eimas.micro.storage.RelationalDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eimas runs}: stored backtest runs. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the backtest runs in the relational store, oldest first.")
public final class RunsCommand implements Callable<Integer> {
    @Mixin
    DataDirOption dataDir;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Option(names = "--trades", description = "With --json, include each run's trades.")
    boolean trades;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<StoredBacktestRun> runs;
        try (RelationalDatabase db = RelationalListing.open(dataDir.path())) {
            runs = new JooqBacktestRunStore(db).list();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (StoredBacktestRun r : runs) {
                Map<String, Object> o = RelationalListing.obj();
                o.put("id", r.id());
                o.put("created", RelationalListing.time(r.createdNs()));
                o.put("strategy", r.strategy());
                o.put("symbol", r.symbol());
                o.put("from_ns", r.fromNs());
                o.put("to_ns", r.toNs());
                o.put("parameters", RelationalListing.sorted(r.parameters()));
                o.put("metrics", RelationalListing.sorted(r.metrics()));
                o.put("trade_count", r.trades().size());
                if (trades) {
                    List<Map<String, Object>> ts = new ArrayList<>();
                    for (StoredBacktestRun.Fill f : r.trades()) {
                        Map<String, Object> t = RelationalListing.obj();
                        t.put("ts_ns", f.ts());
                        t.put("side", f.side().name());
                        t.put("price", f.price());
                        t.put("quantity", f.quantity());
                        t.put("fee", f.fee());
                        t.put("pnl", f.pnl());
                        ts.add(t);
                    }
                    o.put("trades", ts);
                }
                rows.add(o);
            }
            out.println(Json.toJson(rows));
            out.flush();
            return 0;
        }
        out.println("id,created,strategy,symbol,from,to,trades,metrics");
        for (StoredBacktestRun r : runs) {
            out.println(r.id() + "," + RelationalListing.time(r.createdNs()) + "," + r.strategy() + "," + r.symbol()
                    + "," + RelationalListing.time(r.fromNs()) + "," + RelationalListing.time(r.toNs()) + ","
                    + r.trades().size() + ",\"" + RelationalListing.compact(r.metrics()) + "\"");
        }
        out.flush();
        return 0;
    }
}
