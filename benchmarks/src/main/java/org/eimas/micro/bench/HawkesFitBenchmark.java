package org.eimas.micro.bench;

import java.util.concurrent.TimeUnit;
import org.eimas.micro.domain.hawkes.HawkesFit;
import org.eimas.micro.domain.hawkes.HawkesIntensity;
import org.eimas.micro.domain.hawkes.HawkesLikelihood;
import org.eimas.micro.domain.hawkes.HawkesMle;
import org.eimas.micro.domain.hawkes.HawkesParameters;
import org.eimas.micro.domain.hawkes.HawkesSimulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Hawkes process on ~200,000 events simulated with μ = 1, α = 0.6, β = 1.5 on [0, 120000] (seed 1):
 * the maximum-likelihood fit ({@code fit200k}, including the KS statistic), one log-likelihood with gradient
 * ({@code logLikGradient200k}) and the streaming intensity update + query over all events ({@code intensity200k}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HawkesFitBenchmark {
    static final HawkesParameters TRUTH = new HawkesParameters(1.0, 0.6, 1.5);
    static final double HORIZON = 120_000;

    double[] events;
    final double[] gradient = new double[3];

    @Setup(Level.Trial)
    public void simulate() {
        events = HawkesSimulator.simulate(TRUTH, HORIZON, 1);
        System.out.println("\n# events: " + events.length);
    }

    @Benchmark
    public HawkesFit fit200k() {
        return HawkesMle.fit(events, HORIZON);
    }

    @Benchmark
    public double logLikGradient200k() {
        return HawkesLikelihood.logLikelihood(events, HORIZON, TRUTH, gradient) + gradient[2];
    }

    @Benchmark
    public double intensity200k() {
        HawkesIntensity h = new HawkesIntensity(TRUTH);
        double s = 0;
        for (double t : events) {
            s += h.intensityAt(t);
            h.onEvent(t);
        }
        return s;
    }
}
