package org.eimas.micro.cli.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.eimas.micro.application.network.BuildEconomicNetwork;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.port.NetworkStore;
import org.eimas.micro.network.DotExport;
import org.eimas.micro.network.EconomicNetwork;
import org.eimas.micro.network.EconomicNetworkBuilder;
import org.eimas.micro.network.MicroMacroMerge;
import org.eimas.micro.network.NetworkEdge;
import org.eimas.micro.network.ShockResponse;
import org.eimas.micro.storage.JooqNetworkStore;
import org.eimas.micro.storage.RelationalDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eimas network}: the extended micro-macro economic network (design section 9). */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = {"Extended economic network: micro features resampled to bars (flows summed, levels last),",
                "daily macro forward-filled (an observation dated D is usable from day D + --macro-lag-days),",
                "inner join, incomplete rows dropped; Granger edges micro_to_return (maxlag 5), micro_to_micro",
                "(both directions, maxlag 3), macro_to_micro (maxlag 3); IRF of a --irf-shock shock from a VAR on",
                "[shock, responses] or on --var-variables (a list, or 'all' for every network variable)."})
public final class NetworkCommand implements Callable<Integer> {
    @Option(names = "--micro", required = true, paramLabel = "FILE",
            description = "Micro feature table with a ts column (epoch ns), e.g. ts,ofi,vpin,spread_bps,depth_imbalance,ret_spy_5min.")
    Path micro;

    @Option(names = "--macro", required = true, paramLabel = "FILE",
            description = "Daily macro table with a ts column (epoch ns of the observation date, UTC), e.g. ts,d_VIX,dgs10.")
    Path macro;

    @Option(names = "--target", required = true, paramLabel = "COLUMN", description = "Return target column (in --micro).")
    String target;

    @Option(names = "--micro-variables", split = ",", paramLabel = "A,B,...",
            description = "Micro variables to test (default: every micro column but the target).")
    List<String> microVariables;

    @Option(names = "--macro-variables", split = ",", paramLabel = "A,B,...",
            description = "Macro variables to test (default: every macro column).")
    List<String> macroVariables;

    @Option(names = "--macro-test", defaultValue = "bars", paramLabel = "bars|daily",
            description = {"Rows of the macro_to_micro tests: 'bars' (the merged bars, as the design guide; a daily value"
                    + " then counts once per bar, so p-values are far too small) or 'daily' (one row per day: micro flows"
                    + " summed, levels last; macro known by the day's end; lags in days). Default ${DEFAULT-VALUE}."})
    String macroTest;

    @Option(names = "--significance", defaultValue = "0.05", paramLabel = "ALPHA",
            description = "Keep edges with p (or BH q) below this (default ${DEFAULT-VALUE}).")
    double significance;

    @Option(names = "--bh", description = "Benjamini-Hochberg correction over all the run's tests.")
    boolean bh;

    @Option(names = "--flows", split = ",", paramLabel = "A,B,...",
            description = "Micro columns summed per bar; default: ofi*, ret*, *volume*, signed_*. Others take the last value.")
    List<String> flows;

    @Option(names = "--bar-minutes", defaultValue = "5", description = "Bar length in minutes (default ${DEFAULT-VALUE}).")
    int barMinutes;

    @Option(names = "--macro-lag-days", defaultValue = "1",
            description = "Days after its date from which a macro observation is usable (default ${DEFAULT-VALUE}).")
    int macroLagDays;

    @Option(names = "--return-maxlag", defaultValue = "5", description = "Max lag of micro_to_return tests (default ${DEFAULT-VALUE}).")
    int returnMaxlag;

    @Option(names = "--micro-maxlag", defaultValue = "3", description = "Max lag of micro_to_micro tests (default ${DEFAULT-VALUE}).")
    int microMaxlag;

    @Option(names = "--macro-maxlag", defaultValue = "3", description = "Max lag of macro_to_micro tests (default ${DEFAULT-VALUE}).")
    int macroMaxlag;

    @Option(names = "--irf-shock", defaultValue = "vpin", description = "Shocked variable (default ${DEFAULT-VALUE}).")
    String irfShock;

    @Option(names = "--irf-responses", split = ",", paramLabel = "A,B,...",
            description = "Responses (default: the target, d_VIX, spread_bps; missing ones are left out).")
    List<String> irfResponses;

    @Option(names = "--var-variables", split = ",", paramLabel = "A,B,...",
            description = "Variables of the IRF's VAR, in Cholesky order, or 'all' for every merged column (micro, then"
                    + " macro). Default: the shock, then the responses present.")
    List<String> varVariables;

