package org.eimas.micro.network;

import java.util.ArrayList;
import java.util.List;
import org.eimas.micro.domain.market.NumericTable;

/**
 * The extended economic network of design guide section 9.1 ({@code ExtendedEconomicNetworkBuilder}):
 * Granger-causal edges (see {@link GrangerTest}) between microstructure features, the return target and
 * daily macro series, on a table already merged by {@link MicroMacroMerge}.
 * <ul>
 *   <li>{@code micro_to_return}: every micro variable to the target, lags 1..{@code returnMaxlag} (5);</li>
 *   <li>{@code micro_to_micro}: every ordered pair of distinct micro variables, both directions (the guide
 *       only tested one direction of each pair), lags 1..{@code microMaxlag} (3);</li>
 *   <li>{@code macro_to_micro}: every macro variable to every micro variable, lags 1..{@code macroMaxlag} (3).</li>
 * </ul>
 * An edge is kept when its p-value (the smallest over the lags) is below {@code significance}, or, with
 * the Benjamini-Hochberg option, when its BH-adjusted q-value over all the run's tests is.
 * The impulse responses come from a VAR({@code varLags}) on {@code [irfShock] + irfResponses} (those
 * present in the merged table), or on {@code varVariables} when given (for instance every network
 * variable); that order is the Cholesky ordering of the orthogonalised responses. The responses that
 * are VAR variables are reported.
 */
public final class EconomicNetworkBuilder {

    /** What to test. Use {@link #defaults(String)} and the {@code with*} copies. */
    public record Spec(String target, List<String> microVariables, List<String> macroVariables,
                       int returnMaxlag, int microMaxlag, int macroMaxlag, double significance,
                       boolean benjaminiHochberg, String irfShock, List<String> irfResponses, int varLags,
                       int irfHorizon, List<String> varVariables) {
        public Spec {
            if (!(significance > 0 && significance < 1)) {
                throw new IllegalArgumentException("significance must be in (0, 1), got " + significance);
            }
            if (returnMaxlag < 1 || microMaxlag < 1 || macroMaxlag < 1) {
                throw new IllegalArgumentException("maxlags must be >= 1");
            }
            microVariables = microVariables == null ? null : List.copyOf(microVariables);
            macroVariables = macroVariables == null ? null : List.copyOf(macroVariables);
            irfResponses = List.copyOf(irfResponses);
            varVariables = varVariables == null ? null : List.copyOf(varVariables);
            if (varLags < 1) {
                throw new IllegalArgumentException("VAR lag order must be >= 1, got " + varLags);
            }
            if (irfHorizon < 0) {
                throw new IllegalArgumentException("IRF horizon must be >= 0, got " + irfHorizon);
            }
        }

        /**
         * Target, maxlags 5/3/3, significance 0.05 without correction, micro variables = every micro
         * column but the target, macro variables = every macro column (both null until resolved), IRF of
         * a vpin shock on the target, d_VIX and spread_bps, VAR(2), 12 steps (one hour of 5-minute bars).
         */
        public static Spec defaults(String target) {
            return new Spec(target, null, null, 5, 3, 3, 0.05, false, "vpin",
                    List.of(target, "d_VIX", "spread_bps"), 2, 12, null);
        }

        public Spec withVariables(List<String> micro, List<String> macro) {
            return new Spec(target, micro, macro, returnMaxlag, microMaxlag, macroMaxlag, significance,
                    benjaminiHochberg, irfShock, irfResponses, varLags, irfHorizon, varVariables);
        }

        public Spec withSignificance(double alpha, boolean bh) {
            return new Spec(target, microVariables, macroVariables, returnMaxlag, microMaxlag, macroMaxlag, alpha,
                    bh, irfShock, irfResponses, varLags, irfHorizon, varVariables);
        }

        public Spec withIrf(String shock, List<String> responses, int lags, int horizon) {
            return new Spec(target, microVariables, macroVariables, returnMaxlag, microMaxlag, macroMaxlag,
                    significance, benjaminiHochberg, shock, responses, lags, horizon, varVariables);
        }

        /** The VAR of the impulse responses on these columns, in this order (null: shock, then responses). */
        public Spec withVarVariables(List<String> variables) {
            return new Spec(target, microVariables, macroVariables, returnMaxlag, microMaxlag, macroMaxlag,
                    significance, benjaminiHochberg, irfShock, irfResponses, varLags, irfHorizon, variables);
        }

        public Spec withMaxlags(int toReturn, int microMicro, int macroMicro) {
            return new Spec(target, microVariables, macroVariables, toReturn, microMicro, macroMicro, significance,
                    benjaminiHochberg, irfShock, irfResponses, varLags, irfHorizon, varVariables);
        }
    }

