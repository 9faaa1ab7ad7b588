package org.eimas.micro.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eimas.micro.domain.market.OrderEventType;
import org.eimas.micro.domain.market.Side;
import org.junit.jupiter.api.Test;

class QueuePositionTest {

    private static double[] a(double... v) {
        return v;
    }

    @Test
    void depletionHandWorked() {
        QueueDepletionModel q = new QueueDepletionModel(1, 1_000);
        q.onBook(0, a(10.00), a(500), a(10.02), a(300));
        q.onBook(10, a(10.00), a(450), a(10.02), a(350));  // bid: 50 depleted; ask grew: 0
        q.onBook(20, a(10.00), a(600), a(10.02), a(100));  // bid grew: 0; ask: 250
        q.onBook(30, a(9.99), a(80), a(10.01), a(40));     // bid fell: old 600 consumed; ask fell (new queue in front): 0
        q.onBook(40, a(10.00), a(70), a(10.02), a(90));    // bid rose: 0; ask rose: old 40 consumed
        assertThat(q.cumulativeDepletion(Side.BUY)).isEqualTo(650);
        assertThat(q.cumulativeDepletion(Side.SELL)).isEqualTo(290);
        // horizon 10: windows start at 0, 10, 20, 30; bid depletions 50, 0, 600, 0
        assertThat(q.fillProbability(Side.BUY, 49, 10)).isEqualTo(0.5);
        assertThat(q.fillProbability(Side.BUY, 50, 10)).isEqualTo(0.25); // must exceed the volume ahead
        assertThat(q.fillProbability(Side.BUY, 0, 40)).isEqualTo(1.0);   // one window [0, 40]: 650
        assertThat(q.fillProbability(Side.BUY, 0, 41)).isNaN();          // no complete horizon
        // modifications: (0->10) 2, (10->20) 2, (20->30) 2, (30->40) 2 over 40 ns, the first pair's excluded
        assertThat(q.modificationRate()).isCloseTo(8 / 40e-9, within(1e-3));
        assertThat(QueueDepletionModel.exponentialBaseline(100, 100)).isCloseTo(Math.exp(-1), within(1e-15));
        assertThat(QueueDepletionModel.exponentialBaseline(5, 0)).isEqualTo(1.0);
    }

    @Test
    void fillProbabilityMatchesLinearScanReference() {
        Random r = new Random(8);
        long hist = 5_000;
        QueueDepletionModel q = new QueueDepletionModel(3, hist);
        List<long[]> snaps = new ArrayList<>(); // ts
        List<Double> dep = new ArrayList<>();
        long t = 0;
        int bid = 1000;
        double prevSz = 0;
        int prevBid = 0;
        double cum = 0;
        for (int i = 0; i < 3000; i++) {
            t += r.nextInt(20);
            int nb = bid + (r.nextInt(5) == 0 ? r.nextInt(3) - 1 : 0);
            double sz = 1 + r.nextInt(300);
            q.onBook(t, a(nb / 100.0, (nb - 1) / 100.0, (nb - 2) / 100.0), a(sz, 5, 5),
                    a((nb + 2) / 100.0, (nb + 3) / 100.0, (nb + 4) / 100.0), a(10, 10, 10));
            if (i > 0) {
                cum += nb == prevBid ? Math.max(0, prevSz - sz) : nb < prevBid ? prevSz : 0;
            }
            prevSz = sz;
            prevBid = nb;
            bid = nb;
            snaps.add(new long[] {t});
            dep.add(cum);
            if (i % 97 == 0) {
                long h = 50 + r.nextInt(300);
                double ahead = r.nextInt(400);
                int windows = 0, hits = 0;
                for (int k = 0; k < snaps.size(); k++) {
                    long tk = snaps.get(k)[0];
                    if (tk < t - hist) {
                        continue;
                    }
                    if (tk + h > t) {
                        break;
                    }
                    int last = k;
                    for (int j = k; j < snaps.size() && snaps.get(j)[0] <= tk + h; j++) {
                        last = j;
                    }
                    windows++;
                    if (dep.get(last) - dep.get(k) > ahead) {
                        hits++;
                    }
                }
                double got = q.fillProbability(Side.BUY, ahead, h);
                if (windows == 0) {
                    assertThat(got).isNaN();
                } else {
                    assertThat(got).as("query at %d", i).isEqualTo((double) hits / windows);
                }
            }
        }
        // a target probability picks a price: the most passive level still reaching it, else bid + tick
        double p1 = q.fillProbability(Side.BUY, q.queueSize(Side.BUY, 1), 200);
        double bestEasy = q.bestPriceFor(Side.BUY, p1 / 2, 200, 0.01);
        assertThat(bestEasy).isLessThanOrEqualTo(q.price(Side.BUY, 1));
        assertThat(q.bestPriceFor(Side.BUY, 1.01, 200, 0.01)).isCloseTo(q.price(Side.BUY, 1) + 0.01, within(1e-12));
    }

