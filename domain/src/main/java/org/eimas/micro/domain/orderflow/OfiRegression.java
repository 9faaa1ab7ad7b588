package org.eimas.micro.domain.orderflow;

import org.eimas.micro.domain.market.PriceUnits;

/**
 * Streaming estimate of the contemporaneous OFI regression of Cont, Kukanov and Stoikov (2014),
 * eq. (6) {@code dP_k = c + beta * OFI_k + eps_k}, the design of their Table 2.
 *
 * <p>Time is split into intervals of S seconds aligned to the epoch ({@code k = floor(ts / S)});
 * intervals without snapshots do not exist. The first non-empty interval is dropped (it has no
 * previous price). For every other interval k, {@code OFI_k} is the sum of level-1 e_n over the
 * snapshots in k and {@code dP_k = (mid of the last snapshot in k - mid of the last snapshot of the
 * previous non-empty interval) / tick}. Mid differences are taken on exact integer prices
 * ({@link PriceUnits}) before the division by the tick.
 *
 * <p>OLS by running co-moments (Welford's updates), O(1) per snapshot, no allocation:
 * {@code beta = Sxy / Sxx}, {@code c = mean(dP) - beta mean(OFI)}, {@code R^2 = Sxy^2 / (Sxx Syy)}.
 */
public final class OfiRegression {
    private final long intervalNanos;
    private final double tick;
    private final double twoTickUnits;

    private boolean any;
    private long interval;
    private double ofiAcc;
    private long lastMidSum;
    private boolean havePrev;
    private long prevMidSum;

    private long n;
    private double meanX;
    private double meanY;
    private double cxx;
    private double cyy;
    private double cxy;

    /**
     * @param intervalNanos interval length S in ns (> 0)
     * @param tick          tick size (> 0), e.g. 0.01
     */
    public OfiRegression(long intervalNanos, double tick) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be > 0 ns, got " + intervalNanos);
        }
        if (!(tick > 0) || Double.isInfinite(tick)) {
            throw new IllegalArgumentException("tick must be a positive number, got " + tick);
        }
        this.intervalNanos = intervalNanos;
        this.tick = tick;
        this.twoTickUnits = 2.0 * tick * PriceUnits.SCALE;
    }

    /**
     * Takes one snapshot: its time, its level-1 e_n (from {@link OrderFlowImbalance}) and its best
     * bid and ask. Timestamps must not decrease.
     */
    public void update(long ts, double e1, double bestBid, double bestAsk) {
        long k = Math.floorDiv(ts, intervalNanos);
        long midSum = PriceUnits.of(bestBid) + PriceUnits.of(bestAsk);
        if (!any) {
            any = true;
            interval = k;
        } else if (k != interval) {
            if (k < interval) {
                throw new IllegalArgumentException("timestamps must not decrease: interval " + k + " after " + interval);
            }
            closeInterval();
            interval = k;
        }
        ofiAcc += e1;
        lastMidSum = midSum;
    }

    private void closeInterval() {
        if (havePrev) {
            addPoint(ofiAcc, (lastMidSum - prevMidSum) / twoTickUnits);
        }
        havePrev = true;
        prevMidSum = lastMidSum;
        ofiAcc = 0;
    }

    private void addPoint(double x, double y) {
        n++;
        double dx = x - meanX;
        double dy = y - meanY;
        meanX += dx / n;
        meanY += dy / n;
        cxx += dx * (x - meanX);
        cyy += dy * (y - meanY);
        cxy += dx * (y - meanY);
    }

    /**
     * The fit over all intervals so far, the open (last) interval included. Needs at least two
     * intervals after the dropped first one and some variation of OFI across them.
     */
    public OfiFit fit() {
        long n0 = n;
        double mx = meanX;
        double my = meanY;
        double sxx = cxx;
        double syy = cyy;
        double sxy = cxy;
        if (any && havePrev) {
            // include the open interval without closing it
            double x = ofiAcc;
            double y = (lastMidSum - prevMidSum) / twoTickUnits;
            n0++;
            double dx = x - mx;
            double dy = y - my;
            mx += dx / n0;
            my += dy / n0;
            sxx += dx * (x - mx);
            syy += dy * (y - my);
            sxy += dx * (y - my);
        }
        if (n0 < 2) {
            throw new IllegalStateException("the regression needs at least 2 intervals after the first, got " + n0);
        }
        if (!(sxx > 0)) {
            throw new IllegalStateException("OFI does not vary across the " + n0 + " intervals: beta is undefined");
        }
        double beta = sxy / sxx;
        double c = my - beta * mx;
        double r2 = syy > 0 ? sxy * sxy / (sxx * syy) : Double.NaN;
        return new OfiFit(beta, c, r2, n0, tick);
    }

    /** OFI accumulated so far in the current (last) interval. */
    public double currentIntervalOfi() {
        return ofiAcc;
    }

    /** Mid of the last snapshot (NaN before the first). */
    public double lastMid() {
        return any ? lastMidSum / (2.0 * PriceUnits.SCALE) : Double.NaN;
    }

    /** Number of intervals fitted so far (the open one included). */
    public long intervals() {
        return n + (any && havePrev ? 1 : 0);
    }
}
