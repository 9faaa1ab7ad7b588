package org.eimas.micro.cli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.store.StoredModel;
import org.eimas.micro.storage.JooqModelStore;
import org.eimas.micro.storage.RelationalDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eimas models}: the fitted models in the relational store. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the fitted models in the relational store, oldest first.")
public final class ModelsCommand implements Callable<Integer> {
    @Mixin
    DataDirOption dataDir;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<StoredModel> models;
        try (RelationalDatabase db = RelationalListing.open(dataDir.path())) {
            models = new JooqModelStore(db).list();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (StoredModel m : models) {
                Map<String, Object> o = RelationalListing.obj();
                o.put("id", m.id());
                o.put("kind", m.kind());
                o.put("symbol", m.symbol());
                o.put("horizon", m.horizon());
                o.put("created", RelationalListing.time(m.createdNs()));
                o.put("created_ns", m.createdNs());
                o.put("train_from_ns", m.trainFromNs());
                o.put("train_to_ns", m.trainToNs());
                o.put("parameters", RelationalListing.sorted(m.parameters()));
                o.put("scaler_mean", RelationalListing.sorted(m.scalerMean()));
                o.put("scaler_scale", RelationalListing.sorted(m.scalerScale()));
                o.put("metrics", RelationalListing.sorted(m.metrics()));
                rows.add(o);
            }
            out.println(Json.toJson(rows));
            out.flush();
            return 0;
        }
        out.println("id,kind,symbol,horizon,created,train_from,train_to,parameters,metrics");
        for (StoredModel m : models) {
            out.println(m.id() + "," + m.kind() + "," + m.symbol() + "," + m.horizon() + ","
                    + RelationalListing.time(m.createdNs()) + "," + RelationalListing.time(m.trainFromNs()) + ","
                    + RelationalListing.time(m.trainToNs()) + "," + m.parameters().size() + ",\""
                    + RelationalListing.compact(m.metrics()) + "\"");
        }
        out.flush();
        return 0;
    }
}