    @Test
    void orderQueuePositionHandWorked() {
        OrderQueuePosition o = new OrderQueuePosition(42);
        o.submit(Side.BUY, 10.00, 100, 300);
        o.onMessage(OrderEventType.NEW, 7, Side.BUY, 10.00, 50);        // behind
        o.onMessage(OrderEventType.CANCEL, 3, Side.BUY, 10.00, 40);     // ahead: 260
        o.onMessage(OrderEventType.CANCEL, 7, Side.BUY, 10.00, 10);     // behind: no change
        o.onMessage(OrderEventType.DELETE, 4, Side.BUY, 9.99, 500);     // other price
        o.onMessage(OrderEventType.DELETE, 5, Side.SELL, 10.00, 500);   // other side
        o.onMessage(OrderEventType.EXECUTION, 1, Side.BUY, 10.00, 200); // 60
        o.onMessage(OrderEventType.HIDDEN_EXECUTION, 0, Side.BUY, 10.00, 30); // hidden: no change
        assertThat(o.sharesAhead()).isEqualTo(60);
        o.onMessage(OrderEventType.DELETE, 2, Side.BUY, 10.00, 60);     // 0
        o.onMessage(OrderEventType.EXECUTION, 42, Side.BUY, 10.00, 30);
        assertThat(o.filled()).isEqualTo(30);
        assertThat(o.remaining()).isEqualTo(70);
        assertThat(o.fillsWithVolumeAhead()).isZero();
        assertThat(o.overtaken()).isZero();
        o.onMessage(OrderEventType.EXECUTION, 42, Side.BUY, 10.00, 70);
        assertThat(o.isLive()).isFalse();
        OrderQueuePosition bad = new OrderQueuePosition(1);
        bad.submit(Side.SELL, 5, 10, 100);
        bad.onMessage(OrderEventType.EXECUTION, 1, Side.SELL, 5, 10);   // filled with 100 ahead
        assertThat(bad.fillsWithVolumeAhead()).isEqualTo(1);
        OrderQueuePosition over = new OrderQueuePosition(1);
        over.submit(Side.SELL, 5, 10, 0);
        over.onMessage(OrderEventType.NEW, 2, Side.SELL, 5, 10);
        over.onMessage(OrderEventType.EXECUTION, 2, Side.SELL, 5, 10);  // the order behind filled first
        assertThat(over.overtaken()).isEqualTo(1);
    }

    @Test
    void longSetAgainstHashSet() {
        Random r = new Random(1);
        LongSet s = new LongSet();
        java.util.HashSet<Long> ref = new java.util.HashSet<>();
        for (int i = 0; i < 20000; i++) {
            long k = r.nextInt(3000);
            if (r.nextBoolean()) {
                assertThat(s.add(k)).isEqualTo(ref.add(k));
            } else {
                assertThat(s.remove(k)).isEqualTo(ref.remove(k));
            }
            assertThat(s.size()).isEqualTo(ref.size());
        }
        for (long k = 0; k < 3000; k++) {
            assertThat(s.contains(k)).isEqualTo(ref.contains(k));
        }
    }

