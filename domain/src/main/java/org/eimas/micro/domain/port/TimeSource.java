package org.eimas.micro.domain.port;

/** The only way domain code learns the current time: passed in, so tests and replays control it. */
@FunctionalInterface
public interface TimeSource {
    /** Current time in epoch nanoseconds, UTC. */
    long nowNanos();
}