    private EconomicNetworkBuilder() {
    }

    /** Every test on the merged bars, {@code macro_to_micro} included (the design guide's recipe). */
    public static EconomicNetwork build(NumericTable merged, Spec spec) {
        return build(merged, null, spec);
    }

    /**
     * @param merged the merged bar table (micro columns, then macro columns)
     * @param daily  when not null, the {@link DailyPanel} on which the {@code macro_to_micro} tests run
     *               (lags in days) instead of the bars
     */
    public static EconomicNetwork build(NumericTable merged, NumericTable daily, Spec spec) {
        List<String> cols = merged.columns();
        String target = spec.target();
        if (!cols.contains(target)) {
            throw new IllegalArgumentException("target column '" + target + "' is not in the merged table; columns are "
                    + cols);
        }
        List<String> micro = spec.microVariables();
        List<String> macro = spec.macroVariables() == null ? List.of() : spec.macroVariables();
        if (micro == null) {
            micro = new ArrayList<>();
            for (String c : cols) {
                if (!c.equals(target) && !macro.contains(c)) {
                    micro.add(c);
                }
            }
        }
        for (String c : micro) {
            merged.indexOf(c);
        }
        for (String c : macro) {
            (daily != null ? daily : merged).indexOf(c);
        }
        List<NetworkEdge> tests = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        double[] y = merged.column(target);
        // micro -> return
        for (String m : micro) {
            if (m.equals(target)) {
                continue;
            }
            addTest(tests, skipped, m, merged.column(m), target, y, spec.returnMaxlag(), EdgeType.MICRO_TO_RETURN);
        }
        // micro <-> micro: one matrix
        List<String> microOnly = micro.stream().filter(c -> !c.equals(target)).toList();
        if (microOnly.size() >= 2) {
            double[][] s = new double[microOnly.size()][];
            for (int i = 0; i < s.length; i++) {
                s[i] = merged.column(microOnly.get(i));
            }
            try {
                GrangerMatrix gm = GrangerTest.matrix(microOnly, s, spec.microMaxlag());
                for (int i = 0; i < s.length; i++) {
                    for (int j = 0; j < s.length; j++) {
                        if (i != j && gm.lag()[i][j] > 0) {
                            tests.add(new NetworkEdge(microOnly.get(j), microOnly.get(i), EdgeType.MICRO_TO_MICRO,
                                    gm.weight()[i][j], gm.pValue()[i][j], Double.NaN, gm.lag()[i][j], gm.f()[i][j]));
                        }
                    }
                }
                skipped.addAll(gm.errors());
            } catch (IllegalArgumentException e) {
                skipped.add("micro_to_micro: " + e.getMessage());
            }
        }
        // macro -> micro, on the bars or on the daily panel
        NumericTable macroRows = daily != null ? daily : merged;
        for (String d : macro) {
            double[] x = macroRows.column(d);
            for (String m : microOnly) {
                addTest(tests, skipped, d, x, m, macroRows.column(m), spec.macroMaxlag(), EdgeType.MACRO_TO_MICRO);
            }
        }
        // significance
        List<NetworkEdge> all = tests;
        if (spec.benjaminiHochberg()) {
            double[] p = new double[tests.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = tests.get(i).pValue();
            }
            double[] q = BenjaminiHochberg.adjust(p);
            all = new ArrayList<>(tests.size());
            for (int i = 0; i < p.length; i++) {
                NetworkEdge e = tests.get(i);
                all.add(new NetworkEdge(e.source(), e.target(), e.type(), e.weight(), e.pValue(), q[i], e.lag(), e.f()));
            }
        }
        List<NetworkEdge> edges = new ArrayList<>();
        for (NetworkEdge e : all) {
            double decisive = spec.benjaminiHochberg() ? e.qValue() : e.pValue();
            if (decisive < spec.significance()) {
                edges.add(e);
            }
        }
        // IRF
        ShockResponse irf = null;
        String irfError = null;
        try {
            irf = shockResponse(merged, spec);
        } catch (IllegalArgumentException e) {
            irfError = e.getMessage();
        }
        return new EconomicNetwork(target, spec.significance(), spec.benjaminiHochberg(), merged.rows(), edges, all,
                skipped, irf, irfError, daily != null ? "day" : "bar", daily != null ? daily.rows() : merged.rows());
    }

