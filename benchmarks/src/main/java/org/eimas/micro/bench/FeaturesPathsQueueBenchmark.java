package org.eimas.micro.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.domain.features.MicrostructureFeatures;
import org.eimas.micro.domain.market.OrderEventType;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.paths.LiquidityCascadePath;
import org.eimas.micro.domain.paths.MicrostructureStressPath;
import org.eimas.micro.domain.paths.StressTrigger;
import org.eimas.micro.domain.queue.OrderQueuePosition;
import org.eimas.micro.domain.queue.QueueDepletionModel;
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
 * Features (per event: 3 book updates to 1 trade, 5 levels, 20 s window, a sample every 100
 * events), critical paths 18 + 12 (per observation, 60-observation windows), queue depletion model
 * (per 5-level book, 60 s history) and exact order queue position (per message). {@value #N}
 * events per invocation: events per second = ops/s x {@value #N}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FeaturesPathsQueueBenchmark {
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
    double[] px = new double[N];
    double[] size = new double[N];
    double[] vpin = new double[N];
    double[] ofi = new double[N];
    long[] ids = new long[N];
    MicrostructureFeatures features;
    MicrostructureStressPath path18;
    LiquidityCascadePath path12;
    QueueDepletionModel queue;
    OrderQueuePosition order;
    double[] out = new double[MicrostructureFeatures.NAMES.length];
    long shift;

    @Setup(Level.Trial)
    public void data() {
        SplittableRandom r = new SplittableRandom(3);
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
            px[i] = (mid + r.nextInt(-1, 2)) / 100.0;
            size[i] = r.nextInt(1, 500);
            vpin[i] = r.nextDouble();
            ofi[i] = r.nextInt(-1000, 1000);
            ids[i] = r.nextInt(1, 5000);
        }
        features = new MicrostructureFeatures(20_000_000_000L, 10_000, 50, LEVELS);
        path18 = new MicrostructureStressPath();
        path12 = new LiquidityCascadePath();
        queue = new QueueDepletionModel(LEVELS, 60_000_000_000L);
        order = new OrderQueuePosition(Long.MAX_VALUE);
        order.submit(Side.BUY, 450.00, 1e18, 1e18);
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
    public double features() {
        long s = shift;
        for (int i = 0; i < N; i++) {
            long t = ts[i] + s;
            if ((i & 3) == 3) {
                features.onTrade(t, px[i], size[i]);
            } else {
                load(i);
                features.onBook(t, LEVELS, bp, bs, ap, as);
            }
            if (i % 100 == 99) {
                features.sample(t, out);
            }
        }
        shift += ts[N - 1] - ts[0] + 1;
        return out[0];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int criticalPaths() {
        int c = 0;
        for (int i = 0; i < N; i++) {
            int o = i * LEVELS;
            StressTrigger st = path18.update(ts[i], vpin[i], ofi[i], flatAskPx[o] - flatBidPx[o]);
            if (path12.update(ts[i], st, path18.lastSpreadZ(), 2.0, flatBidSz[o] + flatAskSz[o]) != null) {
                c++;
            }
        }
        return c;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double queueDepletion() {
        long s = shift;
        for (int i = 0; i < N; i++) {
            load(i);
            queue.onBook(ts[i] + s, bp, bs, ap, as);
        }
        shift += ts[N - 1] - ts[0] + 1;
        return queue.cumulativeDepletion(Side.BUY);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double orderQueuePosition() {
        for (int i = 0; i < N; i++) {
            OrderEventType type = (i & 3) == 0 ? OrderEventType.NEW : (i & 3) == 1 ? OrderEventType.CANCEL
                    : (i & 3) == 2 ? OrderEventType.DELETE : OrderEventType.EXECUTION;
            order.onMessage(type, ids[i], Side.BUY, 450.00, 1);
        }
        return order.sharesAhead();
    }
}
