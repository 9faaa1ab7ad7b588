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
 * <li>The profile ℓ*(β) is scanned on a log-spaced grid from 0.1/T to 10⁴·n/T (two points per decade), then the best
 * grid cell is refined by Brent's method on log β to 1e-9. The grid makes the search global in β,
 * the inner problem is globally solved for each β.</li>
 * </ol>
 * Cost: O(n) per profile point (one exponential per event plus a few Newton passes). A fit whose branching ratio
 * α/β is &gt;= 1 is rejected: a non-stationary process has no stationary intensity and the estimate is not usable.
 */
public final class HawkesMle {
    private static final int GRID_PER_DECADE = 2;

    private final double[] t;
    private final double horizon;
    private final int n;
    private final double[] d;
    private int evaluations;
    // results of the last profile evaluation
    private double lastAlpha;
    private double lastBranching = 0.5;

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
        // Brent's method (parabolic interpolation with golden-section safeguard) on the best grid cell
        double a = grid[Math.max(0, best - 1)];
        double b = grid[Math.min(points - 1, best + 1)];
        double logBeta = brentMax(a, b, grid[best], value[best]);
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

    /**
     * Maximises the profile on [a, b] starting from x (value fx) by Brent's method (Brent 1973, "Algorithms for
     * Minimization without Derivatives", ch. 5), to 1e-9 absolute in log β.
     */
    private double brentMax(double a, double b, double x0, double f0) {
        final double c = 0.5 * (3 - Math.sqrt(5));
        double x = x0;
        double w = x0;
        double v = x0;
        double fx = -f0;
        double fw = fx;
        double fv = fx;
        double d = 0;
        double e = 0;
        for (int it = 0; it < 200; it++) {
            double m = 0.5 * (a + b);
            double tol1 = 1e-9 + 1e-12 * Math.abs(x);
            double tol2 = 2 * tol1;
            if (Math.abs(x - m) <= tol2 - 0.5 * (b - a)) {
                break;
            }
            boolean golden = true;
            if (Math.abs(e) > tol1) {
                double r = (x - w) * (fx - fv);
                double q = (x - v) * (fx - fw);
                double p = (x - v) * q - (x - w) * r;
                q = 2 * (q - r);
                if (q > 0) {
                    p = -p;
                } else {
                    q = -q;
                }
                double eOld = e;
                e = d;
                if (Math.abs(p) < Math.abs(0.5 * q * eOld) && p > q * (a - x) && p < q * (b - x)) {
                    d = p / q;
                    double u = x + d;
                    if (u - a < tol2 || b - u < tol2) {
                        d = m > x ? tol1 : -tol1;
                    }
                    golden = false;
                }
            }
            if (golden) {
                e = x >= m ? a - x : b - x;
                d = c * e;
            }
            double u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
            double fu = -profile(Math.exp(u));
            if (fu <= fx) {
                if (u >= x) {
                    a = x;
                } else {
                    b = x;
                }
                v = w;
                fv = fw;
                w = x;
                fw = fx;
                x = u;
                fx = fu;
            } else {
                if (u < x) {
                    a = u;
                } else {
                    b = u;
                }
                if (fu <= fw || w == x) {
                    v = w;
                    fv = fw;
                    w = u;
                    fw = fu;
                } else if (fu <= fv || v == x || v == w) {
                    v = u;
                    fv = fu;
                }
            }
        }
        return x;
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
        }
        double tail = 0;
        int k = n - 1;
        for (; k >= 0; k--) {
            double x = beta * (horizon - t[k]);
            if (x > 40) { // 1 - e^{-x} == 1 in double precision from here on (t is sorted)
                break;
            }
            tail += -Math.expm1(-x);
        }
        tail += k + 1;
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
            alpha = solveInner(base, n / c, beta);
        }
        double ll = -n;
        for (int i = 0; i < n; i++) {
            ll += Math.log(base + alpha * d[i]);
        }
        lastAlpha = alpha;
        if (alpha > 0) {
            lastBranching = alpha / beta;
        }
        return ll;
    }

    /** Root of ℓ'(α) = Σ d_i / (base + α d_i) on (0, hiExclusive), ℓ' decreasing, ℓ'(0) &gt; 0. */
    private double solveInner(double base, double hiExclusive, double beta) {
        double lo = 0;
        double hi = hiExclusive;
        // start from the branching ratio of the previous profile point, which varies slowly with β
        double guess = lastBranching * beta;
        double alpha = guess > 0 && guess < hi ? guess : 0.5 * hi;
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
