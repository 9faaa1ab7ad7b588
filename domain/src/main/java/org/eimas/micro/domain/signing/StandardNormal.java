package org.eimas.micro.domain.signing;

/**
 * The standard normal CDF to full double precision, without a library.
 *
 * <p>For {@code |x| < 3}: Marsaglia (2004), "Evaluating the normal distribution", J. Statistical
 * Software 11(4), eq. (2): {@code Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...)}, summed until
 * the terms stop changing the sum (all terms share the sign of x, so there is no cancellation inside
 * the series). For {@code |x| >= 3}: the upper tail {@code Q(x) = phi(x) / (x + 1/(x + 2/(x + 3/(x + ...))))}
 * (Laplace's continued fraction for the Mills ratio; Abramowitz and Stegun 26.2.14), evaluated
 * bottom-up at a fixed depth that converges to double precision for x >= 3; then
 * {@code Phi(x) = 1 - Q(x)} or {@code Q(-x)}. The lower tail keeps full relative precision.
 */
public final class StandardNormal {
    private static final double INV_SQRT_2PI = 0.3989422804014326779399460599343818684758586311649;

    private StandardNormal() {
    }

    /** The standard normal density. */
    public static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** The standard normal CDF Phi(x). NaN gives NaN. */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double a = Math.abs(x);
        if (a < 3) {
            double sum = x;
            double term = x;
            double x2 = x * x;
            for (int k = 3; ; k += 2) {
                term *= x2 / k;
                double next = sum + term;
                if (next == sum) {
                    break;
                }
                sum = next;
            }
            return 0.5 + pdf(x) * sum;
        }
        if (a > 40) {
            return x > 0 ? 1.0 : 0.0;
        }
        double q = upperTail(a);
        return x > 0 ? 1 - q : q;
    }

    /** Q(a) = 1 - Phi(a) for a >= 3 by the continued fraction. */
    private static double upperTail(double a) {
        double f = a;
        for (int k = 200; k >= 1; k--) {
            f = a + k / f;
        }
        return pdf(a) / f;
    }
}
