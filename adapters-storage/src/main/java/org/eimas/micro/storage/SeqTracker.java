package org.eimas.micro.storage;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-symbol time order and the occurrence number of a row among rows of the same symbol with the
 * same timestamp: the {@code seq} column of the natural deduplication key {@code (ts, symbol, seq)}.
 * A file ingested twice produces the same keys, so QuestDB's DEDUP UPSERT replaces instead of
 * duplicating. Rows must arrive in non-decreasing time per symbol.
 */
final class SeqTracker {
    private final Map<String, long[]> state = new HashMap<>();
    private String lastSymbol;
    private long[] lastState;

    /** Returns the seq for this row, or -1 when {@code ts} is earlier than the symbol's previous row. */
    int next(String symbol, long ts) {
        long[] st;
        if (symbol == lastSymbol) {
            st = lastState;
        } else {
            st = state.get(symbol);
            if (st == null) {
                st = new long[] {Long.MIN_VALUE, 0};
                state.put(symbol, st);
            }
            lastSymbol = symbol;
            lastState = st;
        }
        if (ts < st[0]) {
            return -1;
        }
        if (ts == st[0]) {
            st[1]++;
        } else {
            st[0] = ts;
            st[1] = 0;
        }
        return (int) st[1];
    }

    /** The previous timestamp of {@code symbol} (for error messages). */
    long lastTs(String symbol) {
        long[] st = state.get(symbol);
        return st == null ? Long.MIN_VALUE : st[0];
    }
}
