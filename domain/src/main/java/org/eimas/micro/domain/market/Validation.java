package org.eimas.micro.domain.market;

/** Checks shared by the market value types; every message names the field and the value. */
final class Validation {
    private Validation() {
    }

    static String requireSymbol(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be empty, got '" + symbol + "'");
        }
        return symbol;
    }

    static void requirePrice(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(field + " must be a finite non-negative price, got " + value);
        }
    }

    static void requireSize(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(field + " must be a finite non-negative size, got " + value);
        }
    }
}
