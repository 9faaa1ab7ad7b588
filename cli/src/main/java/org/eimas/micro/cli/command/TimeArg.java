package org.eimas.micro.cli.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the CLI's time and interval arguments. */
final class TimeArg {
    private TimeArg() {
    }

    /**
     * A point in time as epoch nanoseconds: an integer (epoch nanoseconds), an ISO-8601 instant
     * ({@code 2012-06-21T13:30:00Z}, fractions to the nanosecond) or a date ({@code 2012-06-21},
     * midnight UTC).
     */
    static long parseTime(String option, String text) {
        String t = text.trim();
        if (t.matches("-?\\d+")) {
            return Long.parseLong(t);
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
            }
            Instant i = Instant.parse(t);
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(option + " '" + text
                    + "' is not a time: give epoch nanoseconds, an ISO instant like 2012-06-21T13:30:00Z or a date like 2012-06-21");
        }
    }

    /** An interval like {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h} in nanoseconds. */
    static long parseInterval(String option, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(option + " '" + text + "' is not an interval: use e.g. 1m, 5m, 15m, 30s, 1h, 250ms");
        }
        long n = Long.parseLong(m.group(1));
        long unit = switch (m.group(2)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
        return Math.multiplyExact(n, unit);
    }
}
