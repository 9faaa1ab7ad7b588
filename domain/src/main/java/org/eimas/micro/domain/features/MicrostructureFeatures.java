package org.eimas.micro.domain.features;

import org.eimas.micro.domain.orderflow.OrderFlowImbalance;
import org.eimas.micro.domain.orderflow.WindowedSum;
import org.eimas.micro.domain.signing.LeeReady;
import org.eimas.micro.domain.vpin.BucketListener;
import org.eimas.micro.domain.vpin.Vpin;

/**
 * Rolling microstructure features over a time window W, the inputs of the 1-5 minute forecaster
 * (the EIMAS design guide, section 5.2; OFI after Cont, Kukanov and Stoikov 2014, VPIN after
 * Easley, López de Prado and O'Hara 2012). Every windowed quantity covers events with
 * {@code t - W <= ts <= t}, kept as running sums ({@link WindowedSum}), never re-summed.
 *
 * <p>Values at a sample time t ({@link #sample}, indexes {@code F_*}):
 * <ul>
 *   <li>{@code ofi}: sum of level-1 e_n over the window;</li>
 *   <li>{@code bid_imbalance_5}: (B5 - A5) / (B5 + A5) of the latest book, B5/A5 the bid/ask sizes of levels 1-5 (0 when both are 0);</li>
 *   <li>{@code spread_bps}: (ask - bid) / mid x 1e4 of the latest book;</li>
 *   <li>{@code depth_imbalance}: as bid_imbalance_5 over all levels of the book;</li>
 *   <li>{@code trade_imbalance}: (buy volume - sell volume) / volume of the window's trades, signed by
 *       Lee-Ready against the latest book's best bid/ask (0 without volume);</li>
 *   <li>{@code realized_vol}: sqrt(sum r^2) of the log mid changes r between consecutive books in the window;</li>
 *   <li>{@code vwap_dev_bps}: (mid - VWAP) / VWAP x 1e4, VWAP of the window's trades (NaN without volume);</li>
 *   <li>{@code vpin}: latest VPIN of volume buckets (V shares, n buckets), tick-free: the same Lee-Ready signs;</li>
 *   <li>{@code book_rate}, {@code trade_rate}, {@code buy_rate}, {@code sell_rate}: events per second in the window
 *       (a model-free arrival intensity, no Hawkes fit);</li>
 *   <li>{@code mid}: latest mid.</li>
 * </ul>
 * O(levels) per book, O(1) per trade (amortized), no allocation once the windows have grown.
 */
public final class MicrostructureFeatures {
    public static final String[] NAMES = {"ofi", "bid_imbalance_5", "spread_bps", "depth_imbalance", "trade_imbalance",
        "realized_vol", "vwap_dev_bps", "vpin", "book_rate", "trade_rate", "buy_rate", "sell_rate", "mid"};
    public static final int F_OFI = 0, F_BID_IMB5 = 1, F_SPREAD_BPS = 2, F_DEPTH_IMB = 3, F_TRADE_IMB = 4, F_RV = 5,
        F_VWAP_DEV = 6, F_VPIN = 7, F_BOOK_RATE = 8, F_TRADE_RATE = 9, F_BUY_RATE = 10, F_SELL_RATE = 11, F_MID = 12;

    private final double windowSeconds;
    private final OrderFlowImbalance ofi;
    private final WindowedSum ofiSum;
    private final WindowedSum r2Sum;
    private final WindowedSum bookCount;
    private final WindowedSum volSum;
    private final WindowedSum signedVolSum;
    private final WindowedSum pvSum;
    private final WindowedSum tradeCount;
    private final WindowedSum buyCount;
    private final WindowedSum sellCount;
    private final LeeReady leeReady = new LeeReady();
    private final Vpin vpin;
    private final BucketListener vpinSink;
    private double lastVpin = Double.NaN;

    private boolean haveBook;
    private double bidImb5;
    private double topDepth5;
    private double spread;
    private double spreadBps;
    private double depthImb;
    private double mid;
    private double prevLogMid = Double.NaN;

    /**
     * @param windowNanos      W
     * @param vpinBucketShares V for the VPIN feature, whole shares
     * @param vpinBuckets      n for the VPIN feature
     * @param levels           book levels to use (OFI is level 1; depth uses all)
     */
    public MicrostructureFeatures(long windowNanos, long vpinBucketShares, int vpinBuckets, int levels) {
        if (windowNanos <= 0) {
            throw new IllegalArgumentException("window must be > 0 ns, got " + windowNanos);
        }
        this.windowSeconds = windowNanos / 1e9;
        this.ofi = new OrderFlowImbalance(levels);
        this.ofiSum = new WindowedSum(windowNanos);
        this.r2Sum = new WindowedSum(windowNanos);
        this.bookCount = new WindowedSum(windowNanos);
        this.volSum = new WindowedSum(windowNanos);
        this.signedVolSum = new WindowedSum(windowNanos);
        this.pvSum = new WindowedSum(windowNanos);
        this.tradeCount = new WindowedSum(windowNanos);
        this.buyCount = new WindowedSum(windowNanos);
        this.sellCount = new WindowedSum(windowNanos);
        this.vpin = new Vpin(vpinBucketShares, vpinBuckets, 1);
        this.vpinSink = new VpinSink(this);
    }