    static ShockResponse shockResponse(NumericTable merged, Spec spec) {
        List<String> cols = merged.columns();
        List<String> vars = spec.varVariables();
        if (vars == null) {
            vars = new ArrayList<>();
            vars.add(spec.irfShock());
            for (String r : spec.irfResponses()) {
                if (cols.contains(r) && !vars.contains(r)) {
                    vars.add(r);
                }
            }
        }
        for (String v : vars) {
            if (!cols.contains(v)) {
                throw new IllegalArgumentException("VAR variable '" + v + "' is not a column; columns are " + cols);
            }
        }
        int shock = vars.indexOf(spec.irfShock());
        if (shock < 0) {
            throw new IllegalArgumentException("IRF shock variable '" + spec.irfShock() + "' is not among the VAR variables "
                    + vars);
        }
        List<String> responses = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (String r : spec.irfResponses()) {
            int i = vars.indexOf(r);
            if (i >= 0 && !responses.contains(r)) {
                responses.add(r);
                index.add(i);
            }
        }
        if (responses.isEmpty()) {
            throw new IllegalArgumentException("none of the IRF response variables " + spec.irfResponses()
                    + " is among the VAR variables " + vars);
        }
        double[][] s = new double[vars.size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = merged.column(vars.get(i));
        }
        VarFit fit = VectorAutoregression.fit(vars, s, spec.varLags());
        double[][][] phi = fit.irf(spec.irfHorizon());
        double[][][] theta = fit.orthIrf(spec.irfHorizon());
        double[][] irf = new double[spec.irfHorizon() + 1][responses.size()];
        double[][] orth = new double[spec.irfHorizon() + 1][responses.size()];
        for (int h = 0; h <= spec.irfHorizon(); h++) {
            for (int r = 0; r < responses.size(); r++) {
                irf[h][r] = phi[h][index.get(r)][shock];
                orth[h][r] = theta[h][index.get(r)][shock];
            }
        }
        return new ShockResponse(spec.irfShock(), List.copyOf(vars), List.copyOf(responses), spec.varLags(), fit.nobs(),
                spec.irfHorizon(), irf, orth, fit.isStable());
    }

    private static void addTest(List<NetworkEdge> tests, List<String> skipped, String source, double[] x,
                                String target, double[] y, int maxlag, EdgeType type) {
        try {
            List<GrangerTest.LagResult> lags = GrangerTest.test(target, y, source, x, maxlag);
            GrangerTest.LagResult best = lags.get(0);
            for (GrangerTest.LagResult r : lags) {
                if (r.pValue() < best.pValue()) {
                    best = r;
                }
            }
            tests.add(new NetworkEdge(source, target, type, best.causeCoefficientSum(), best.pValue(), Double.NaN,
                    best.lag(), best.f()));
        } catch (IllegalArgumentException e) {
            skipped.add(source + " -> " + target + ": " + e.getMessage());
        }
    }
}
