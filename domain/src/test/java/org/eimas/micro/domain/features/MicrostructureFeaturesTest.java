package org.eimas.micro.domain.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.eimas.micro.domain.features.MicrostructureFeatures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eimas.micro.domain.signing.LeeReady;
import org.junit.jupiter.api.Test;

class MicrostructureFeaturesTest {

    @Test
    void handWorkedSample() {
        long s = 1_000_000_000L;
        MicrostructureFeatures f = new MicrostructureFeatures(10 * s, 100, 2, 1);
        f.onBook(0, 1, new double[] {10.00}, new double[] {100}, new double[] {10.02}, new double[] {300});
        assertThat(f.onTrade(1 * s, 10.02, 50)).isEqualTo(1);   // above mid 10.01
        f.onBook(2 * s, 1, new double[] {10.01}, new double[] {40}, new double[] {10.02}, new double[] {300}); // e = +40
        assertThat(f.onTrade(3 * s, 10.01, 150)).isEqualTo(-1); // below mid 10.015
        double[] out = new double[NAMES.length];
        f.sample(5 * s, out);
        assertThat(out[F_OFI]).isEqualTo(40);
        assertThat(out[F_BID_IMB5]).isCloseTo((40 - 300) / 340.0, within(1e-15));
        assertThat(out[F_SPREAD_BPS]).isCloseTo(0.01 / 10.015 * 1e4, within(1e-9));
        assertThat(out[F_TRADE_IMB]).isCloseTo((50 - 150) / 200.0, within(1e-15));
        double r = Math.log(10.015 / 10.01);
        assertThat(out[F_RV]).isCloseTo(Math.abs(r), within(1e-15));
        double vwap = (10.02 * 50 + 10.01 * 150) / 200;
        assertThat(out[F_VWAP_DEV]).isCloseTo((10.015 - vwap) / vwap * 1e4, within(1e-9));
        assertThat(out[F_VPIN]).isCloseTo((0 + 100) / 200.0, within(1e-15)); // buckets: 50b+50s, 100s
        assertThat(out[F_BOOK_RATE]).isEqualTo(0.2);
        assertThat(out[F_TRADE_RATE]).isEqualTo(0.2);
        assertThat(out[F_BUY_RATE]).isEqualTo(0.1);
        // at 12 s: [2 s, 12 s] keeps the second book and the second trade only
        f.sample(12 * s, out);
        assertThat(out[F_OFI]).isEqualTo(40);
        assertThat(out[F_TRADE_IMB]).isEqualTo(-1.0);
        assertThat(out[F_BOOK_RATE]).isEqualTo(0.1);
        f.sample(13 * s + 1, out);
        assertThat(out[F_OFI]).isEqualTo(0);
        assertThat(out[F_TRADE_IMB]).isEqualTo(0);
        assertThat(out[F_RV]).isEqualTo(0);
        assertThat(out[F_VWAP_DEV]).isNaN();
    }

    /** Slow reference: keeps every event and re-sums the window at each sample. */
    @Test
    void matchesResummingReference() {
        Random r = new Random(4);
        long w = 3_000;
        MicrostructureFeatures f = new MicrostructureFeatures(w, 500, 5, 2);
        LeeReady lr = new LeeReady();
        List<double[]> books = new ArrayList<>(); // ts, e1, r2 (NaN for the first), bid, ask, bs, as
        List<double[]> trades = new ArrayList<>(); // ts, price, size, sign
        double prevBid = 0, prevAsk = 0, prevBs = 0, prevAs = 0, prevLogMid = Double.NaN;
        int mid = 2000;
        long t = 0;
        double[] out = new double[NAMES.length];
        for (int i = 0; i < 4000; i++) {
            t += r.nextInt(100);
            if (r.nextInt(3) > 0) {
                mid += r.nextInt(3) - 1;
                double bid = (mid - 1) / 100.0, ask = (mid + 1) / 100.0;
                double bs = 1 + r.nextInt(100), as = 1 + r.nextInt(100);
                f.onBook(t, 2, new double[] {bid, bid - 0.01}, new double[] {bs, 7}, new double[] {ask, ask + 0.01}, new double[] {as, 9});
                double e = 0;
                if (!books.isEmpty()) {
                    e = (bid >= prevBid ? bs : 0) - (bid <= prevBid ? prevBs : 0) - (ask <= prevAsk ? as : 0) + (ask >= prevAsk ? prevAs : 0);
                }
                double lm = Math.log((bid + ask) / 2);
                double r2 = Double.isNaN(prevLogMid) ? Double.NaN : (lm - prevLogMid) * (lm - prevLogMid);
                books.add(new double[] {t, e, r2, bid, ask, bs, as});
                prevBid = bid; prevAsk = ask; prevBs = bs; prevAs = as; prevLogMid = lm;
                lr.onQuote(bid, ask);
            } else {
                double px = (mid + r.nextInt(5) - 2) / 100.0;
                double size = 1 + r.nextInt(200);
                int sign = lr.sign(px);
                assertThat(f.onTrade(t, px, size)).isEqualTo(sign);
                trades.add(new double[] {t, px, size, sign});
            }
            if (i % 7 == 0 && !books.isEmpty()) {
                f.sample(t, out);
                double ofi = 0, rv = 0, nb = 0;
                for (double[] b : books) {
                    if (b[0] >= t - w && b[0] <= t) {
                        ofi += b[1];
                        nb++;
                        if (!Double.isNaN(b[2])) {
                            rv += b[2];
                        }
                    }
                }
                double v = 0, sv = 0, pv = 0, nt = 0, nbuy = 0;
                for (double[] x : trades) {
                    if (x[0] >= t - w && x[0] <= t) {
                        v += x[2];
                        sv += x[3] * x[2];
                        pv += x[1] * x[2];
                        nt++;
                        nbuy += x[3] > 0 ? 1 : 0;
                    }
                }
                double[] last = books.get(books.size() - 1);
                double m = (last[3] + last[4]) / 2;
                assertThat(out[F_OFI]).as("ofi at %d", i).isEqualTo(ofi);
                assertThat(out[F_RV]).isCloseTo(Math.sqrt(rv), within(1e-9));
                assertThat(out[F_TRADE_IMB]).isCloseTo(v > 0 ? sv / v : 0, within(1e-12));
                if (v > 0) {
                    assertThat(out[F_VWAP_DEV]).isCloseTo((m - pv / v) / (pv / v) * 1e4, within(1e-6));
                }
                assertThat(out[F_BOOK_RATE]).isCloseTo(nb / (w / 1e9), within(1e-3));
                assertThat(out[F_TRADE_RATE]).isCloseTo(nt / (w / 1e9), within(1e-3));
                assertThat(out[F_BUY_RATE]).isCloseTo(nbuy / (w / 1e9), within(1e-3));
                assertThat(out[F_BID_IMB5]).isCloseTo((last[5] + 7 - last[6] - 9) / (last[5] + 7 + last[6] + 9), within(1e-12));
                assertThat(out[F_SPREAD_BPS]).isCloseTo((last[4] - last[3]) / m * 1e4, within(1e-9));
            }
        }
    }
}
