package org.eimas.micro.fred;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    /** A simulated clock: sleeping advances it. */
    static final class SimClock {
        long now = 1_000;
    }

    @Test
    void neverMoreThanTheLimitInAnySlidingMinuteAndNoNeedlessWaiting() throws Exception {
        SimClock clock = new SimClock();
        RequestRateLimiter limiter = new RequestRateLimiter(110, Duration.ofMinutes(1), () -> clock.now,
                n -> clock.now += n);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            limiter.acquire();
            times.add(clock.now);
            clock.now += 7_000_000L * (i % 5); // callers also take some time of their own
        }
        // slow check: every window [t, t + 1 min) holds at most 110 requests
        for (int i = 0; i < times.size(); i++) {
            int inWindow = 0;
            for (long t : times) {
                if (t >= times.get(i) && t < times.get(i) + MINUTE) {
                    inWindow++;
                }
            }
            assertThat(inWindow).isLessThanOrEqualTo(110);
        }
        // the first 110 go through at once; request 111 waits exactly until request 1 is a minute old
        assertThat(times.get(109) - times.get(0)).isLessThan(MINUTE);
        assertThat(times.get(110)).isEqualTo(times.get(0) + MINUTE);
        // 500 requests need a little over 4 minutes at 110 per minute, not more
        assertThat(times.get(499) - times.get(0)).isBetween(4 * MINUTE, 5 * MINUTE);
    }

    @Test
    void concurrentCallersShareTheLimit() throws Exception {
        long[] now = {0};
        Object lock = new Object();
        RequestRateLimiter limiter = new RequestRateLimiter(5, Duration.ofSeconds(1), () -> {
            synchronized (lock) {
                return now[0];
            }
        }, n -> {
            synchronized (lock) {
                now[0] += n;
            }
        });
        List<Long> times = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread[] ts = new Thread[4];
        for (int k = 0; k < ts.length; k++) {
            ts[k] = new Thread(() -> {
                for (int i = 0; i < 5; i++) {
                    try {
                        times.add(limiter.acquire());
                    } catch (InterruptedException e) {
                        throw new RuntimeException(e);
                    }
                }
            });
            ts[k].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        List<Long> sorted = new ArrayList<>(times);
        java.util.Collections.sort(sorted);
        assertThat(sorted).hasSize(20);
        for (int i = 5; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - 5)).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        }
    }
}
