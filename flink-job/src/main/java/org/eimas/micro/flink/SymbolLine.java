package org.eimas.micro.flink;

/**
 * One output row of one symbol, already formatted: {@code line} starts with the symbol's row
 * number (1, 2, ...) followed by the output's columns, so that part files can be merged back into
 * one ordered file per symbol and checked for gaps and duplicates.
 */
public final class SymbolLine {
    public String symbol;
    /** Event time of the row, epoch ns (the Kafka record's timestamp, in ms). */
    public long ts;
    public String line;

    public SymbolLine() {
    }

    public SymbolLine(String symbol, long ts, String line) {
        this.symbol = symbol;
        this.ts = ts;
        this.line = line;
    }

    @Override
    public String toString() {
        return symbol + ":" + line;
    }
}
