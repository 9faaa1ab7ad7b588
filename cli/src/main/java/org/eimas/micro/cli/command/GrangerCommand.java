package org.eimas.micro.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.network.GrangerMatrix;
import org.eimas.micro.network.GrangerTest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eimas granger}: statsmodels' grangercausalitytests ssr F-test, for one pair or all pairs. */
@Command(name = "granger", mixinStandardHelpOptions = true,
        description = {"Granger causality ssr F-test per lag (as statsmodels' grangercausalitytests reports ssr_ftest).",
                "One pair: --cause X --effect Y. All pairs: --matrix (p_value[i][j]: smallest p over lags 1..L for"
                        + " 'variables[j] Granger-causes variables[i]')."})
public final class GrangerCommand implements Callable<Integer> {
    @Option(names = "--table", required = true, paramLabel = "FILE",
            description = "Canonical numeric table (CSV or .csv.gz; optional first column ts).")
    Path table;

    @Option(names = "--cause", paramLabel = "X", description = "Cause column (the x in 'x Granger-causes y').")
    String cause;

    @Option(names = "--effect", paramLabel = "Y", description = "Effect column.")
    String effect;

    @Option(names = "--maxlag", required = true, paramLabel = "L", description = "Test lags 1..L.")
    int maxlag;

    @Option(names = "--matrix", description = "All ordered pairs of --variables (default: every column).")
    boolean matrix;

    @Option(names = "--variables", split = ",", paramLabel = "A,B,...", description = "Columns of the matrix, in order.")
    List<String> variables;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (maxlag < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--maxlag must be >= 1, got " + maxlag);
        }
        NumericTable t = NetworkTables.read(table);
        if (matrix) {
            if (cause != null || effect != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--matrix tests all pairs: drop --cause/--effect");
            }
            List<String> names = NetworkTables.resolveAll(table, t, NetworkTables.orAll(t, variables));
            if (names.size() < 2) {
                throw new IllegalArgumentException(table + ": the matrix needs at least two columns, got " + names);
            }
            double[][] s = NetworkTables.columns(table, t, names);
            GrangerMatrix m = GrangerTest.matrix(names, s, maxlag);
            printMatrix(m);
        } else {
            if (cause == null || effect == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give --cause X and --effect Y, or --matrix");
            }
            effect = NetworkTables.resolve(table, t, effect);
            cause = NetworkTables.resolve(table, t, cause);
            double[][] s = NetworkTables.columns(table, t, List.of(effect, cause));
            List<GrangerTest.LagResult> res = GrangerTest.test(effect, s[0], cause, s[1], maxlag);
            printPair(res);
        }
        return 0;
    }

    private void printPair(List<GrangerTest.LagResult> res) {
        if (json) {
            List<Map<String, Object>> lags = new ArrayList<>();
            for (GrangerTest.LagResult r : res) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("lag", r.lag());
                m.put("f", r.f());
                m.put("p_value", r.pValue());
                m.put("df_num", r.dfNum());
                m.put("df_denom", r.dfDenom());
                m.put("ssr_restricted", r.rssRestricted());
                m.put("ssr_unrestricted", r.rssUnrestricted());
                m.put("cause_coef_sum", r.causeCoefficientSum());
                lags.add(m);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("cause", cause);
            out.put("effect", effect);
            out.put("lags", lags);
            Json.print(out);
            return;
        }
        System.out.printf(Locale.ROOT, "Does %s Granger-cause %s? (ssr F-test)%n", cause, effect);
        System.out.printf(Locale.ROOT, "%4s %14s %12s %7s %9s%n", "lag", "F", "p_value", "df_num", "df_denom");
        for (GrangerTest.LagResult r : res) {
            System.out.printf(Locale.ROOT, "%4d %14.6f %12.4g %7d %9d%n", r.lag(), r.f(), r.pValue(), r.dfNum(),
                    r.dfDenom());
        }
    }

    private void printMatrix(GrangerMatrix m) {
        int k = m.variables().size();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("variables", m.variables());
            out.put("maxlag", m.maxlag());
            out.put("p_value", m.pValue());
            Integer[][] lag = new Integer[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    lag[i][j] = m.lag()[i][j] == 0 ? null : m.lag()[i][j];
                }
            }
            out.put("lag", lag);
            out.put("f", m.f());
            out.put("errors", m.errors());
            Json.print(out);
            return;
        }
        System.out.println("p_value[row][col]: smallest p over lags 1.." + m.maxlag() + " for 'col Granger-causes row'");
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-16s", "effect \\ cause"));
        for (String v : m.variables()) {
            h.append(String.format(Locale.ROOT, " %12s", abbreviate(v)));
        }
        System.out.println(h);
        for (int i = 0; i < k; i++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-16s", abbreviate(m.variables().get(i))));
            for (int j = 0; j < k; j++) {
                double p = m.pValue()[i][j];
                row.append(Double.isNaN(p) ? String.format(Locale.ROOT, " %12s", "-")
                        : String.format(Locale.ROOT, " %12.3g", p));
            }
            System.out.println(row);
        }
        for (String e : m.errors()) {
            System.out.println("not tested: " + e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 12 ? s : s.substring(0, 11) + "~";
    }
}
