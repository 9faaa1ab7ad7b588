package org.eimas.micro.domain.hawkes;

import java.util.Arrays;

/**
 * Goodness of fit by the time-rescaling theorem (Brown, Barbieri, Ventura, Kass and Frank 2002, "The time-rescaling
 * theorem and its application to neural spike train data analysis", Neural Computation 14, Theorem 1; Bacry,
 * Mastromatteo, Muzy 2015, section 3.4): under the true model the compensator increments
 * τ_i = Λ(t_{i-1}, t_i) = ∫ λ, with t_0 = 0, are i.i.d. Exp(1). For the exponential kernel
 * Λ(0, t_i) = μ t_i + (α/β) (N(t_i⁻) - A_i), with N(t_i⁻) the events strictly before t_i and A_i as in
 * {@link HawkesLikelihood}, so all increments cost O(n). The Kolmogorov-Smirnov statistic is
 * D = max_i max(i/n - F(τ_(i)), F(τ_(i)) - (i-1)/n) with F(x) = 1 - e^{-x}.
 */
public final class HawkesGoodnessOfFit {
    private HawkesGoodnessOfFit() {
    }

    public static double[] compensatorIncrements(double[] events, HawkesParameters p) {
        HawkesEvents.requireSorted(events, 0.0, Double.POSITIVE_INFINITY);
        int n = events.length;
        double[] out = new double[n];
        double mu = p.mu();
        double ratio = p.alpha() / p.beta();
        double beta = p.beta();
        double aLast = 0;
        long tied = 0;
        double lastT = Double.NaN;
        double prevLambda = 0; // Λ(0, t_{i-1})
        for (int i = 0; i < n; i++) {
            double ti = events[i];
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
            long before = i - (tied - 1); // events strictly before ti
            double cum = mu * ti + ratio * (before - a);
            out[i] = Math.max(0.0, cum - prevLambda);
            prevLambda = cum;
        }
        return out;
    }

    /** Kolmogorov-Smirnov distance of the sample from Exp(1). */
    public static double ksStatisticExp1(double[] sample) {
        int n = sample.length;
        if (n == 0) {
            throw new IllegalArgumentException("KS statistic of an empty sample");
        }
        double[] s = sample.clone();
        Arrays.sort(s);
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = -Math.expm1(-s[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return d;
    }

    /**
     * Asymptotic p-value P(D_n &gt; d) from Kolmogorov's distribution with Stephens' correction
     * (√n + 0.12 + 0.11/√n) d (Numerical Recipes, 3rd ed., eq. 14.3.18).
     */
    public static double ksPValue(double d, int n) {
        double sn = Math.sqrt(n);
        double lambda = (sn + 0.12 + 0.11 / sn) * d;
        if (lambda < 0.2) {
            return 1.0;
        }
        double sum = 0;
        for (int k = 1; k <= 100; k++) {
            double term = 2 * ((k & 1) == 1 ? 1 : -1) * Math.exp(-2.0 * k * k * lambda * lambda);
            sum += term;
            if (Math.abs(term) < 1e-16) {
                break;
            }
        }
        return Math.min(1.0, Math.max(0.0, sum));
    }
}
