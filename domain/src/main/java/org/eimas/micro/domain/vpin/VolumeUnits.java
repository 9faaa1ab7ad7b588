package org.eimas.micro.domain.vpin;

/**
 * The whole volume units {@link Vpin} counts in: micro-shares for share buckets, cents for dollar
 * buckets, so that bucket boundaries are exact. One definition for every runtime that feeds
 * {@link Vpin} (the single-JVM CLI uses the same constants and rounding).
 */
public final class VolumeUnits {
    /** Share volume is counted in micro-shares so fractional sizes stay exact. */
    public static final long UNITS_PER_SHARE = 1_000_000L;
    /** Dollar volume is counted in cents. */
    public static final long UNITS_PER_DOLLAR = 100L;

    private VolumeUnits() {
    }

    /** Units of one trade: {@code round(size * 1e6)} micro-shares, or {@code round(price * size * 100)} cents. */
    public static long of(double price, double size, boolean dollar) {
        return dollar ? Math.round(price * size * UNITS_PER_DOLLAR) : Math.round(size * UNITS_PER_SHARE);
    }

    /** Units per reported unit (share or dollar). */
    public static long perReported(boolean dollar) {
        return dollar ? UNITS_PER_DOLLAR : UNITS_PER_SHARE;
    }
}
