package org.eimas.micro.cli.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.network.VarFit;
import org.eimas.micro.network.VectorAutoregression;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eimas var}: VAR(p) with a constant (statsmodels VAR.fit(p, trend="c")), IRF, orthogonalised IRF, FEVD. */
@Command(name = "var", mixinStandardHelpOptions = true,
        description = {"VAR(p) with a constant by OLS (as statsmodels VAR(df).fit(p, trend='c')): coefficients,",
                "sigma_u (divided by nobs - k*p - 1), impulse responses irf[h][i][j] (response of i at step h to a",
                "unit shock in j, h = 0..H), orthogonalised responses (lower Cholesky of sigma_u, column order),",
                "FEVD fevd[h][i][j] (share of the (h+1)-step forecast-error variance of i due to shock j, h < H)",
                "and stability (all companion eigenvalues with modulus <= 1, as statsmodels' is_stable)."})
public final class VarCommand implements Callable<Integer> {
    @Option(names = "--table", required = true, paramLabel = "FILE", description = "Canonical numeric table.")
    Path table;

    @Option(names = "--lags", required = true, paramLabel = "P", description = "Lag order p >= 1.")
    int lags;

    @Option(names = "--horizon", defaultValue = "10", paramLabel = "H", description = "IRF steps 0..H, FEVD steps 1..H (default ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--variables", split = ",", paramLabel = "A,B,...",
            description = "Columns in order (the Cholesky ordering); default every column.")
    List<String> variables;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (lags < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lags must be >= 1, got " + lags);
        }
        if (horizon < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--horizon must be >= 1, got " + horizon);
        }
        NumericTable t = NetworkTables.read(table);
        List<String> names = NetworkTables.resolveAll(table, t, NetworkTables.orAll(t, variables));
        double[][] s = NetworkTables.columns(table, t, names);
        VarFit fit = VectorAutoregression.fit(names, s, lags);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("variables", fit.variables());
        out.put("lags", fit.lags());
        out.put("nobs", fit.nobs());
        out.put("intercept", fit.intercept());
        out.put("coefs", fit.coefs());
        out.put("sigma_u", fit.sigmaU());
        out.put("irf", fit.irf(horizon));
        out.put("orth_irf", fit.orthIrf(horizon));
        out.put("fevd", fit.fevd(horizon));
        out.put("stable", fit.isStable());
        out.put("companion_moduli", fit.companionModuli());
        if (json) {
            Json.print(out);
            return 0;
        }
        System.out.printf(Locale.ROOT, "VAR(%d) with constant, %d variables, %d observations, stable=%s (max |eig| %.4f)%n",
                fit.lags(), names.size(), fit.nobs(), fit.isStable(), fit.companionModuli()[0]);
        double[] c = fit.intercept();
        double[][][] a = fit.coefs();
        for (int i = 0; i < names.size(); i++) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s const=%.6g", names.get(i), c[i]));
            for (int l = 0; l < lags; l++) {
                for (int j = 0; j < names.size(); j++) {
                    sb.append(String.format(Locale.ROOT, "  L%d.%s=%.6g", l + 1, names.get(j), a[l][i][j]));
                }
            }
            System.out.println(sb);
        }
        System.out.println("sigma_u:");
        for (double[] row : fit.sigmaU()) {
            StringBuilder sb = new StringBuilder();
            for (double v : row) {
                sb.append(String.format(Locale.ROOT, " %14.6g", v));
            }
            System.out.println(sb);
        }
        double[][][] fevd = fit.fevd(horizon);
        System.out.printf(Locale.ROOT, "FEVD at step %d (row: variable, column: share due to each orthogonalised shock):%n",
                horizon);
        for (int i = 0; i < names.size(); i++) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s", names.get(i)));
            for (int j = 0; j < names.size(); j++) {
                sb.append(String.format(Locale.ROOT, " %8.4f", fevd[horizon - 1][i][j]));
            }
            System.out.println(sb);
        }
        return 0;
    }
}
