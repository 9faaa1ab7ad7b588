package org.eimas.micro.cli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.store.StoredNetwork;
import org.eimas.micro.storage.JooqNetworkStore;
import org.eimas.micro.storage.RelationalDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eimas networks}: stored economic-network runs with their edges. */
@Command(name = "networks", mixinStandardHelpOptions = true,
        description = "List the economic-network runs in the relational store with their edges, oldest first.")
public final class NetworksCommand implements Callable<Integer> {
    @Mixin
    DataDirOption dataDir;

    @Option(names = "--json", description = "Print a JSON array (each run with its edges).")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<StoredNetwork> nets;
        try (RelationalDatabase db = RelationalListing.open(dataDir.path())) {
            nets = new JooqNetworkStore(db).list();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (StoredNetwork n : nets) {
                Map<String, Object> o = RelationalListing.obj();
                o.put("id", n.id());
                o.put("created", RelationalListing.time(n.createdNs()));
                o.put("created_ns", n.createdNs());
                o.put("target", n.target());
                o.put("significance", n.significance());
                o.put("parameters", RelationalListing.sorted(n.parameters()));
                List<Map<String, Object>> edges = new ArrayList<>();
                for (StoredNetwork.Edge e : n.edges()) {
                    Map<String, Object> eo = RelationalListing.obj();
                    eo.put("source", e.source());
                    eo.put("target", e.target());
                    eo.put("type", e.type());
                    eo.put("weight", e.weight());
                    eo.put("p_value", e.pValue());
                    eo.put("lag", e.lag());
                    edges.add(eo);
                }
                o.put("edges", edges);
                rows.add(o);
            }
            out.println(Json.toJson(rows));
            out.flush();
            return 0;
        }
        out.println("id,created,target,significance,edges");
        for (StoredNetwork n : nets) {
            out.println(n.id() + "," + RelationalListing.time(n.createdNs()) + "," + n.target() + ","
                    + n.significance() + "," + n.edges().size());
        }
        out.flush();
        return 0;
    }
}