    @Option(names = "--var-lags", defaultValue = "2", description = "Lag order of the IRF's VAR (default ${DEFAULT-VALUE}).")
    int varLags;

    @Option(names = "--horizon", defaultValue = "12", description = "IRF steps 0..H (default ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--dot", paramLabel = "FILE", description = "Also write the network as GraphViz DOT.")
    Path dot;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Persist the run and its significant edges in the relational store of DIR (embedded H2, or the"
                    + " database named by EIMAS_DB_URL); list them with 'eimas networks --data-dir DIR'.")
    Path dataDir;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (barMinutes < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bar-minutes must be >= 1");
        }
        if (horizon < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--horizon must be >= 0");
        }
        NumericTable microTable = NetworkTables.read(micro);
        NumericTable macroTable = NetworkTables.read(macro);
        if (!microTable.hasTs()) {
            throw new IllegalArgumentException(micro + ": the micro table needs a first column ts (epoch ns)");
        }
        if (!macroTable.hasTs()) {
            throw new IllegalArgumentException(macro + ": the macro table needs a first column ts (epoch ns)");
        }
        target = NetworkTables.resolve(micro, microTable, target);
        Predicate<String> flowRule = flows == null ? MicroMacroMerge.DEFAULT_FLOWS
                : MicroMacroMerge.Options.flows(new HashSet<>(NetworkTables.resolveAll(micro, microTable, flows)));
        List<String> all = new ArrayList<>(microTable.columns());
        all.addAll(macroTable.columns());
        String shock = NetworkTables.find(all, irfShock);
        if (shock != null) {
            irfShock = shock;
        }
        MicroMacroMerge.Options mergeOptions = new MicroMacroMerge.Options(barMinutes * 60_000_000_000L, flowRule,
                macroLagDays);
        List<String> responses = new ArrayList<>();
        for (String r : irfResponses != null ? irfResponses : List.of(target, "d_VIX", "spread_bps")) {
            String c = NetworkTables.find(all, r);
            responses.add(c != null ? c : r);
        }
        EconomicNetworkBuilder.Spec netSpec = EconomicNetworkBuilder.Spec.defaults(target)
                .withSignificance(significance, bh)
                .withMaxlags(returnMaxlag, microMaxlag, macroMaxlag)
                .withIrf(irfShock, responses, varLags, horizon);
        if (microVariables != null || macroVariables != null) {
            netSpec = netSpec.withVariables(
                    microVariables == null ? null : NetworkTables.resolveAll(micro, microTable, microVariables),
                    macroVariables == null ? null : NetworkTables.resolveAll(macro, macroTable, macroVariables));
        }
        if (varVariables != null && varVariables.size() == 1 && varVariables.get(0).equalsIgnoreCase("all")) {
            netSpec = netSpec.withVarVariables(all);
        } else if (varVariables != null) {
            List<String> resolved = new ArrayList<>();
            for (String v : varVariables) {
                String c = NetworkTables.find(all, v);
                resolved.add(c != null ? c : v);
            }
            netSpec = netSpec.withVarVariables(resolved);
        }
        if (!macroTest.equals("bars") && !macroTest.equals("daily")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--macro-test must be bars or daily, got "
                    + macroTest);
        }
        BuildEconomicNetwork.Run run;
        if (dataDir == null) {
            run = new BuildEconomicNetwork(null, NetworkCommand::now)
                    .run(microTable, macroTable, mergeOptions, netSpec, macroTest.equals("daily"));
        } else {
            try (RelationalDatabase db = RelationalListing.open(dataDir)) {
                NetworkStore store = new JooqNetworkStore(db);
                run = new BuildEconomicNetwork(store, NetworkCommand::now)
                        .run(microTable, macroTable, mergeOptions, netSpec, macroTest.equals("daily"));
            }
        }
        EconomicNetwork net = run.network();
        if (dot != null) {
            try {
                Files.writeString(dot, DotExport.toDot(net));
            } catch (IOException e) {
                throw new UncheckedIOException(dot + ": cannot write the DOT file: " + e.getMessage(), e);
            }
        }
        if (json) {
            Json.print(toJson(run));
        } else {
            printText(run);
        }
        return 0;
    }

    static long now() {
        java.time.Instant i = java.time.Instant.now();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    static Map<String, Object> toJson(BuildEconomicNetwork.Run run) {
        EconomicNetwork net = run.network();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("target", net.target());
        out.put("rows", net.rows());
        out.put("bars", run.merge().bars());
        out.put("dropped_incomplete", run.merge().droppedIncomplete());
        out.put("flow_columns", run.merge().flowColumns());
        out.put("level_columns", run.merge().levelColumns());
        out.put("significance", net.significance());
        out.put("correction", net.benjaminiHochberg() ? "benjamini_hochberg" : "none");
        out.put("macro_test", net.macroFrequency().equals("day") ? "daily" : "bars");
        out.put("macro_test_rows", net.macroRows());
        out.put("tests", net.tests().size());
        List<Map<String, Object>> edges = new ArrayList<>();
        for (NetworkEdge e : net.edges()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", e.source());
            m.put("target", e.target());
            m.put("type", e.type().wireName());
            m.put("weight", e.weight());
            m.put("p_value", e.pValue());
            m.put("lag", e.lag());
            m.put("f", e.f());
            if (net.benjaminiHochberg()) {
                m.put("q_value", e.qValue());
            }
            edges.add(m);
        }
        out.put("edges", edges);
        out.put("skipped", net.skipped());
        ShockResponse irf = net.irf();
        if (irf != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shock", irf.shock());
            m.put("var_variables", irf.variables());
            m.put("var_lags", irf.lags());
            m.put("nobs", irf.nobs());
            m.put("horizon", irf.horizon());
            m.put("stable", irf.stable());
            Map<String, double[]> plain = new LinkedHashMap<>();
            Map<String, double[]> orth = new LinkedHashMap<>();
            for (int r = 0; r < irf.responses().size(); r++) {
                double[] a = new double[irf.horizon() + 1];
                double[] b = new double[irf.horizon() + 1];
                for (int h = 0; h <= irf.horizon(); h++) {
                    a[h] = irf.irf()[h][r];
                    b[h] = irf.orthIrf()[h][r];
                }
                plain.put(irf.responses().get(r), a);
                orth.put(irf.responses().get(r), b);
            }
            m.put("irf", plain);
            m.put("orth_irf", orth);
            out.put("irf", m);
        } else {
            out.put("irf", null);
        }
        out.put("irf_error", net.irfError());
        out.put("stored_id", run.storedId().isPresent() ? run.storedId().getAsLong() : null);
        return out;
    }

    private static void printText(BuildEconomicNetwork.Run run) {
        EconomicNetwork net = run.network();
        System.out.printf(Locale.ROOT, "%d merged rows (%d bars, %d incomplete dropped); flows summed: %s%n",
                net.rows(), run.merge().bars(), run.merge().droppedIncomplete(), run.merge().flowColumns());
        System.out.printf(Locale.ROOT, "%d of %d tests significant at %s%s%n", net.edges().size(), net.tests().size(),
                net.significance(), net.benjaminiHochberg() ? " (Benjamini-Hochberg q)" : "");
        if (net.macroFrequency().equals("day")) {
            System.out.printf(Locale.ROOT, "macro_to_micro tested on %d daily rows (lag in days)%n", net.macroRows());
        }
        System.out.printf(Locale.ROOT, "%-18s %-18s %-16s %12s %11s %4s%n", "source", "target", "type", "weight",
                "p_value", "lag");
        for (NetworkEdge e : net.edges()) {
            System.out.printf(Locale.ROOT, "%-18s %-18s %-16s %12.5g %11.3g %4d%n", e.source(), e.target(),
                    e.type().wireName(), e.weight(), e.pValue(), e.lag());
        }
        for (String s : net.skipped()) {
            System.out.println("not tested: " + s);
        }
        ShockResponse irf = net.irf();
        if (irf == null) {
            System.out.println("IRF not computed: " + net.irfError() + " (choose the VAR's columns with --var-variables)");
        } else {
            System.out.printf(Locale.ROOT, "Orthogonalised responses to a one-s.d. %s shock (VAR(%d) on %s, stable=%s):%n",
                    irf.shock(), irf.lags(), irf.variables(), irf.stable());
            StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%5s", "step"));
            for (String r : irf.responses()) {
                h.append(String.format(Locale.ROOT, " %16s", r));
            }
            System.out.println(h);
            for (int s = 0; s <= irf.horizon(); s++) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5d", s));
                for (int r = 0; r < irf.responses().size(); r++) {
                    row.append(String.format(Locale.ROOT, " %16.6g", irf.orthIrf()[s][r]));
                }
                System.out.println(row);
            }
        }
        if (run.storedId().isPresent()) {
            System.out.println("stored as network run " + run.storedId().getAsLong());
        }
    }
}
