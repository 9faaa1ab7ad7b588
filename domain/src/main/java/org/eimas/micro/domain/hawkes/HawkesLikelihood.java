package org.eimas.micro.domain.hawkes;

/**
 * Exact log-likelihood of an exponential Hawkes process observed on [0, T] (Ozaki 1979, eq. 2.4; Bacry, Mastromatteo,
 * Muzy 2015, section 3.3):
 * <pre>  ℓ = Σ_i log λ(t_i) - μT - (α/β) Σ_i (1 - e^{-β(T - t_i)}),   λ(t_i) = μ + α A_i,
 *   A_i = Σ_{t_j &lt; t_i} e^{-β(t_i - t_j)} = e^{-β(t_i - t_{i-1})} (A_{i-1} + 1)  (Ozaki's recursion)</pre>
 * computed in O(n), with the analytic gradient using B_i = Σ_{t_j &lt; t_i} (t_i - t_j) e^{-β(t_i - t_j)}:
 * <pre>  ∂ℓ/∂μ = Σ 1/λ_i - T
 *   ∂ℓ/∂α = Σ A_i/λ_i - (1/β) Σ (1 - e^{-β(T - t_i)})
 *   ∂ℓ/∂β = -α Σ B_i/λ_i + (α/β²) Σ (1 - e^{-β(T - t_i)}) - (α/β) Σ (T - t_i) e^{-β(T - t_i)}</pre>
 * Events at equal times do not excite each other (strict t_j &lt; t_i), so tied events share A_i and B_i.
 */
public final class HawkesLikelihood {
    private HawkesLikelihood() {
    }

    public static double logLikelihood(double[] events, double horizon, HawkesParameters p) {
        return logLikelihood(events, horizon, p, null);
    }

    /**
     * ℓ and, when {@code gradient} is not null, (∂ℓ/∂μ, ∂ℓ/∂α, ∂ℓ/∂β) written into it. Events must be sorted and
     * lie in [0, T].
     */
    public static double logLikelihood(double[] events, double horizon, HawkesParameters p, double[] gradient) {
        HawkesEvents.requireHorizon(horizon);
        HawkesEvents.requireSorted(events, 0.0, horizon);
        if (gradient != null && gradient.length != 3) {
            throw new IllegalArgumentException("gradient must have length 3, got " + gradient.length);
        }
        return evaluate(events, horizon, p.mu(), p.alpha(), p.beta(), gradient);
    }

    static double evaluate(double[] t, double horizon, double mu, double alpha, double beta, double[] gradient) {
        int n = t.length;
        double sumLog = 0;
        double sumInvL = 0;
        double sumAoverL = 0;
        double sumBoverL = 0;
        double compensatorTail = 0; // Σ (1 - e^{-β(T - t_i)})
        double tailMoment = 0; // Σ (T - t_i) e^{-β(T - t_i)}
        double aLast = 0; // A at lastT from events strictly before it
        double bLast = 0;
        long tied = 0;
        double lastT = Double.NaN;
        for (int i = 0; i < n; i++) {
            double ti = t[i];
            double a;
            double b;
            if (i > 0 && ti == lastT) {
                a = aLast;
                b = bLast;
                tied++;
            } else {
                if (i == 0) {
                    a = 0;
                    b = 0;
                } else {
                    double dt = ti - lastT;
                    double e = Math.exp(-beta * dt);
                    double s = aLast + tied;
                    a = e * s;
                    b = e * (bLast + dt * s);
                }
                aLast = a;
                bLast = b;
                tied = 1;
                lastT = ti;
            }
            double lambda = mu + alpha * a;
            sumLog += Math.log(lambda);
            double tail = horizon - ti;
            double et = Math.exp(-beta * tail);
            compensatorTail += 1 - et;
            if (gradient != null) {
                double inv = 1 / lambda;
                sumInvL += inv;
                sumAoverL += a * inv;
                sumBoverL += b * inv;
                tailMoment += tail * et;
            }
        }
        double ll = sumLog - mu * horizon - alpha / beta * compensatorTail;
        if (gradient != null) {
            gradient[0] = sumInvL - horizon;
            gradient[1] = sumAoverL - compensatorTail / beta;
            gradient[2] = -alpha * sumBoverL + alpha / (beta * beta) * compensatorTail - alpha / beta * tailMoment;
        }
        return ll;
    }
}
