package org.eimas.micro.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.domain.signing.BulkVolumeClassifier;
import org.eimas.micro.domain.signing.LeeReady;
import org.eimas.micro.domain.signing.TickRule;
import org.eimas.micro.domain.vpin.BucketListener;
import org.eimas.micro.domain.vpin.CrashDetector;
import org.eimas.micro.domain.vpin.Vpin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Trade-side models per trade: tick rule, Lee-Ready (a quote every 4th event), BVC bar
 * aggregation, and VPIN (tick-rule signing included: the whole per-trade path of {@code eimas vpin})
 * with V = 10,000 shares and n = 50. {@value #N} trades per invocation: events per second =
 * ops/s x {@value #N}. Trades are a seeded random walk held in memory (no parsing).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VpinBenchmark {
    static final int N = 1 << 16;

    long[] ts = new long[N];
    double[] px = new double[N];
    long[] units = new long[N];
    int[] sign = new int[N];
    TickRule tick;
    LeeReady leeReady;
    Vpin vpin;
    BulkVolumeClassifier bvc;
    CrashDetector detector;
    double[] vpins = new double[N];
    Blackhole bh;
    BucketListener listener;

    @Setup(Level.Trial)
    public void trades(Blackhole bh) {
        this.bh = bh;
        SplittableRandom r = new SplittableRandom(2);
        long cents = 45_000;
        long t = 1_700_000_000_000_000_000L;
        for (int i = 0; i < N; i++) {
            cents += r.nextInt(-1, 2);
            t += r.nextInt(0, 2_000_000);
            ts[i] = t;
            px[i] = cents / 100.0;
            units[i] = (1 + r.nextInt(0, 500)) * 1_000_000L;
            sign[i] = r.nextBoolean() ? 1 : -1;
            vpins[i] = r.nextDouble();
        }
        tick = new TickRule();
        leeReady = new LeeReady();
        vpin = new Vpin(10_000L * 1_000_000L, 50, 1e6);
        bvc = new BulkVolumeClassifier(60_000_000_000L);
        detector = new CrashDetector(CrashDetector.Basis.CDF, 1000, 50, 12, 1000);
        listener = (b, e, buy, sell, v) -> bh.consume(v);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long tickRule() {
        long s = 0;
        for (int i = 0; i < N; i++) {
            s += tick.sign(px[i]);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long leeReady() {
        long s = 0;
        for (int i = 0; i < N; i++) {
            if ((i & 3) == 0) {
                leeReady.onQuote(px[i] - 0.01, px[i] + 0.01);
            }
            s += leeReady.sign(px[i]);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long vpinTickSigned() {
        long c = 0;
        for (int i = 0; i < N; i++) {
            c += vpin.addSigned(ts[i], units[i], tick.sign(px[i]), listener);
        }
        return c;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long vpinPresigned() {
        long c = 0;
        for (int i = 0; i < N; i++) {
            c += vpin.addSigned(ts[i], units[i], sign[i], listener);
        }
        return c;
    }

    /** Per VPIN value (once per bucket in use), H = 1000. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int crashDetector() {
        int a = 0;
        for (int i = 0; i < N; i++) {
            if (detector.update(ts[i], vpins[i]) != null) {
                a++;
            }
        }
        return a;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int bvcAggregate() {
        BulkVolumeClassifier b = new BulkVolumeClassifier(60_000_000_000L);
        for (int i = 0; i < N; i++) {
            b.add(ts[i], px[i], units[i]);
        }
        b.classify();
        return b.bars();
    }
}