    /** Keeps the latest VPIN (a named class, not a lambda, so the model state stays plain fields). */
    private static final class VpinSink implements BucketListener {
        private final MicrostructureFeatures f;

        VpinSink(MicrostructureFeatures f) {
            this.f = f;
        }

        @Override
        public void onBucket(long bucket, long endTs, double buy, double sell, double v) {
            if (!Double.isNaN(v)) {
                f.lastVpin = v;
            }
        }
    }

    /** A book snapshot (arrays of at least {@code levels} entries; read, not kept). */
    public void onBook(long ts, int levels, double[] bp, double[] bs, double[] ap, double[] as) {
        double e1 = ofi.update(bp, bs, ap, as);
        ofiSum.add(ts, e1);
        bookCount.add(ts, 1);
        double b5 = 0, a5 = 0, b = 0, a = 0;
        for (int m = 0; m < levels; m++) {
            if (m < 5) {
                b5 += bs[m];
                a5 += as[m];
            }
            b += bs[m];
            a += as[m];
        }
        bidImb5 = b5 + a5 > 0 ? (b5 - a5) / (b5 + a5) : 0;
        topDepth5 = b5 + a5;
        depthImb = b + a > 0 ? (b - a) / (b + a) : 0;
        double bid = bp[0], ask = ap[0];
        if (bid > 0 && ask > 0) {
            mid = 0.5 * (bid + ask);
            spreadBps = (ask - bid) / mid * 1e4;
            spread = ask - bid;
            double lm = Math.log(mid);
            if (!Double.isNaN(prevLogMid)) {
                double r = lm - prevLogMid;
                r2Sum.add(ts, r * r);
            }
            prevLogMid = lm;
            leeReady.onQuote(bid, ask);
        } else {
            mid = Double.NaN;
            spreadBps = Double.NaN;
            spread = Double.NaN;
        }
        haveBook = true;
    }

    /** A trade; returns its Lee-Ready sign against the latest book. */
    public int onTrade(long ts, double price, double size) {
        int s = leeReady.sign(price);
        volSum.add(ts, size);
        signedVolSum.add(ts, s * size);
        pvSum.add(ts, price * size);
        tradeCount.add(ts, 1);
        buyCount.add(ts, s > 0 ? 1 : 0);
        sellCount.add(ts, s < 0 ? 1 : 0);
        vpin.addSigned(ts, Math.round(size), s, vpinSink);
        return s;
    }

    /** Bid + ask size of levels 1-5 of the latest book (NaN before one). */
    public double topDepth5() {
        return haveBook ? topDepth5 : Double.NaN;
    }

    /** Ask - bid of the latest book (NaN before one, or with an empty side). */
    public double spread() {
        return haveBook ? spread : Double.NaN;
    }

    /** Fills {@code out} (length >= {@link #NAMES}.length) with the features at time t (no event after t given yet). */
    public void sample(long t, double[] out) {
        out[F_OFI] = ofiSum.sum(t);
        out[F_BID_IMB5] = haveBook ? bidImb5 : Double.NaN;
        out[F_SPREAD_BPS] = haveBook ? spreadBps : Double.NaN;
        out[F_DEPTH_IMB] = haveBook ? depthImb : Double.NaN;
        double v = volSum.sum(t);
        double sv = signedVolSum.sum(t);
        double pv = pvSum.sum(t);
        out[F_TRADE_IMB] = v > 0 ? sv / v : 0;
        out[F_RV] = Math.sqrt(Math.max(0, r2Sum.sum(t)));
        double vwap = v > 0 ? pv / v : Double.NaN;
        out[F_VWAP_DEV] = haveBook && v > 0 ? (mid - vwap) / vwap * 1e4 : Double.NaN;
        out[F_VPIN] = lastVpin;
        out[F_BOOK_RATE] = bookCount.sum(t) / windowSeconds;
        out[F_TRADE_RATE] = tradeCount.sum(t) / windowSeconds;
        out[F_BUY_RATE] = buyCount.sum(t) / windowSeconds;
        out[F_SELL_RATE] = sellCount.sum(t) / windowSeconds;
        out[F_MID] = haveBook ? mid : Double.NaN;
    }
}
