package org.eimas.micro.cli.command;

import java.nio.file.Path;

/**
 * The commands' models are per instrument and their output has no symbol column: a file must hold
 * one symbol. This check is O(1) per row (the reader reuses the symbol's String).
 */
final class SingleSymbol {
    private final Path file;
    private String symbol;

    SingleSymbol(Path file) {
        this.file = file;
    }

    void check(String sym, long row) {
        if (sym != symbol) {
            if (symbol == null) {
                symbol = sym;
            } else if (!symbol.equals(sym)) {
                throw new IllegalArgumentException(file + ":" + (row + 1) + ": symbol " + sym + " after "
                        + symbol + "; the file must hold one symbol (split it by symbol first)");
            } else {
                symbol = sym;
            }
        }
    }

    String symbol() {
        return symbol;
    }
}
