package org.eimas.micro.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.domain.learning.Lasso;
import org.eimas.micro.domain.learning.LassoCv;
import org.eimas.micro.domain.learning.LassoFit;
import org.eimas.micro.domain.learning.StandardScaler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * LASSO on a 50,000 × 30 design (seeded, correlated features, 8 true non-zero coefficients): standardisation, the
 * centred Gram matrix and the warm-started path of 100 alphas from alpha_max down to 1e-3·alpha_max
 * ({@code path100}); the same plus 5-fold time-series cross-validation and the refit ({@code lassoCv5}).
 * Times are per whole computation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LassoPathBenchmark {
    static final int ROWS = 50_000;
    static final int FEATURES = 30;

    double[][] x;
    double[] y;

    @Setup(Level.Trial)
    public void data() {
        SplittableRandom r = new SplittableRandom(7);
        x = new double[FEATURES][ROWS];
        y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double common = gaussian(r);
            double s = 0;
            for (int j = 0; j < FEATURES; j++) {
                x[j][i] = 0.6 * common + gaussian(r) * (1 + 0.1 * j) + j;
                if (j % 4 == 0) {
                    s += (j % 8 == 0 ? 0.5 : -0.3) * x[j][i];
                }
            }
            y[i] = s + 2 * gaussian(r);
        }
    }

    static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    @Benchmark
    public LassoFit[] path100() {
        StandardScaler s = StandardScaler.fit(x, 0, ROWS);
        double[][] z = s.transform(x, 0, ROWS);
        Lasso problem = Lasso.problem(z, y, 0, ROWS);
        double[] alphas = LassoCv.alphaGrid(problem.alphaMax(), 100, 1e-3);
        return problem.path(alphas, Lasso.DEFAULT_TOL, Lasso.DEFAULT_MAX_ITER);
    }

    @Benchmark
    public LassoFit[] path100TightTol() {
        StandardScaler s = StandardScaler.fit(x, 0, ROWS);
        double[][] z = s.transform(x, 0, ROWS);
        Lasso problem = Lasso.problem(z, y, 0, ROWS);
        double[] alphas = LassoCv.alphaGrid(problem.alphaMax(), 100, 1e-3);
        return problem.path(alphas, 1e-12, 100_000);
    }

    @Benchmark
    public LassoCv.Result lassoCv5() {
        StandardScaler s = StandardScaler.fit(x, 0, ROWS);
        return LassoCv.fit(s.transform(x, 0, ROWS), y, 5);
    }
}
