package org.eimas.micro.application.monitor;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eimas.micro.domain.hawkes.OrderFlowHawkes;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.orderflow.OfiSignal;
import org.eimas.micro.domain.orderflow.OrderFlowImbalance;
import org.eimas.micro.domain.orderflow.WindowedSum;
import org.eimas.micro.domain.paths.CascadeTrigger;
import org.eimas.micro.domain.paths.LiquidityCascadePath;
import org.eimas.micro.domain.paths.MicrostructureStressPath;
import org.eimas.micro.domain.paths.Severity;
import org.eimas.micro.domain.paths.StressTrigger;
import org.eimas.micro.domain.signing.TickRule;
import org.eimas.micro.domain.vpin.AlertLevel;
import org.eimas.micro.domain.vpin.CrashAlert;
import org.eimas.micro.domain.vpin.CrashDetector;
import org.eimas.micro.domain.vpin.Vpin;

/**
 * The streaming models of one symbol, updated per event in O(1): multi-level OFI and its trailing
 * window, tick-rule trade signs feeding VPIN and the crash detector, buy/sell trade-arrival Hawkes
 * intensities, top-of-book state. Once per update (the paths' observation interval) the critical
 * paths 18 (microstructure stress: VPIN, the interval's OFI, spread) and 12 (liquidity cascade: path 18
 * CRITICAL with collapsing top-5 depth and widening spread) are evaluated; their statuses go into the
 * update (null while not computable: no spread yet, or no book depth for path 12) and a change to a
 * triggered level becomes an alert. Not thread-safe: the monitor serialises access per symbol.
 */
final class SymbolMonitor {
    private static final long SHARE_UNITS = 1_000_000L; // VPIN volume units: 1e-6 share
    /** Path 18's z threshold, also the spread-widening threshold path 12 uses (design guide: 2). */
    private static final double PATH18_Z = 2.0;

    final String symbol;
    private final MonitorSettings settings;
    private OrderFlowImbalance ofi;
    private final WindowedSum cumOfi;
    private final TickRule tickRule = new TickRule();
    private final Vpin vpin;
    private final CrashDetector crash = CrashDetector.withDefaults();
    private OrderFlowHawkes hawkes;
    private double[] bp;
    private double[] bs;
    private double[] ap;
    private double[] as;
    private double mid = Double.NaN;
    private double spreadBps = Double.NaN;
    private double depthImbalance5 = Double.NaN;
    private double spread = Double.NaN;
    private double topDepth5 = Double.NaN;
    private final MicrostructureStressPath path18 = new MicrostructureStressPath();
    private final LiquidityCascadePath path12 = new LiquidityCascadePath();
    private Severity lastPath18 = Severity.NONE;
    private boolean lastPath12;
    private StressTrigger pendingStress;
    private CascadeTrigger pendingCascade;
    private double ofiSinceUpdate;
    private double buyVolume;
    private double sellVolume;
    private double midAtLastUpdate = Double.NaN;
    private long lastTs;
    private long nextUpdateTs = Long.MIN_VALUE;
    private long trades;
    private long books;
    private AlertLevel lastAlertLevel = AlertLevel.NONE;
    private CrashAlert pendingAlert;

    SymbolMonitor(String symbol, MonitorSettings settings) {
        this.symbol = symbol;
        this.settings = settings;
        this.cumOfi = new WindowedSum(settings.ofiWindowNanos());
        this.vpin = new Vpin(settings.vpinBucketShares() * SHARE_UNITS, settings.vpinBuckets(), SHARE_UNITS);
    }

    /** True when an update is due at this event time. */
    boolean due(long ts) {
        if (nextUpdateTs == Long.MIN_VALUE) {
            nextUpdateTs = Math.floorDiv(ts, settings.updateNanos()) * settings.updateNanos() + settings.updateNanos();
            return false;
        }
        return ts >= nextUpdateTs;
    }

    void onBook(LobSnapshot b) {
        int n = b.levels();
        if (ofi == null || ofi.levels() != n) {
            ofi = new OrderFlowImbalance(n);
            bp = new double[n];
            bs = new double[n];
            ap = new double[n];
            as = new double[n];
        }
        b.copyInto(bp, bs, ap, as);
        double e1 = ofi.update(bp, bs, ap, as);
        cumOfi.add(b.ts(), e1);
        ofiSinceUpdate += e1;
        mid = b.mid();
        spreadBps = b.spreadBps();
        double bd = b.bidDepth(5);
        double ad = b.askDepth(5);
        depthImbalance5 = bd + ad > 0 ? (bd - ad) / (bd + ad) : Double.NaN;
        topDepth5 = bd + ad;
        spread = b.spread();
        lastTs = Math.max(lastTs, b.ts());
        books++;
    }

    void onQuote(long ts, double bid, double ask) {
        mid = 0.5 * (bid + ask);
        spread = ask - bid;
        spreadBps = mid > 0 ? (ask - bid) / mid * 1e4 : Double.NaN;
        lastTs = Math.max(lastTs, ts);
    }

