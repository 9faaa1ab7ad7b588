package org.eimas.micro.cli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.store.StoredAlert;
import org.eimas.micro.storage.JooqAlertStore;
import org.eimas.micro.storage.RelationalDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eimas alerts}: stored alerts, oldest first. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "List the alerts in the relational store (crash detector, critical paths), oldest first.")
public final class AlertsCommand implements Callable<Integer> {
    @Mixin
    DataDirOption dataDir;

    @Option(names = "--since", paramLabel = "T", description = "Only alerts at or after T (epoch ns, ISO instant or date).")
    String since;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        long sinceNs = since == null ? Long.MIN_VALUE : TimeArg.parseTime("--since", since);
        List<StoredAlert> alerts;
        try (RelationalDatabase db = RelationalListing.open(dataDir.path())) {
            alerts = new JooqAlertStore(db).since(sinceNs);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (StoredAlert a : alerts) {
                Map<String, Object> o = RelationalListing.obj();
                o.put("id", a.id());
                o.put("ts", RelationalListing.time(a.ts()));
                o.put("ts_ns", a.ts());
                o.put("symbol", a.symbol());
                o.put("source", a.source());
                o.put("level", a.level());
                o.put("message", a.message());
                o.put("inputs", RelationalListing.sorted(a.inputs()));
                rows.add(o);
            }
            out.println(Json.toJson(rows));
            out.flush();
            return 0;
        }
        out.println("id,ts,symbol,source,level,message,inputs");
        for (StoredAlert a : alerts) {
            out.println(a.id() + "," + RelationalListing.time(a.ts()) + "," + a.symbol() + "," + a.source() + ","
                    + a.level() + ",\"" + a.message().replace("\"", "\"\"") + "\",\""
                    + RelationalListing.compact(a.inputs()) + "\"");
        }
        out.flush();
        return 0;
    }
}
