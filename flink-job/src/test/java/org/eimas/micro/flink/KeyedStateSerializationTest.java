package org.eimas.micro.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.eimas.micro.domain.orderflow.WindowedSum;
import org.eimas.micro.domain.signing.TickRule;
import org.eimas.micro.domain.vpin.CrashAlert;
import org.eimas.micro.domain.vpin.CrashDetector;
import org.eimas.micro.domain.vpin.Vpin;
import org.junit.jupiter.api.Test;

/**
 * The keyed state, domain models included, survives Flink's state serializer (what a checkpoint
 * writes): a model serialized in the middle of a stream and restored continues exactly as the
 * uninterrupted one. Also prints the serialized size per symbol (docs/flink.md's sizing).
 */
class KeyedStateSerializationTest {
    static <T> T roundTrip(Class<T> type, T value, int[] size) throws Exception {
        TypeInformation<T> info = TypeInformation.of(type);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        TypeSerializer<T> ser = info.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(1024);
        ser.serialize(value, out);
        size[0] = out.length();
        return ser.deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    }

    /** A random walk of 5-level books, equal ts now and then (10 snapshots per second on average). */
    static List<double[][]> books(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<double[][]> rows = new ArrayList<>();
        long bidTick = 10_000;
        for (int i = 0; i < n; i++) {
            bidTick += r.nextInt(-1, 2);
            long askTick = bidTick + 1 + r.nextInt(0, 2);
            double[][] b = new double[5][5];
            for (int m = 0; m < 5; m++) {
                b[1][m] = (bidTick - m) / 100.0;
                b[2][m] = 100 * r.nextInt(1, 20);
                b[3][m] = (askTick + m) / 100.0;
                b[4][m] = 100 * r.nextInt(1, 20);
            }
            b[0][0] = i * 100_000_000L - (r.nextInt(4) == 0 ? 100_000_000L : 0) + 1_700_000_000_000_000_000L;
            rows.add(b);
        }
        // make ts non-decreasing (an equal ts where the draw went back)
        for (int i = 1; i < n; i++) {
            rows.get(i)[0][0] = Math.max(rows.get(i)[0][0], rows.get(i - 1)[0][0]);
        }
        return rows;
    }

    static String ofiStep(OfiState s, double[][] b) {
        long ts = (long) b[0][0];
        double e1 = s.ofi.update(b[1], b[2], b[3], b[4]);
        StringBuilder sb = new StringBuilder().append(e1);
        for (int m = 2; m <= 5; m++) {
            sb.append(',').append(s.ofi.ofi(m));
        }
        for (WindowedSum w : s.windows) {
            w.add(ts, e1);
            sb.append(',').append(w.sum(ts));
        }
        return sb.toString();
    }

    @Test
    void ofiStateRestoredMidStreamContinuesExactly() throws Exception {
        List<double[][]> rows = books(20_000, 3);
        OfiState a = OfiState.create(5, new long[] {10_000_000_000L, 60_000_000_000L});
        for (int i = 0; i < 12_000; i++) {
            ofiStep(a, rows.get(i));
        }
        int[] size = new int[1];
        OfiState b = roundTrip(OfiState.class, a, size);
        assertThat(b).isNotSameAs(a);
        assertThat(b.ofi).isNotSameAs(a.ofi);
        long nonZero = 0;
        for (int i = 12_000; i < rows.size(); i++) {
            String x = ofiStep(a, rows.get(i));
            assertThat(ofiStep(b, rows.get(i))).as("row " + i).isEqualTo(x);
            nonZero += x.startsWith("0.0,") ? 0 : 1;
        }
        assertThat(nonZero).isGreaterThan(1000);
        System.out.println("state size: OFI, 5 levels, windows 10 s and 60 s holding " + a.windows[1].size()
                + " values: " + size[0] + " bytes");
    }

