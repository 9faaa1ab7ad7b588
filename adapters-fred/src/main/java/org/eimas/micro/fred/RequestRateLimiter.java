package org.eimas.micro.fred;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * At most {@code maxRequests} in any sliding window of {@code window}: the times of the last
 * {@code maxRequests} requests are kept in a ring; a request waits until the oldest of them is a
 * full window old. Thread-safe (callers queue on the monitor).
 */
public final class RequestRateLimiter {
    /** Sleeps; a seam so tests run on a simulated clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;

        Sleeper SYSTEM = nanos -> {
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
            }
        };
    }

    private final long windowNanos;
    private final long[] times;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private int head;
    private int filled;

    public RequestRateLimiter(int maxRequests, Duration window, LongSupplier nanoClock, Sleeper sleeper) {
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be >= 1, got " + maxRequests);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        this.windowNanos = window.toNanos();
        this.times = new long[maxRequests];
        this.clock = nanoClock;
        this.sleeper = sleeper;
    }

    /** A limiter on the system's monotonic clock. */
    public static RequestRateLimiter perMinute(int maxRequests) {
        return new RequestRateLimiter(maxRequests, Duration.ofMinutes(1), System::nanoTime, Sleeper.SYSTEM);
    }

    /** Blocks until one more request fits in the window, then counts it; returns the clock reading it counted. */
    public synchronized long acquire() throws InterruptedException {
        long now = clock.getAsLong();
        if (filled == times.length) {
            long oldest = times[head];
            long wait = oldest + windowNanos - now;
            while (wait > 0) {
                sleeper.sleepNanos(wait);
                now = clock.getAsLong();
                wait = oldest + windowNanos - now;
            }
        } else {
            filled++;
        }
        times[head] = now;
        head = (head + 1) % times.length;
        return now;
    }
}
