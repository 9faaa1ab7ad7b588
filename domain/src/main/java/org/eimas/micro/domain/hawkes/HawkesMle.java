package org.eimas.micro.domain.hawkes;

/**
 * Maximum-likelihood fit of (μ, α, β) of an exponential Hawkes process on [0, T] ({@link HawkesLikelihood}) that finds
 * the global optimum by profiling:
 * <ol>
 * <li>For a fixed β the log-likelihood is concave in (μ, α) (log of a linear function minus a linear compensator).
 * Its maximiser satisfies μ ∂ℓ/∂μ + α ∂ℓ/∂α = 0, i.e. μT + αC(β) = n with C(β) = (1/β) Σ (1 - e^{-β(T - t_i)}),
 * so it lies on the segment μ = (n - αC)/T, α ∈ [0, n/C), where ℓ(α) = Σ log(n/T + α d_i) - n with
 * d_i = A_i - C/T is a concave function of one variable. It is maximised by a safeguarded Newton iteration
 * (bisection when a step leaves the bracket); α = 0 (a Poisson process, μ = n/T) when ℓ'(0) ≤ 0.</li>
 * <li>The profile ℓ*(β) is scanned on a log-spaced grid from 0.1/T to 10⁴·n/T (three points per decade), then the best
 * grid cell is refined by golden-section search on log β to 1e-9 relative. The grid makes the search global in β,
 * the inner problem is globally solved for each β.</li>
 * </ol>
 * Cost: O(n) per profile point (one exponential per event plus a few Newton passes). A fit whose branching ratio
 * α/β is &gt;= 1 is rejected: a non-stationary process has no stationary intensity and the estimate is not usable.
 */
public final class HawkesMle {
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;
    private static final int GRID_PER_DECADE = 3;

    private final double[] t;
    private final double horizon;
    private final int n;
    private final double[] d;
    private int evaluations;
    // results of the last profile evaluation
    private double lastAlpha;
    private double lastLl;

    private HawkesMle(double[] events, double horizon) {
        this.t = events;
        this.horizon = horizon;
        this.n = events.length;
        this.d = new double[n];
    }

