package org.eimas.micro.application.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.port.NetworkStore;
import org.eimas.micro.domain.port.TimeSource;
import org.eimas.micro.domain.store.StoredNetwork;
import org.eimas.micro.network.DailyPanel;
import org.eimas.micro.network.EconomicNetwork;
import org.eimas.micro.network.EconomicNetworkBuilder;
import org.eimas.micro.network.MicroMacroMerge;
import org.eimas.micro.network.NetworkEdge;
import org.eimas.micro.network.ShockResponse;

/**
 * Use case "build the extended economic network": merge micro features and daily macro series
 * ({@link MicroMacroMerge}), test the Granger edges and the VPIN shock's responses
 * ({@link EconomicNetworkBuilder}), and, when a {@link NetworkStore} is given, persist the run and its
 * significant edges as one {@link StoredNetwork}.
 */
public final class BuildEconomicNetwork {
    private final NetworkStore store;
    private final TimeSource time;

    /**
     * @param store where runs are persisted, or null to only compute
     * @param time  the clock that stamps a persisted run
     */
    public BuildEconomicNetwork(NetworkStore store, TimeSource time) {
        this.store = store;
        this.time = Objects.requireNonNull(time);
    }

    /** The merge report, the network, and the stored run's id when it was persisted. */
    public record Run(MicroMacroMerge.Result merge, EconomicNetwork network, OptionalLong storedId,
                      Map<String, String> parameters) {
    }

    public Run run(NumericTable micro, NumericTable macro, MicroMacroMerge.Options mergeOptions,
                   EconomicNetworkBuilder.Spec spec) {
        return run(micro, macro, mergeOptions, spec, false);
    }

    /**
     * @param macroDaily test {@code macro_to_micro} edges on one row per day ({@link DailyPanel}) instead of
     *                   on the bars, where a forward-filled daily value is counted once per bar
     */
    public Run run(NumericTable micro, NumericTable macro, MicroMacroMerge.Options mergeOptions,
                   EconomicNetworkBuilder.Spec spec, boolean macroDaily) {
        MicroMacroMerge.Result merged = MicroMacroMerge.merge(micro, macro, mergeOptions);
        if (merged.table().rows() == 0) {
            throw new IllegalArgumentException("the merged micro/macro table is empty: " + merged.bars()
                    + " micro bars, all incomplete (no macro observation usable yet, or missing micro values)");
        }
        List<String> microVars = new ArrayList<>();
        for (String c : micro.columns()) {
            if (!c.equals(spec.target())) {
                microVars.add(c);
            }
        }
        EconomicNetworkBuilder.Spec resolved = spec.withVariables(
                spec.microVariables() != null ? spec.microVariables() : microVars,
                spec.macroVariables() != null ? spec.macroVariables() : macro.columns());
        NumericTable daily = null;
        if (macroDaily) {
            List<String> dailyMicro = new ArrayList<>(resolved.microVariables());
            daily = DailyPanel.build(merged.table(), dailyMicro, mergeOptions.flowColumns(),
                    macroColumns(macro, resolved.macroVariables()), mergeOptions.availabilityLagDays());
        }
        EconomicNetwork net = EconomicNetworkBuilder.build(merged.table(), daily, resolved);
        Map<String, String> params = parameters(merged, resolved, mergeOptions, net);
        OptionalLong id = OptionalLong.empty();
        if (store != null) {
            List<StoredNetwork.Edge> edges = new ArrayList<>();
            for (NetworkEdge e : net.edges()) {
                edges.add(new StoredNetwork.Edge(e.source(), e.target(), e.type().wireName(), e.weight(), e.pValue(),
                        e.lag()));
            }
            id = OptionalLong.of(store.save(new StoredNetwork(0, time.nowNanos(), net.target(), net.significance(),
                    params, edges)));
        }
        return new Run(merged, net, id, params);
    }

    /** The macro table restricted to the tested columns (so a missing value elsewhere drops no day). */
    static NumericTable macroColumns(NumericTable macro, List<String> names) {
        double[][] data = new double[names.size()][];
        for (int i = 0; i < data.length; i++) {
            data[i] = macro.column(names.get(i));
        }
        return new NumericTable(names, macro.tsIndex(), data);
    }

    static Map<String, String> parameters(MicroMacroMerge.Result merged, EconomicNetworkBuilder.Spec spec,
                                          MicroMacroMerge.Options options, EconomicNetwork net) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("micro_variables", String.join(",", spec.microVariables()));
        p.put("macro_variables", String.join(",", spec.macroVariables()));
        p.put("flow_columns", String.join(",", merged.flowColumns()));
        p.put("bar_seconds", Long.toString(options.barNanos() / 1_000_000_000L));
        p.put("macro_availability_lag_days", Integer.toString(options.availabilityLagDays()));
        p.put("rows", Integer.toString(merged.table().rows()));
        p.put("max_lag_micro_to_return", Integer.toString(spec.returnMaxlag()));
        p.put("max_lag_micro_to_micro", Integer.toString(spec.microMaxlag()));
        p.put("max_lag_macro_to_micro", Integer.toString(spec.macroMaxlag()));
        p.put("correction", spec.benjaminiHochberg() ? "benjamini_hochberg" : "none");
        p.put("macro_test_frequency", net.macroFrequency());
        p.put("macro_test_rows", Integer.toString(net.macroRows()));
        p.put("tests", Integer.toString(net.tests().size()));
        p.put("skipped", Integer.toString(net.skipped().size()));
        ShockResponse irf = net.irf();
        if (irf != null) {
            p.put("irf_shock", irf.shock());
            p.put("irf_var_variables", String.join(",", irf.variables()));
            p.put("irf_var_lags", Integer.toString(irf.lags()));
            p.put("irf_stable", Boolean.toString(irf.stable()));
            for (int r = 0; r < irf.responses().size(); r++) {
                StringBuilder sb = new StringBuilder();
                for (int h = 0; h <= irf.horizon(); h++) {
                    sb.append(h == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.17g", irf.orthIrf()[h][r]));
                }
                p.put("orth_irf." + irf.responses().get(r), sb.toString());
            }
        } else {
            p.put("irf_error", String.valueOf(net.irfError()));
        }
        return p;
    }
}
