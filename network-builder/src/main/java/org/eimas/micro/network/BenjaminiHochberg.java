package org.eimas.micro.network;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini &amp; Hochberg (1995), "Controlling the false discovery rate", JRSS B 57(1), step-up
 * procedure as adjusted p-values: q_(i) = min_{k &gt;= i} min(1, m p_(k) / k) over the sorted p-values
 * (the same as R's {@code p.adjust(method = "BH")}). Rejecting q &lt; alpha controls the FDR at alpha
 * for independent or positively dependent tests. NaN p-values are not counted and stay NaN.
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    public static double[] adjust(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                if (p[i] < 0 || p[i] > 1) {
                    throw new IllegalArgumentException("p-value " + p[i] + " at index " + i + " is outside [0, 1]");
                }
                order[m++] = i;
            }
        }
        Integer[] idx = Arrays.copyOf(order, m);
        Arrays.sort(idx, Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[p.length];
        Arrays.fill(q, Double.NaN);
        double running = 1.0;
        for (int r = m - 1; r >= 0; r--) {
            double v = Math.min(1.0, p[idx[r]] * m / (r + 1));
            running = Math.min(running, v);
            q[idx[r]] = running;
        }
        return q;
    }
}