    @Test
    void vpinStateRestoredMidStreamContinuesExactly() throws Exception {
        SplittableRandom r = new SplittableRandom(5);
        int n = 60_000;
        double[] px = new double[n];
        double[] sz = new double[n];
        long tick = 5000;
        for (int i = 0; i < n; i++) {
            // persistent drift regimes so VPIN moves and alerts fire
            tick += (i / 5000) % 2 == 0 ? r.nextInt(-1, 3) : r.nextInt(-2, 2);
            px[i] = tick / 100.0;
            sz[i] = 100 * r.nextInt(1, 10);
        }
        VpinState a = new VpinState();
        a.tick = new TickRule();
        a.vpin = new Vpin(20_000L * 1_000_000L, 50, 1_000_000);
        a.detector = new CrashDetector(CrashDetector.Basis.CDF, 1000, 50, 12, 0);
        List<String> outA = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            vpinStep(a, i, px[i], sz[i], outA);
        }
        int[] size = new int[1];
        VpinState b = roundTrip(VpinState.class, a, size);
        List<String> outB = new ArrayList<>();
        outA.clear();
        for (int i = 30_000; i < n; i++) {
            vpinStep(a, i, px[i], sz[i], outA);
            vpinStep(b, i, px[i], sz[i], outB);
        }
        assertThat(outB).containsExactlyElementsOf(outA);
        assertThat(outA.stream().filter(s -> s.startsWith("alert")).count()).isPositive();
        assertThat(outA.stream().filter(s -> s.startsWith("bucket")).count()).isGreaterThan(50);
        System.out.println("state size: VPIN (n = 50, CDF history 1000 full: " + a.vpin.buckets() + " buckets) + tick rule + crash detector: "
                + size[0] + " bytes");
    }

    @Test
    void featuresStateRestoredMidStreamContinuesExactly() throws Exception {
        List<double[][]> rows = books(20_000, 9);
        FeaturesState a = new FeaturesState();
        a.features = new org.eimas.micro.domain.features.MicrostructureFeatures(20_000_000_000L, 2_000, 10, 5);
        a.path18 = new org.eimas.micro.domain.paths.MicrostructureStressPath();
        a.path12 = new org.eimas.micro.domain.paths.LiquidityCascadePath();
        SplittableRandom r = new SplittableRandom(4);
        double[] v = new double[org.eimas.micro.domain.features.MicrostructureFeatures.NAMES.length];
        int[] size = new int[1];
        FeaturesState b = null;
        List<String> outA = new ArrayList<>();
        List<String> outB = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (i == 12_000) {
                b = roundTrip(FeaturesState.class, a, size);
                assertThat(b.features).isNotSameAs(a.features);
                outA.clear();
            }
            double[][] bk = rows.get(i);
            long ts = (long) bk[0][0];
            double px = r.nextBoolean() ? bk[3][0] : bk[1][0];
            double sz = 100 * r.nextInt(1, 6);
            for (FeaturesState s : b == null ? List.of(a) : List.of(a, b)) {
                s.features.onTrade(ts, px, sz);
                s.features.onBook(ts, 5, bk[1], bk[2], bk[3], bk[4]);
                if (i % 25 == 0) {
                    s.features.sample(ts, v);
                    (s == a ? outA : outB).add(java.util.Arrays.toString(v) + " " + s.path18.update(ts, v[7], v[0], s.features.spread()));
                }
            }
        }
        assertThat(outB).containsExactlyElementsOf(outA);
        assertThat(outA).hasSizeGreaterThan(100);
        System.out.println("state size: features (W = 20 s, 5 levels, ~10 books/s and 10 trades/s) + paths 18/12: " + size[0] + " bytes");
    }

    static void vpinStep(VpinState s, long ts, double px, double sz, List<String> out) {
        int sign = s.tick.sign(px);
        s.vpin.addSigned(ts, Math.round(sz * 1_000_000), sign, (bucket, endTs, buy, sell, v) -> {
            out.add("bucket " + bucket + " " + endTs + " " + buy + " " + sell + " " + v);
            if (!Double.isNaN(v)) {
                CrashAlert al = s.detector.update(endTs, v);
                if (al != null) {
                    out.add("alert " + al);
                }
            }
        });
    }
}