    /** Fits and checks stationarity; throws IllegalArgumentException naming the fitted values when α/β &gt;= 1. */
    public static HawkesFit fit(double[] events, double horizon) {
        HawkesFit fit = fitUnchecked(events, horizon);
        if (fit.branchingRatio() >= 1) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "non-stationary Hawkes fit rejected: branching ratio alpha/beta = %.6g >= 1 (mu=%.6g, alpha=%.6g,"
                            + " beta=%.6g); the events on [0, %s] are not a stationary self-exciting process",
                    fit.branchingRatio(), fit.mu(), fit.alpha(), fit.beta(), horizon));
        }
        return fit;
    }

    /** The maximum-likelihood estimate without the stationarity check. */
    public static HawkesFit fitUnchecked(double[] events, double horizon) {
        HawkesEvents.requireHorizon(horizon);
        HawkesEvents.requireSorted(events, 0.0, horizon);
        if (events.length < 2) {
            throw new IllegalArgumentException("a Hawkes fit needs at least 2 events, got " + events.length);
        }
        return new HawkesMle(events, horizon).run();
    }

    private HawkesFit run() {
        double lo = Math.log(0.1 / horizon);
        double hi = Math.log(1e4 * n / horizon);
        int points = Math.max(8, (int) Math.ceil((hi - lo) / Math.log(10) * GRID_PER_DECADE) + 1);
        double step = (hi - lo) / (points - 1);
        double[] grid = new double[points];
        double[] value = new double[points];
        int best = 0;
        for (int k = 0; k < points; k++) {
            grid[k] = lo + k * step;
            value[k] = profile(Math.exp(grid[k]));
            if (value[k] > value[best]) {
                best = k;
            }
        }
        // golden section on [grid[best-1], grid[best+1]] (clipped at the ends)
        double a = grid[Math.max(0, best - 1)];
        double b = grid[Math.min(points - 1, best + 1)];
        double x1 = b - GOLDEN * (b - a);
        double x2 = a + GOLDEN * (b - a);
        double f1 = profile(Math.exp(x1));
        double f2 = profile(Math.exp(x2));
        while (b - a > 1e-9) {
            if (f1 >= f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - GOLDEN * (b - a);
                f1 = profile(Math.exp(x1));
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + GOLDEN * (b - a);
                f2 = profile(Math.exp(x2));
            }
        }
        double logBeta = f1 >= f2 ? x1 : x2;
        double bestLl = Math.max(f1, f2);
        if (value[best] > bestLl) { // the refinement can only improve on the grid; keep the grid point otherwise
            logBeta = grid[best];
        }
        double beta = Math.exp(logBeta);
        double ll = profile(beta);
        double alpha = lastAlpha;
        double c = compensatorTail(beta) / beta;
        double mu = (n - alpha * c) / horizon;
        HawkesParameters p = new HawkesParameters(mu, alpha, beta);
        double exact = HawkesLikelihood.evaluate(t, horizon, mu, alpha, beta, null);
        double[] tau = HawkesGoodnessOfFit.compensatorIncrements(t, p);
        double ks = HawkesGoodnessOfFit.ksStatisticExp1(tau);
        assert Math.abs(exact - ll) <= 1e-6 * (1 + Math.abs(ll)) : exact + " vs " + ll;
        return new HawkesFit(p, exact, ks, HawkesGoodnessOfFit.ksPValue(ks, n), n, horizon, evaluations);
    }

    private double compensatorTail(double beta) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += -Math.expm1(-beta * (horizon - t[i]));
        }
        return s;
    }

    /** max over (μ, α) of ℓ at this β; leaves the maximising α in lastAlpha. */
    private double profile(double beta) {
        evaluations++;
        // A_i with ties sharing the excitation of the events strictly before them
        double aLast = 0;
        long tied = 0;
        double lastT = Double.NaN;
        double tail = 0;
        for (int i = 0; i < n; i++) {
            double ti = t[i];
            double a;
            if (i > 0 && ti == lastT) {
                a = aLast;
                tied++;
            } else {
                a = i == 0 ? 0 : Math.exp(-beta * (ti - lastT)) * (aLast + tied);
                aLast = a;
                tied = 1;
                lastT = ti;
            }
            d[i] = a;
            tail += -Math.expm1(-beta * (horizon - ti));
        }
        double c = tail / beta;
        double cOverT = c / horizon;
        double sumA = 0;
        for (int i = 0; i < n; i++) {
            sumA += d[i];
            d[i] -= cOverT;
        }
        double base = n / horizon;
        double slope0 = sumA / base - c; // ℓ'(0)
        double alpha;
        if (!(slope0 > 0)) {
            alpha = 0;
        } else {
            alpha = solveInner(base, n / c);
        }
        double ll = -n;
        for (int i = 0; i < n; i++) {
            ll += Math.log(base + alpha * d[i]);
        }
        lastAlpha = alpha;
        lastLl = ll;
        return ll;
    }

    /** Root of ℓ'(α) = Σ d_i / (base + α d_i) on (0, hiExclusive), ℓ' decreasing, ℓ'(0) &gt; 0. */
    private double solveInner(double base, double hiExclusive) {
        double lo = 0;
        double hi = hiExclusive;
        double alpha = Double.isNaN(lastAlpha) || lastAlpha <= 0 || lastAlpha >= hi ? 0.5 * hi : lastAlpha;
        for (int it = 0; it < 200; it++) {
            double g = 0;
            double h = 0;
            for (int i = 0; i < n; i++) {
                double di = d[i];
                double inv = 1.0 / (base + alpha * di);
                double r = di * inv;
                g += r;
                h += r * r;
            }
            if (g > 0) {
                lo = alpha;
            } else {
                hi = alpha;
            }
            double next = alpha + g / h;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - alpha) <= 1e-13 * Math.max(alpha, 1e-300) || hi - lo <= 1e-15 * hi) {
                return next;
            }
            alpha = next;
        }
        return alpha;
    }
}
