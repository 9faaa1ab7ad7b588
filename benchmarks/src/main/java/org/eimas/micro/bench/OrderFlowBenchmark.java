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
 * ticks, ~1 ms apart) held in memory, so parsing is not measured here.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrderFlowBenchmark {
    static final int N = 1 << 16;
    static final int LEVELS = 5;

    double[][] bidPx = new double[N][];
    double[][] bidSz = new double[N][];
    double[][] askPx = new double[N][];
    double[][] askSz = new double[N][];
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
            bidPx[i] = new double[LEVELS];
            bidSz[i] = new double[LEVELS];
            askPx[i] = new double[LEVELS];
            askSz[i] = new double[LEVELS];
            for (int m = 0; m < LEVELS; m++) {
                bidPx[i][m] = (mid - 1 - m) / 100.0;
                askPx[i][m] = (mid + 1 + m) / 100.0;
                bidSz[i][m] = r.nextInt(1, 1000);
                askSz[i][m] = r.nextInt(1, 1000);
            }
            e1[i] = r.nextInt(-500, 500);
        }
        ofi = new OrderFlowImbalance(LEVELS);
        window = new WindowedSum(10_000_000_000L);
        regression = new OfiRegression(10_000_000_000L, 0.01);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double ofi5Levels() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += ofi.update(bidPx[i], bidSz[i], askPx[i], askSz[i]);
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
            regression.update(ts[i] + shift, e1[i], bidPx[i][0], askPx[i][0]);
        }
        t0 += ts[N - 1] - ts[0] + 1;
        return regression.intervals();
    }
}
