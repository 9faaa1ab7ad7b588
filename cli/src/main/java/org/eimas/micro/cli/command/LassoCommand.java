package org.eimas.micro.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.learning.ForecastMetrics;
import org.eimas.micro.domain.learning.Lasso;
import org.eimas.micro.domain.learning.LassoCv;
import org.eimas.micro.domain.learning.LassoCvModel;
import org.eimas.micro.domain.learning.LassoModel;
import org.eimas.micro.domain.learning.StandardScaler;
import org.eimas.micro.replay.csv.CanonicalCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eimas lasso}: StandardScaler + Lasso (or LassoCV with time-series folds) on a numeric table. */
@Command(name = "lasso", mixinStandardHelpOptions = true,
        description = {"Fits scikit-learn's StandardScaler + Lasso (objective (1/(2n))||y - Xw - b||^2 + alpha||w||_1)",
                "on a numeric-table CSV; every column but ts and the target is a feature.",
                "With --cv K the penalty is chosen by LassoCV over TimeSeriesSplit(K) folds (100 alphas down to",
                "1e-3 alpha_max); with --train-fraction F the first floor(F n) rows train and the rest are scored."})
public final class LassoCommand implements Callable<Integer> {

    @Option(names = "--table", required = true, paramLabel = "FILE", description = "Numeric-table CSV (plain or .gz).")
    Path table;

    @Option(names = "--target", required = true, paramLabel = "COLUMN", description = "Target column.")
    String target;

    @Option(names = "--alpha", paramLabel = "A", description = "Penalty; repeat for several fits (a warm-started path).")
    List<Double> alphas = new ArrayList<>();

    @Option(names = "--cv", paramLabel = "K", description = "Choose alpha by LassoCV with TimeSeriesSplit(n_splits=K).")
    Integer cv;

    @Option(names = "--train-fraction", paramLabel = "F",
            description = "Fit on the first floor(F n) rows (scaler included) and score the rest out of sample.")
    Double trainFraction;

    @Option(names = "--tol", defaultValue = "1e-4", description = "Duality-gap tolerance, scaled by ||y - mean||^2 (default ${DEFAULT-VALUE}, scikit-learn's).")
    double tol;

    @Option(names = "--max-iter", defaultValue = "1000", description = "Maximum coordinate-descent sweeps (default ${DEFAULT-VALUE}).")
    int maxIter;

    @Option(names = "--n-alphas", defaultValue = "100", description = "Size of the LassoCV alpha grid (default ${DEFAULT-VALUE}).")
    int nAlphas;

    @Option(names = "--json", description = "Print one line of JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (alphas.isEmpty() == (cv == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --alpha A (one or more) or --cv K");
        }
        for (double a : alphas) {
            if (!(a >= 0) || !Double.isFinite(a)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--alpha must be finite and >= 0, got " + a);
            }
        }
        if (trainFraction != null && !(trainFraction > 0 && trainFraction < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--train-fraction must be in (0, 1), got " + trainFraction);
        }
        TableInput in = TableInput.of(table, CanonicalCsv.readTable(table), target);
        int n = in.rows;
        int trainTo = trainFraction == null ? n : (int) Math.floor(trainFraction * n);
        if (trainTo < 2 || (trainFraction != null && trainTo >= n)) {
            throw new IllegalArgumentException(table + ": " + n + " rows leave " + trainTo + " training and "
                    + (n - trainTo) + " test rows");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (cv != null) {
            LassoCvModel.Result r = LassoCvModel.fit(in.features, in.x, in.y, 0, trainTo, cv, nAlphas,
                    LassoCv.DEFAULT_EPS, tol, maxIter);
            out.put("alpha", r.cv().alpha());
            out.put("alphas", r.cv().alphas());
            out.put("cv_mse", r.cv().cvMse());
            putModel(out, r.model());
            putTest(out, r.model(), in, trainTo);
        } else {
            List<Map<String, Object>> fits = new ArrayList<>();
            // the seed's pipeline: one scaler on the training rows, then each alpha (warm-started in the given order)
            StandardScaler scaler = StandardScaler.fit(in.x, 0, trainTo);
            Lasso problem = Lasso.problem(scaler.transform(in.x, 0, trainTo), java.util.Arrays.copyOf(in.y, trainTo),
                    0, trainTo);
            double[] start = null;
            for (double a : alphas) {
                LassoModel m = new LassoModel(in.features, scaler, problem.solve(a, start, tol, maxIter));
                start = m.fit().coefficients();
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("alpha", a);
                putModel(f, m);
                putTest(f, m, in, trainTo);
                fits.add(f);
            }
            out.put("fits", fits);
            if (fits.size() == 1 && fits.get(0).containsKey("test")) {
                out.put("test", fits.get(0).get("test"));
            }
        }
        out.put("rows", n);
        out.put("train_rows", trainTo);
        if (json) {
            Json.print(out);
        } else {
            printText(out);
        }
        return 0;
    }

    private static void putModel(Map<String, Object> out, LassoModel m) {
        out.put("intercept", m.intercept());
        out.put("coefficients", m.coefficients());
        out.put("intercept_original", m.interceptOriginal());
        out.put("coefficients_original", m.coefficientsOriginal());
        out.put("selected", m.selected());
        out.put("n_iter", m.fit().iterations());
        out.put("dual_gap", m.fit().dualGap());
        out.put("converged", m.fit().converged());
    }

    private void putTest(Map<String, Object> out, LassoModel m, TableInput in, int trainTo) {
        if (trainFraction == null) {
            return;
        }
        ForecastMetrics t = m.score(in.x, in.y, trainTo, in.rows);
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("r2", t.r2());
        test.put("rmse", t.rmse());
        test.put("direction_accuracy", t.directionAccuracy());
        test.put("rows", t.n());
        out.put("test", test);
    }

    @SuppressWarnings("unchecked")
    private void printText(Map<String, Object> out) {
        var w = spec.commandLine().getOut();
        List<Map<String, Object>> fits = out.containsKey("fits") ? (List<Map<String, Object>>) out.get("fits") : List.of(out);
        if (out.containsKey("cv_mse")) {
            w.printf(Locale.ROOT, "LassoCV(TimeSeriesSplit(%d)): alpha = %.6g (grid of %d, %d rows train)%n", cv,
                    (Double) out.get("alpha"), ((double[]) out.get("alphas")).length, (Integer) out.get("train_rows"));
        }
        for (Map<String, Object> f : fits) {
            w.printf(Locale.ROOT, "alpha %.6g  intercept %.6g  (%s sweeps, converged %s)%n", (Double) f.get("alpha"),
                    (Double) f.get("intercept"), f.get("n_iter"), f.get("converged"));
            Map<String, Double> c = (Map<String, Double>) f.get("coefficients");
            Map<String, Double> o = (Map<String, Double>) f.get("coefficients_original");
            w.printf(Locale.ROOT, "  %-24s %14s %14s%n", "feature", "standardised", "original");
            for (var e : c.entrySet()) {
                w.printf(Locale.ROOT, "  %-24s %14.6g %14.6g%n", e.getKey(), e.getValue(), o.get(e.getKey()));
            }
            if (f.containsKey("test")) {
                Map<String, Object> t = (Map<String, Object>) f.get("test");
                w.printf(Locale.ROOT, "  test (%s rows): R2 %.4f  RMSE %.6g  direction accuracy %.4f%n", t.get("rows"),
                        (Double) t.get("r2"), (Double) t.get("rmse"), (Double) t.get("direction_accuracy"));
            }
        }
        w.flush();
    }
}
