package org.eimas.micro.domain.hawkes;

/**
 * Streaming intensity of an exponential Hawkes process ({@link HawkesParameters}), O(1) per event and per query,
 * no allocation: the excitation S(t) = Σ_{t_i &lt; t} e^{-β(t - t_i)} is kept by the recursion
 * S(t) = e^{-β(t - s)} S(s) for t &gt; s (Bacry, Mastromatteo, Muzy 2015, section 3.2; Ogata 1981). Events at the
 * same time do not excite each other: the intensity at the time of an event excludes that event and its ties.
 * Times are doubles in any unit consistent with μ and β (seconds for the CLI) and must not decrease.
 */
public final class HawkesIntensity {
    private final double mu;
    private final double alpha;
    private final double beta;
    private double lastT = Double.NEGATIVE_INFINITY;
    /** Σ e^{-β(lastT - t_i)} over events strictly before lastT. */
    private double before;
    /** events at exactly lastT. */
    private long atLast;
    private long count;

    public HawkesIntensity(HawkesParameters p) {
        this.mu = p.mu();
        this.alpha = p.alpha();
        this.beta = p.beta();
    }

    /** Adds an event at time t (t must be &gt;= the previous event). */
    public void onEvent(double t) {
        if (!(t >= lastT) || Double.isNaN(t)) {
            throw new IllegalArgumentException("event times must not decrease: " + t + " after " + lastT);
        }
        if (t == lastT) {
            atLast++;
        } else {
            before = count == 0 ? 0.0 : Math.exp(-beta * (t - lastT)) * (before + atLast);
            atLast = 1;
            lastT = t;
        }
        count++;
    }

    /** λ(t) for t &gt;= the last event time (events at exactly t are not counted). */
    public double intensityAt(double t) {
        if (count == 0) {
            return mu;
        }
        if (t < lastT) {
            throw new IllegalArgumentException("intensity asked at " + t + " before the last event " + lastT);
        }
        if (t == lastT) {
            return mu + alpha * before;
        }
        return mu + alpha * Math.exp(-beta * (t - lastT)) * (before + atLast);
    }

    /** λ just after the last event (the upper bound used by thinning). */
    public double intensityAfterLastEvent() {
        return count == 0 ? mu : mu + alpha * (before + atLast);
    }

    /**
     * The seed's {@code predict_shock} at time {@code now} (&gt;= the last event) against {@code threshold}
     * (events per unit time); see {@link ShockForecast}.
     */
    public ShockForecast predictShock(double now, double threshold) {
        return ShockForecast.of(parameters(), intensityAt(now), threshold);
    }

    public long events() {
        return count;
    }

    public double lastEventTime() {
        return lastT;
    }

    public HawkesParameters parameters() {
        return new HawkesParameters(mu, alpha, beta);
    }

    /**
     * λ at each query time (any order) given sorted event times: the queries are visited in time order by a merge,
     * O((n + m) + m log m).
     */
    public static double[] intensities(HawkesParameters p, double[] events, double[] at) {
        HawkesEvents.requireSorted(events, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        Integer[] order = new Integer[at.length];
        for (int k = 0; k < at.length; k++) {
            if (Double.isNaN(at[k])) {
                throw new IllegalArgumentException("query time " + k + " is NaN");
            }
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(at[a], at[b]));
        double[] out = new double[at.length];
        HawkesIntensity h = new HawkesIntensity(p);
        int i = 0;
        for (Integer k : order) {
            double t = at[k];
            while (i < events.length && events[i] < t) {
                h.onEvent(events[i++]);
            }
            out[k] = h.intensityAt(t);
        }
        return out;
    }
}
