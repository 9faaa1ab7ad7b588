package org.eimas.micro.network;

/**
 * Least squares by Householder QR (Golub &amp; Van Loan, Matrix Computations, 4th ed., Algorithm 5.2.1
 * and section 5.3.3): the design is reduced to {@code Q'X = [R; 0]} by reflectors
 * {@code H_k = I - v v' * 2 / (v'v)}; the coefficients solve {@code R b = (Q'y)[0..n)} and the residual
 * sum of squares is {@code ||(Q'y)[n..m)||^2}. Unlike the normal equations, the conditioning is that
 * of X, not X'X, so columns on scales from 1e-4 to 1e6 fit to full precision.
 *
 * <p>The design is column-major ({@code columns[c][r]}) and is copied; this object holds the
 * factorization and answers any number of right-hand sides.
 */
public final class HouseholderQr {
    /** A column whose reflected diagonal is below this fraction of its original norm is collinear. */
    static final double RANK_TOLERANCE = 1e-10;

    private final int m;
    private final int n;
    /** After factorization: rows [0,k) of column k hold R's column k; rows [k,m) hold the reflector v_k. */
    private final double[][] qr;
    private final double[] rdiag;
    private final double[] vnorm2;

    /**
     * @param columns design columns, each of the same length m &gt;= number of columns
     * @param names   column names, used in error messages (may be null)
     * @throws IllegalArgumentException if a column is collinear with the columns before it
     */
    public HouseholderQr(double[][] columns, String[] names) {
        n = columns.length;
        if (n == 0) {
            throw new IllegalArgumentException("design has no columns");
        }
        m = columns[0].length;
        if (m < n) {
            throw new IllegalArgumentException("design has " + m + " rows for " + n + " columns");
        }
        qr = new double[n][];
        for (int c = 0; c < n; c++) {
            if (columns[c].length != m) {
                throw new IllegalArgumentException("column " + c + " has " + columns[c].length + " rows, expected " + m);
            }
            qr[c] = columns[c].clone();
        }
        rdiag = new double[n];
        vnorm2 = new double[n];
        for (int k = 0; k < n; k++) {
            double norm0 = Math.sqrt(dot(qr[k], qr[k], 0, m));
            for (int j = 0; j < k; j++) {
                reflect(qr[j], vnorm2[j], qr[k], j, m);
            }
            vnorm2[k] = makeReflector(qr[k], k, m);
            rdiag[k] = rdiagOf(qr[k], k, vnorm2[k], m);
            if (!(Math.abs(rdiag[k]) > RANK_TOLERANCE * norm0)) {
                String name = names != null && k < names.length ? "'" + names[k] + "'" : "#" + k;
                throw new IllegalArgumentException("design is rank deficient: column " + name
                        + " is constant or a linear combination of the columns before it");
            }
        }
    }

    public int rows() {
        return m;
    }

    public int columns() {
        return n;
    }

    /** Q'y in a new array. */
    public double[] applyQt(double[] y) {
        if (y.length != m) {
            throw new IllegalArgumentException("y has " + y.length + " rows, expected " + m);
        }
        double[] z = y.clone();
        for (int k = 0; k < n; k++) {
            reflect(qr[k], vnorm2[k], z, k, m);
        }
        return z;
    }

    /** Least-squares coefficients b minimising ||y - X b||. */
    public double[] solve(double[] y) {
        double[] z = applyQt(y);
        double[] b = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int j = i + 1; j < n; j++) {
                s -= r(i, j) * b[j];
            }
            b[i] = s / rdiag[i];
        }
        return b;
    }

    /** Residual sum of squares of the least-squares fit of y. */
    public double rss(double[] y) {
        double[] z = applyQt(y);
        return dot(z, z, n, m);
    }

    /** Element (i, j) of R, i &lt;= j. */
    public double r(int i, int j) {
        if (i == j) {
            return rdiag[i];
        }
        return i < j ? qr[j][i] : 0.0;
    }

    // ---- kernels shared with GrangerTest (package-private, allocation-free) ----

    /**
     * Turns rows [k,m) of {@code col} into the Householder vector v with v'v returned, such that
     * (I - 2vv'/v'v) x = alpha e_1, alpha = -sign(x_0)||x||. The reflected diagonal alpha is recovered
     * by {@link #rdiagOf}. Returns 0 for an all-zero column.
     */
    static double makeReflector(double[] col, int k, int m) {
        double norm = Math.sqrt(dot(col, col, k, m));
        if (norm == 0) {
            return 0;
        }
        double x0 = col[k];
        double alpha = x0 >= 0 ? -norm : norm;
        col[k] = x0 - alpha;
        // v'v = (x0 - alpha)^2 + (norm^2 - x0^2) = 2 norm^2 - 2 x0 alpha = 2 (norm^2 + |x0| norm)
        return 2.0 * (norm * norm + Math.abs(x0) * norm);
    }

    /** The reflected diagonal alpha of the reflector v stored in rows [k,m): v'v = -2 alpha v0. */
    static double rdiagOf(double[] v, int k, double vnorm2, int m) {
        if (vnorm2 == 0) {
            return 0;
        }
        // v0 = x0 - alpha, v'v = 2 (alpha^2 - x0 alpha) = -2 alpha v0  =>  alpha = -v'v / (2 v0)
        return -vnorm2 / (2.0 * v[k]);
    }

    /** target[k,m) -= v (2 v'target / v'v). */
    static void reflect(double[] v, double vnorm2, double[] target, int k, int m) {
        if (vnorm2 == 0) {
            return;
        }
        double s = 2.0 * dot(v, target, k, m) / vnorm2;
        if (s == 0) {
            return;
        }
        for (int r = k; r < m; r++) {
            target[r] -= s * v[r];
        }
    }

    /** Sum of a[r] b[r] over r in [from,to), with four accumulators so the JIT can pipeline it. */
    static double dot(double[] a, double[] b, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int r = from;
        for (; r + 3 < to; r += 4) {
            s0 += a[r] * b[r];
            s1 += a[r + 1] * b[r + 1];
            s2 += a[r + 2] * b[r + 2];
            s3 += a[r + 3] * b[r + 3];
        }
        for (; r < to; r++) {
            s0 += a[r] * b[r];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
