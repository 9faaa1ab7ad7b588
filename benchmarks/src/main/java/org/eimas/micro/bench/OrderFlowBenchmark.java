package org.eimas.micro.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.domain.orderflow.OfiRegression;
import org.eimas.micro.domain.orderflow.OrderFlowImbalance;
import org.eimas.micro.domain.orderflow.WindowedSum;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Order-flow models per book snapshot: 5-level OFI, windowed level-1 OFI (10 s window), and the
 * streaming OFI regression (10 s intervals). {@value #N} snapshots per invocation, so events per
 * second = ops/s x {@value #N}. Snapshots are a seeded random walk of a 5-level book (1-cent
 * ticks, ~1 ms apart) held in memory in flat arrays and copied into reused arrays per event, as
 * the CSV reader does (parsing itself is not measured here).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrderFlowBenchmark {
    static final int N = 1 << 16;
    static final int LEVELS = 5;

    // snapshots stored flat (level-major per row), copied into reused arrays per event as the CSV reader does
    double[] flatBidPx = new double[N * LEVELS];
    double[] flatBidSz = new double[N * LEVELS];
    double[] flatAskPx = new double[N * LEVELS];
    double[] flatAskSz = new double[N * LEVELS];
    double[] bp = new double[LEVELS];
    double[] bs = new double[LEVELS];
    double[] ap = new double[LEVELS];
    double[] as = new double[LEVELS];
    long[] ts = new long[N];
    double[] e1 = new double[N];
    OrderFlowImbalance ofi;
    WindowedSum window;
    OfiRegression regression;
    long t0;

    @Setup(Level.Trial)
    public void books() {
        SplittableRandom r = new SplittableRandom(1);
        long mid = 45_000;
        long t = 1_700_000_000_000_000_000L;
        for (int i = 0; i < N; i++) {
            mid += r.nextInt(-1, 2);
            t += r.nextInt(0, 2_000_000);
            ts[i] = t;
            for (int m = 0; m < LEVELS; m++) {
                flatBidPx[i * LEVELS + m] = (mid - 1 - m) / 100.0;
                flatAskPx[i * LEVELS + m] = (mid + 1 + m) / 100.0;
                flatBidSz[i * LEVELS + m] = r.nextInt(1, 1000);
                flatAskSz[i * LEVELS + m] = r.nextInt(1, 1000);
            }
            e1[i] = r.nextInt(-500, 500);
        }
        ofi = new OrderFlowImbalance(LEVELS);
        window = new WindowedSum(10_000_000_000L);
        regression = new OfiRegression(10_000_000_000L, 0.01);
    }

    /** Copies snapshot i into the reused arrays (what the book reader does for every row). */
    private void load(int i) {
        int o = i * LEVELS;
        System.arraycopy(flatBidPx, o, bp, 0, LEVELS);
        System.arraycopy(flatBidSz, o, bs, 0, LEVELS);
        System.arraycopy(flatAskPx, o, ap, 0, LEVELS);
        System.arraycopy(flatAskSz, o, as, 0, LEVELS);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double ofi5Levels() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            load(i);
            s += ofi.update(bp, bs, ap, as);
            s += ofi.ofi(LEVELS);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double windowedOfi() {
        double s = 0;
        long shift = t0;
        for (int i = 0; i < N; i++) {
            long t = ts[i] + shift;
            window.add(t, e1[i]);
            s += window.sum(t);
        }
        t0 += ts[N - 1] - ts[0] + 1; // keep time increasing across invocations
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long regression() {
        long shift = t0;
        for (int i = 0; i < N; i++) {
            regression.update(ts[i] + shift, e1[i], flatBidPx[i * LEVELS], flatAskPx[i * LEVELS]);
        }
        t0 += ts[N - 1] - ts[0] + 1;
        return regression.intervals();
    }
}