    /** Signs the trade (feed's aggressor when given, else the tick rule) and feeds VPIN and Hawkes. */
    void onTrade(long ts, double price, double size, Side aggressor) {
        int tick = tickRule.sign(price);
        int sign = aggressor == Side.UNKNOWN ? tick : aggressor.sign();
        if (hawkes == null) {
            hawkes = new OrderFlowHawkes(settings.hawkes(), settings.hawkes(), ts);
        }
        hawkes.onEvent(ts, sign > 0 ? Side.BUY : Side.SELL);
        if (sign > 0) {
            buyVolume += size;
        } else {
            sellVolume += size;
        }
        long units = Math.round(size * SHARE_UNITS);
        vpin.addSigned(ts, units, sign, this::onBucket);
        lastTs = Math.max(lastTs, ts);
        trades++;
    }

    private void onBucket(long bucket, long endTs, double buy, double sell, double v) {
        if (Double.isNaN(v)) {
            return;
        }
        CrashAlert a = crash.update(endTs, v);
        AlertLevel level = a == null ? AlertLevel.NONE : a.level();
        if (level != lastAlertLevel && a != null) {
            pendingAlert = a;
        }
        lastAlertLevel = level;
    }

    /** The alert raised since the last call, if the level changed to a non-NONE level. */
    CrashAlert takeAlert() {
        CrashAlert a = pendingAlert;
        pendingAlert = null;
        return a;
    }

    /** The path-18 trigger of the last update if its severity changed to WARNING or CRITICAL, once. */
    StressTrigger takeStress() {
        StressTrigger t = pendingStress;
        pendingStress = null;
        return t;
    }

    /** The path-12 trigger of the last update if the cascade started there, once. */
    CascadeTrigger takeCascade() {
        CascadeTrigger t = pendingCascade;
        pendingCascade = null;
        return t;
    }

    /** The end of the current update interval (the ts the next update carries). */
    long boundary() {
        return nextUpdateTs;
    }

    /**
     * Builds the update as of {@code ts} (the interval boundary) and schedules the next one for the
     * interval that contains {@code nextEventTs}.
     */
    MonitorUpdate update(long ts, long nextEventTs, ForecastProvider forecaster) {
        nextUpdateTs = Math.floorDiv(nextEventTs, settings.updateNanos()) * settings.updateNanos() + settings.updateNanos();
        double cum = cumOfi.sum(ts);
        double hb = hawkes == null ? Double.NaN : hawkes.bidIntensity(ts);
        double hs = hawkes == null ? Double.NaN : hawkes.askIntensity(ts);
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("ofi", ofiSinceUpdate);
        f.put("cum_ofi", cum);
        f.put("spread_bps", spreadBps);
        f.put("depth_imbalance_5", depthImbalance5);
        double tv = buyVolume + sellVolume;
        f.put("trade_imbalance", tv > 0 ? (buyVolume - sellVolume) / tv : 0.0);
        f.put("volume", tv);
        f.put("vpin", vpin.last());
        f.put("hawkes_buy", hb);
        f.put("hawkes_sell", hs);
        f.put("spread", spread);
        f.put("top_depth_5", topDepth5);
        f.put("mid_return_bps", midAtLastUpdate > 0 && mid > 0 ? (mid / midAtLastUpdate - 1) * 1e4 : Double.NaN);
        double forecast = forecaster.forecastBps(symbol, f);
        String direction;
        if (!Double.isNaN(forecast)) {
            direction = forecast > 0 ? "UP" : forecast < 0 ? "DOWN" : "FLAT";
        } else {
            OfiSignal s = OfiSignal.of(cum, settings.ofiThreshold());
            direction = switch (s) {
                case BUY -> "UP";
                case SELL -> "DOWN";
                default -> "FLAT";
            };
        }
        String p18 = null;
        String p12 = null;
        if (Double.isFinite(spread)) {
            StressTrigger st = path18.update(ts, vpin.last(), ofiSinceUpdate, spread);
            Severity sev = path18.severity();
            if (sev != lastPath18 && st != null) {
                pendingStress = st;
            }
            lastPath18 = sev;
            p18 = sev.name();
            if (Double.isFinite(topDepth5)) {
                CascadeTrigger ct = path12.update(ts, st, path18.lastSpreadZ(), PATH18_Z, topDepth5);
                if (ct != null && !lastPath12) {
                    pendingCascade = ct;
                }
                lastPath12 = ct != null;
                p12 = ct != null ? Severity.CRITICAL.name() : Severity.NONE.name();
            }
        }
        MonitorUpdate u = new MonitorUpdate(symbol, ts, mid, spreadBps, ofiSinceUpdate, cum, vpin.last(),
                crash.lastCdf(), lastAlertLevel.name(), p18, p12, hb, hs, forecast, direction, trades, books, f);
        ofiSinceUpdate = 0;
        buyVolume = 0;
        sellVolume = 0;
        midAtLastUpdate = mid;
        return u;
    }

    long lastTs() {
        return lastTs;
    }
}
