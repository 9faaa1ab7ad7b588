package org.eimas.micro.flink;

/** One canonical trade row (a Flink POJO). {@code bid}/{@code ask} are NaN when the file has no quote columns. */
public final class TradeRow {
    public long ts;
    public String symbol;
    public double price;
    public double size;
    public double bid;
    public double ask;

    public TradeRow() {
    }
}
