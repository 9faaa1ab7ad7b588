package org.eimas.micro.domain.paths;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Critical path 12, "Liquidity Cascade", linked from path 18 (the EIMAS design guide, section 8.2).
 * CRITICAL when, at the same observation,
 * <ol>
 *   <li>path 18 is CRITICAL (VPIN and OFI both triggered),</li>
 *   <li>top-5 depth (bid + ask sizes of levels 1-5) collapsed: it is below {@code depthFraction}
 *       (default 0.5) of the median of the previous {@code window} (default 60) depth observations
 *       (the current one excluded, so the collapse does not dilute its own baseline; needs
 *       {@code minObservations} of them), and</li>
 *   <li>the spread widened: path 18's spread z-score is above its threshold.</li>
 * </ol>
 * Action EXIT_ILLIQUID_POSITIONS (this project's choice: the guide names the path but gives no
 * action). O(window) per observation for the median; a trigger is allocated only when raised.
 */
public final class LiquidityCascadePath {
    public static final int PATH = 12;

    private final double depthFraction;
    private final int minObservations;
    private final RollingMedian depthMedian;
    private final int historyCapacity;
    private final ArrayDeque<CascadeTrigger> history = new ArrayDeque<>();

    public LiquidityCascadePath() {
        this(0.5, 60, 11, 1000);
    }

    public LiquidityCascadePath(double depthFraction, int window, int minObservations, int historyCapacity) {
        if (!(depthFraction > 0 && depthFraction < 1)) {
            throw new IllegalArgumentException("depth fraction must be in (0, 1), got " + depthFraction);
        }
        this.depthFraction = depthFraction;
        this.minObservations = minObservations;
        this.depthMedian = new RollingMedian(window);
        this.historyCapacity = historyCapacity;
    }

    /**
     * One observation, after {@link MicrostructureStressPath#update} for the same time.
     *
     * @param stress   what path 18 returned (null when it did not trigger)
     * @param spreadZ  path 18's spread z-score ({@link MicrostructureStressPath#lastSpreadZ()})
     * @param zThreshold spread widening threshold (2.0 in path 18)
     * @param topDepth top-5 bid + ask depth now
     */
    public CascadeTrigger update(long ts, StressTrigger stress, double spreadZ, double zThreshold, double topDepth) {
        double median = depthMedian.count() >= minObservations ? depthMedian.median() : Double.NaN;
        depthMedian.add(topDepth);
        boolean collapse = topDepth < depthFraction * median;
        boolean widening = spreadZ > zThreshold;
        if (stress == null || stress.severity() != Severity.CRITICAL || !collapse || !widening) {
            return null;
        }
        CascadeTrigger t = new CascadeTrigger(ts, stress, topDepth, median, depthFraction, spreadZ,
                "EXIT_ILLIQUID_POSITIONS", "Liquidity cascade: microstructure stress with collapsing depth and widening spread");
        if (historyCapacity > 0) {
            if (history.size() == historyCapacity) {
                history.removeFirst();
            }
            history.addLast(t);
        }
        return t;
    }

    public List<CascadeTrigger> history() {
        return new ArrayList<>(history);
    }
}
