package org.eimas.micro.alpaca;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** RFC-3339 timestamps (up to nanoseconds, e.g. {@code 2021-02-22T15:51:45.335689322Z}) to epoch ns and back. */
final class Rfc3339 {
    private Rfc3339() {
    }

    static long toNanos(String s) {
        try {
            Instant i = Instant.parse(s);
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("not an RFC-3339 timestamp: '" + s + "'");
        }
    }

    static String of(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
    }
}
