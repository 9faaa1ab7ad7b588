package org.eimas.micro.flink;

/**
 * One canonical book row (a Flink POJO: public fields, no-arg constructor).
 */
public final class BookRow {
    public long ts;
    public String symbol;
    public double[] bidPx;
    public double[] bidSz;
    public double[] askPx;
    public double[] askSz;

    public BookRow() {
    }

    public int levels() {
        return bidPx.length;
    }
}
