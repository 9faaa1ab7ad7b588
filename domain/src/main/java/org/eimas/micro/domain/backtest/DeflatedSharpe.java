package org.eimas.micro.domain.backtest;

import org.eimas.micro.domain.stats.NormalDistribution;

/**
 * The deflated Sharpe ratio of Bailey and López de Prado (2014), "The Deflated Sharpe Ratio:
 * Correcting for Selection Bias, Backtest Overfitting and Non-Normality", eq. (2) with the expected
 * maximum Sharpe ratio of eq. (3):
 * <pre>
 *   SR0 = sqrt(V[SR]) * ((1 - g) Z^-1(1 - 1/N) + g Z^-1(1 - 1/(N e)))     g = 0.5772156649 (Euler-Mascheroni)
 *   DSR = Z( (SR - SR0) sqrt(T - 1) / sqrt(1 - skew SR + (kurt - 1)/4 SR^2) )
 * </pre>
 * with SR the per-period (not annualised) Sharpe ratio of the selected strategy, T its number of
 * returns, skew and kurt (non-excess) their sample skewness and kurtosis, N the number of independent
 * configurations tried and V[SR] the variance of their per-period Sharpe ratios. With N = 1, SR0 = 0 and
 * the DSR is the probabilistic Sharpe ratio against 0.
 */
public final class DeflatedSharpe {
    private static final double EULER_GAMMA = 0.5772156649015329;

    private DeflatedSharpe() {
    }

    /** Expected maximum of N per-period Sharpe ratios under the null (eq. 3). */
    public static double expectedMaxSharpe(int trials, double varianceOfSharpes) {
        if (trials < 1) {
            throw new IllegalArgumentException("number of trials must be >= 1, got " + trials);
        }
        if (trials == 1) {
            return 0;
        }
        double n = trials;
        return Math.sqrt(varianceOfSharpes) * ((1 - EULER_GAMMA) * NormalDistribution.inverseCdf(1 - 1 / n)
                + EULER_GAMMA * NormalDistribution.inverseCdf(1 - 1 / (n * Math.E)));
    }

    /** DSR of the returns, given the number of configurations tried and the variance of their Sharpe ratios. */
    public static double deflatedSharpe(double[] returns, int trials, double varianceOfSharpes) {
        int t = returns.length;
        if (t < 3) {
            throw new IllegalArgumentException("need at least 3 returns, got " + t);
        }
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean /= t;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double r : returns) {
            double d = r - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        m2 /= t;
        m3 /= t;
        m4 /= t;
        if (m2 == 0) {
            return Double.NaN;
        }
        double sd = Math.sqrt(m2 * t / (t - 1));
        double sr = mean / sd;
        double skew = m3 / Math.pow(m2, 1.5);
        double kurt = m4 / (m2 * m2);
        double sr0 = expectedMaxSharpe(trials, varianceOfSharpes);
        double denom = 1 - skew * sr + (kurt - 1) / 4 * sr * sr;
        if (denom <= 0) {
            return Double.NaN;
        }
        return NormalDistribution.cdf((sr - sr0) * Math.sqrt(t - 1) / Math.sqrt(denom));
    }
}
