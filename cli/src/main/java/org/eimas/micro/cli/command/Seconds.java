package org.eimas.micro.cli.command;

import java.math.BigDecimal;

/** Second-valued options turned into nanoseconds, and their text as used in column names. */
final class Seconds {
    private Seconds() {
    }

    static long toNanos(String option, String text) {
        BigDecimal s;
        try {
            s = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number of seconds, got '" + text + "'");
        }
        BigDecimal ns = s.movePointRight(9);
        if (s.signum() <= 0 || ns.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(option + " must be a positive number of seconds (at most 9 decimals), got '" + text + "'");
        }
        return ns.longValueExact();
    }

    /** "10" for 10, "0.5" for 0.50, "60" for 6E+1. */
    static String label(String text) {
        return new BigDecimal(text.trim()).stripTrailingZeros().toPlainString();
    }
}
