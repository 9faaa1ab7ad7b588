package org.eimas.micro.cli.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.hawkes.HawkesFit;
import org.eimas.micro.domain.hawkes.HawkesIntensity;
import org.eimas.micro.domain.hawkes.HawkesLikelihood;
import org.eimas.micro.domain.hawkes.HawkesMle;
import org.eimas.micro.domain.hawkes.HawkesParameters;
import org.eimas.micro.domain.hawkes.HawkesSimulator;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.replay.csv.CanonicalCsv;
import org.eimas.micro.replay.csv.CsvTableWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eimas hawkes}: exponential Hawkes process λ(t) = μ + Σ_{t_i<t} α e^{-β(t - t_i)} on event times in seconds. */
@Command(name = "hawkes", mixinStandardHelpOptions = true,
        description = {"Exponential Hawkes process lambda(t) = mu + sum_{t_i < t} alpha exp(-beta (t - t_i))",
                "(Bacry, Mastromatteo, Muzy 2015). Events files have one column t (seconds, sorted)."},
        subcommands = {HawkesCommand.Fit.class, HawkesCommand.LogLik.class, HawkesCommand.Intensity.class,
                HawkesCommand.Simulate.class})
public final class HawkesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Reads column {@code t} of an events file; every cell must be a finite number. */
    static double[] readEvents(Path file) {
        NumericTable table = CanonicalCsv.readTable(file);
        if (!table.columns().contains("t")) {
            throw new IllegalArgumentException(file + ": no column 't' (event times in seconds); columns are "
                    + table.columns());
        }
        double[] t = table.column("t");
        TableInput.requireComplete(file, "t", t);
        for (int i = 1; i < t.length; i++) {
            if (t[i] < t[i - 1]) {
                throw new IllegalArgumentException(file + ": line " + (i + 2) + ", column 't': " + t[i]
                        + " is before the previous event " + t[i - 1] + "; event times must be sorted");
            }
        }
        return t;
    }

    static void print(CommandLine.Model.CommandSpec spec, boolean json, Map<String, Object> out) {
        if (json) {
            Json.print(out);
            return;
        }
        var w = spec.commandLine().getOut();
        for (var e : out.entrySet()) {
            Object v = e.getValue();
            String s = v instanceof Double d ? String.format(Locale.ROOT, "%.10g", d)
                    : v instanceof double[] a ? java.util.Arrays.toString(a) : String.valueOf(v);
            w.printf(Locale.ROOT, "%-18s %s%n", e.getKey(), s);
        }
        w.flush();
    }

    static class ParamOptions {
        @Option(names = "--mu", required = true, description = "Baseline intensity (events per second).")
        double mu;
        @Option(names = "--alpha", required = true, description = "Jump of the intensity at an event.")
        double alpha;
        @Option(names = "--beta", required = true, description = "Decay rate (1/s); branching ratio = alpha/beta.")
        double beta;

        HawkesParameters parameters() {
            return new HawkesParameters(mu, alpha, beta);
        }
    }

    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = "Maximum-likelihood fit of (mu, alpha, beta) on [0, T], with the time-rescaling KS statistic.")
    static final class Fit implements Callable<Integer> {
        @Option(names = "--events", required = true, paramLabel = "FILE") Path events;
        @Option(names = "--horizon", required = true, paramLabel = "T", description = "Observation window [0, T], seconds.") double horizon;
        @Option(names = "--json") boolean json;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            double[] t = readEvents(events);
            HawkesFit f = HawkesMle.fit(t, horizon);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mu", f.mu());
            out.put("alpha", f.alpha());
            out.put("beta", f.beta());
            out.put("branching_ratio", f.branchingRatio());
            out.put("log_likelihood", f.logLikelihood());
            out.put("ks_statistic", f.ksStatistic());
            out.put("ks_pvalue", f.ksPValue());
            out.put("events", f.events());
            out.put("horizon", f.horizon());
            print(spec, json, out);
            return 0;
        }
    }

    @Command(name = "loglik", mixinStandardHelpOptions = true, description = "Exact log-likelihood on [0, T] and its gradient.")
    static final class LogLik implements Callable<Integer> {
        @Option(names = "--events", required = true, paramLabel = "FILE") Path events;
        @Option(names = "--horizon", required = true, paramLabel = "T") double horizon;
        @CommandLine.Mixin ParamOptions params = new ParamOptions();
        @Option(names = "--json") boolean json;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            double[] t = readEvents(events);
            double[] g = new double[3];
            double ll = HawkesLikelihood.logLikelihood(t, horizon, params.parameters(), g);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("log_likelihood", ll);
            out.put("gradient", Map.of("mu", g[0], "alpha", g[1], "beta", g[2]));
            out.put("events", t.length);
            print(spec, json, out);
            return 0;
        }
    }

    @Command(name = "intensity", mixinStandardHelpOptions = true,
            description = "lambda(t) at the given times (events at exactly t are not counted).")
    static final class Intensity implements Callable<Integer> {
        @Option(names = "--events", required = true, paramLabel = "FILE") Path events;
        @CommandLine.Mixin ParamOptions params = new ParamOptions();
        @Option(names = "--at", required = true, split = ",", paramLabel = "t1,t2,...") List<Double> at;
        @Option(names = "--json") boolean json;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            double[] t = readEvents(events);
            double[] q = at.stream().mapToDouble(Double::doubleValue).toArray();
            double[] lambda = HawkesIntensity.intensities(params.parameters(), t, q);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("intensity", lambda);
            out.put("at", q);
            print(spec, json, out);
            return 0;
        }
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = "Exact simulation on [0, T] by Ogata's thinning; writes an events file (column t).")
    static final class Simulate implements Callable<Integer> {
        @CommandLine.Mixin ParamOptions params = new ParamOptions();
        @Option(names = "--horizon", required = true, paramLabel = "T") double horizon;
        @Option(names = "--seed", required = true, paramLabel = "S") long seed;
        @Option(names = "--out", required = true, paramLabel = "FILE") Path out;
        @Option(names = "--json") boolean json;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            double[] t = HawkesSimulator.simulate(params.parameters(), horizon, seed);
            try (CsvTableWriter w = CsvTableWriter.open(out, List.of("t"))) {
                for (double v : t) {
                    w.writeValues(v);
                }
            }
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("events", t.length);
            o.put("horizon", horizon);
            o.put("out", out.toString());
            print(spec, json, o);
            return 0;
        }
    }
}
