package org.eimas.micro.alpaca;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with "equal jitter": delay_n = c/2 + U(0, c/2), c = min(max, initial * 2^n). */
final class Backoff {
    private Backoff() {
    }

    static long delayMillis(Duration initial, Duration max, int attempt) {
        double c = Math.min(max.toMillis(), initial.toMillis() * Math.pow(2, Math.min(attempt, 30)));
        return (long) (c / 2 + ThreadLocalRandom.current().nextDouble() * c / 2);
    }
}
