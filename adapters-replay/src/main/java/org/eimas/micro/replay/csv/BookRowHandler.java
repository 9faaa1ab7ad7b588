package org.eimas.micro.replay.csv;

/**
 * Receives book rows. The four arrays are reused for every row: copy them to keep them.
 * Level i (1-based) is at index i - 1.
 */
@FunctionalInterface
public interface BookRowHandler {
    void onBook(long ts, String symbol, int levels, double[] bidPx, double[] bidSz, double[] askPx, double[] askSz);
}
