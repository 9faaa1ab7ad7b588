package org.eimas.micro.domain.paths;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Critical path 18, "Microstructure Stress" (the EIMAS design guide, section 8.1-8.2; VPIN from
 * Easley, López de Prado and O'Hara 2012, OFI from Cont, Kukanov and Stoikov 2014). Fed one
 * observation at a time (e.g. every 5 seconds): the latest VPIN, the OFI of the last interval and
 * the spread.
 *
 * <ul>
 *   <li>VPIN trigger: {@code VPIN > 0.8} (configurable).</li>
 *   <li>OFI trigger: {@code |z| > 2} where z is the OFI observation's z-score over the last 60 OFI
 *       observations, itself included (population sd; needs 11 observations, as the guide's
 *       {@code len > 10}).</li>
 *   <li>Spread trigger: spread z-score over the last 60 spreads {@code > 2} (widening only);
 *       recorded in every trigger and used by path 12, it does not change path 18's severity.</li>
 * </ul>
 *
 * WARNING (TIGHTEN_RISK_LIMITS) when one of VPIN/OFI triggers, CRITICAL (REDUCE_ALL_POSITIONS,
 * linked path 12) when both do. O(1) per observation; a {@link StressTrigger} is allocated only
 * when the path triggers, and the last {@code historyCapacity} triggers are kept.
 */
public final class MicrostructureStressPath {
    public static final int PATH = 18;

    private final double vpinThreshold;
    private final double zThreshold;
    private final RollingZScore ofiZ;
    private final RollingZScore spreadZ;
    private final int historyCapacity;
    private final ArrayDeque<StressTrigger> history;
    private Severity last = Severity.NONE;
    private double lastSpreadZ = Double.NaN;
    private boolean lastSpreadTriggered;

    /** The guide's parameters: VPIN 0.8, z 2.0, 60 observations, 11 needed, 1000 triggers kept. */
    public MicrostructureStressPath() {
        this(0.8, 2.0, 60, 11, 1000);
    }

    public MicrostructureStressPath(double vpinThreshold, double zThreshold, int window, int minObservations, int historyCapacity) {
        this.vpinThreshold = vpinThreshold;
        this.zThreshold = zThreshold;
        this.ofiZ = new RollingZScore(window, minObservations);
        this.spreadZ = new RollingZScore(window, minObservations);
        this.historyCapacity = historyCapacity;
        this.history = new ArrayDeque<>();
    }

    /** One observation; returns the trigger, or null when the path is not triggered. */
    public StressTrigger update(long ts, double vpin, double ofi, double spread) {
        double zo = ofiZ.add(ofi);
        double zs = spreadZ.add(spread);
        boolean v = vpin > vpinThreshold;
        boolean o = Math.abs(zo) > zThreshold;
        boolean s = zs > zThreshold;
        lastSpreadZ = zs;
        lastSpreadTriggered = s;
        if (!v && !o) {
            last = Severity.NONE;
            return null;
        }
        boolean both = v && o;
        last = both ? Severity.CRITICAL : Severity.WARNING;
        StressTrigger t = new StressTrigger(ts, last, vpin, ofi, zo, spread, zs, v, o, s,
                both ? "REDUCE_ALL_POSITIONS" : "TIGHTEN_RISK_LIMITS",
                both ? "Microstructure stress detected - potential liquidity cascade" : "Elevated microstructure stress",
                both ? LiquidityCascadePath.PATH : 0);
        if (historyCapacity > 0) {
            if (history.size() == historyCapacity) {
                history.removeFirst();
            }
            history.addLast(t);
        }
        return t;
    }

    /** Severity of the last observation. */
    public Severity severity() {
        return last;
    }

    /** Spread z-score of the last observation (NaN before enough observations). */
    public double lastSpreadZ() {
        return lastSpreadZ;
    }

    public boolean lastSpreadTriggered() {
        return lastSpreadTriggered;
    }

    public List<StressTrigger> history() {
        return new ArrayList<>(history);
    }
}