    private static List<String> lines(ZipInputStream z) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        z.transferTo(b);
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(b.toByteArray()), StandardCharsets.US_ASCII))) {
            String l;
            while ((l = r.readLine()) != null) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * Real data: LOBSTER AMZN 5-level sample. The first 3000 submissions after the opening second
     * (the opening cross re-submits pre-open orders in one burst, out of priority order) at a price
     * visible in the book before them (or better than the best) are tracked. Under price-time
     * priority a tracked order fills only when nothing is counted ahead of it; the data holds orders
     * that are never removed (stale volume), so a small rate of fills with volume ahead is allowed
     * (measured: 2 of 412).
     */
    @Test
    void lobsterOrdersFillOnlyWhenNothingIsAhead() throws Exception {
        String shared = System.getProperty("eimas.shared.dir");
        assumeTrue(shared != null, "eimas.shared.dir not set");
        Path zip = Path.of(shared, "data", "lobster", "LOBSTER_SampleFile_AMZN_2012-06-21_5.zip");
        assumeTrue(Files.isRegularFile(zip), "LOBSTER sample absent: " + zip);
        List<String> msg = null, book = null;
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (e.getName().contains("message")) {
                    msg = lines(z);
                } else if (e.getName().contains("orderbook")) {
                    book = lines(z);
                }
            }
        }
        assertThat(msg).hasSize(155_935);
        List<OrderQueuePosition> tracked = new ArrayList<>();
        List<OrderQueuePosition> live = new ArrayList<>();
        int maxTracked = 3000;
        long fromTs = 34201;
        long executedTracked = 0;
        for (int i = 1; i < msg.size(); i++) {
            String[] m = msg.get(i).split(",");
            int type = Integer.parseInt(m[1]);
            long id = Long.parseLong(m[2]);
            double size = Double.parseDouble(m[3]);
            long px = Long.parseLong(m[4]);
            Side side = Integer.parseInt(m[5]) == 1 ? Side.BUY : Side.SELL;
            OrderEventType t = switch (type) {
                case 1 -> OrderEventType.NEW;
                case 2 -> OrderEventType.CANCEL;
                case 3 -> OrderEventType.DELETE;
                case 4 -> OrderEventType.EXECUTION;
                case 5 -> OrderEventType.HIDDEN_EXECUTION;
                default -> OrderEventType.HALT;
            };
            for (int k = 0; k < live.size(); k++) {
                OrderQueuePosition o = live.get(k);
                boolean own = o.orderId() == id && t == OrderEventType.EXECUTION;
                o.onMessage(t, id, side, px / 10000.0, size);
                if (own) {
                    executedTracked++;
                }
                if (!o.isLive()) {
                    live.set(k, live.get(live.size() - 1));
                    live.remove(live.size() - 1);
                    k--;
                }
            }
            if (t == OrderEventType.NEW && tracked.size() < maxTracked && Double.parseDouble(m[0]) >= fromTs) {
                String[] b = book.get(i - 1).split(",");
                double ahead = -1;
                long best = Long.parseLong(b[side == Side.BUY ? 2 : 0]);
                if (side == Side.BUY ? px > best : px < best) {
                    ahead = 0;
                }
                for (int lv = 0; lv < 5 && ahead < 0; lv++) {
                    long p = Long.parseLong(b[4 * lv + (side == Side.BUY ? 2 : 0)]);
                    if (p == px) {
                        ahead = Long.parseLong(b[4 * lv + (side == Side.BUY ? 3 : 1)]);
                    }
                }
                if (ahead >= 0) {
                    OrderQueuePosition o = new OrderQueuePosition(id);
                    o.submit(side, px / 10000.0, size, ahead);
                    tracked.add(o);
                    live.add(o);
                }
            }
        }
        long bad = tracked.stream().mapToLong(OrderQueuePosition::fillsWithVolumeAhead).sum();
        assertThat(tracked).hasSize(maxTracked);
        assertThat(executedTracked).as("executions of tracked orders").isGreaterThan(300);
        assertThat((double) bad / executedTracked).as("fills with volume ahead: %d of %d", bad, executedTracked).isLessThan(0.01);
    }
}
