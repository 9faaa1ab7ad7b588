package org.eimas.micro.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.network.GrangerMatrix;
import org.eimas.micro.network.GrangerTest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The full pairwise Granger matrix (issue 5's speed target: 20 variables x 10,000 rows, maxlag 5,
 * under 2 s): 20 * 19 ordered pairs, 5 lags each, single thread. Series are seeded AR(1)s with a few
 * cross links so the numbers are not degenerate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GrangerMatrixBenchmark {
    @Param({"20"})
    int variables;
    @Param({"10000"})
    int rows;
    @Param({"5"})
    int maxlag;

    double[][] series;
    List<String> names;

    @Setup
    public void setup() {
        Random r = new Random(2026);
        series = new double[variables][rows];
        names = new ArrayList<>();
        for (int v = 0; v < variables; v++) {
            names.add("v" + v);
            double scale = Math.pow(10, (v % 11) - 4); // 1e-4 .. 1e6
            for (int t = 0; t < rows; t++) {
                double prev = t > 0 ? series[v][t - 1] : 0;
                double link = (t > 0 && v > 0) ? 0.2 * series[v - 1][t - 1] / Math.pow(10, ((v - 1) % 11) - 4) * scale : 0;
                series[v][t] = 0.5 * prev + link + scale * r.nextGaussian();
            }
        }
    }

    @Benchmark
    public GrangerMatrix fullMatrix() {
        return GrangerTest.matrix(names, series, maxlag);
    }
}
