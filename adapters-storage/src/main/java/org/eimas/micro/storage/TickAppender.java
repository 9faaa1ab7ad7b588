package org.eimas.micro.storage;

import io.questdb.cairo.TableWriter;
import io.questdb.cairo.TableWriterAPI;
import io.questdb.cairo.sql.TableRecordMetadata;
import org.eimas.micro.domain.market.OrderEventType;
import org.eimas.micro.domain.market.Side;

/**
 * Streams rows of one tick table into the store: validates each row, writes it to the table's WAL
 * writer and commits every {@code batchRows} rows. A committed batch is durable (it survives a
 * SIGKILL and is applied at the next start); an uncommitted one is rolled back on {@link #close()}
 * unless {@link #finish()} committed it. A rejected row throws {@link RejectedRowException} before
 * anything of it is written, and the appender is then unusable: close it to roll the batch back.
 *
 * <p>Per row: no allocation; symbols are looked up by the writer's symbol map.
 * Not thread-safe; one appender per table at a time.
 */
public final class TickAppender implements AutoCloseable {
    /** Which table an appender writes. */
    public enum Kind { TRADES, QUOTES, BOOKS, ORDER_EVENTS }

    private final QuestDbTickStore store;
    private final Kind kind;
    private final TableWriterAPI writer;
    private final int batchRows;
    private final int levels;
    private final SeqTracker seq = new SeqTracker();
    private final int cSymbol;
    private final int cSeq;
    private final int[] c;
    private long rows;
    private long committed;
    private int pending;
    private boolean failed;
    private boolean closed;

    TickAppender(QuestDbTickStore store, Kind kind, TableWriterAPI writer, int batchRows, int levels) {
        if (batchRows <= 0) {
            throw new IllegalArgumentException("batchRows must be positive, got " + batchRows);
        }
        this.store = store;
        this.kind = kind;
        this.writer = writer;
        this.batchRows = batchRows;
        this.levels = levels;
        TableRecordMetadata m = writer.getMetadata();
        this.cSymbol = m.getColumnIndex("symbol");
        this.cSeq = m.getColumnIndex("seq");
        switch (kind) {
            case TRADES -> c = new int[] {m.getColumnIndex("price"), m.getColumnIndex("size"),
                    m.getColumnIndex("aggressor"), m.getColumnIndex("bid"), m.getColumnIndex("ask")};
            case QUOTES -> c = new int[] {m.getColumnIndex("bid"), m.getColumnIndex("ask"),
                    m.getColumnIndex("bid_size"), m.getColumnIndex("ask_size")};
            case ORDER_EVENTS -> c = new int[] {m.getColumnIndex("event_type"), m.getColumnIndex("side"),
                    m.getColumnIndex("price"), m.getColumnIndex("size"), m.getColumnIndex("order_id")};
            case BOOKS -> {
                c = new int[1 + 4 * levels];
                c[0] = m.getColumnIndex("levels");
                for (int i = 1; i <= levels; i++) {
                    c[4 * i - 3] = m.getColumnIndex("bid_px_" + i);
                    c[4 * i - 2] = m.getColumnIndex("bid_sz_" + i);
                    c[4 * i - 1] = m.getColumnIndex("ask_px_" + i);
                    c[4 * i] = m.getColumnIndex("ask_sz_" + i);
                }
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** Number of book levels this appender accepts (BOOKS only). */
    public int levels() {
        return levels;
    }

    /**
     * A trade. {@code bid}/{@code ask} are the prevailing quote when the source has it, else NaN.
     * {@code aggressor} is +1 buy, -1 sell, 0 unknown.
     */
    public void trade(long ts, String symbol, double price, double size, double bid, double ask, int aggressor) {
        check(Kind.TRADES);
        long row = rows + 1;
        requireTs(row, ts);
        requirePrice(row, "price", price);
        requireSize(row, "size", size);
        requireOptionalPrice(row, "bid", bid);
        requireOptionalPrice(row, "ask", ask);
        if (aggressor < -1 || aggressor > 1) {
            reject(row, "aggressor must be -1, 0 or 1, got " + aggressor);
        }
        TableWriter.Row r = begin(row, ts, symbol);
        r.putDouble(c[0], price);
        r.putDouble(c[1], size);
        r.putByte(c[2], (byte) aggressor);
        r.putDouble(c[3], bid);
        r.putDouble(c[4], ask);
        end(r);
    }

    /** A top-of-book quote; sizes NaN when the source has none. */
    public void quote(long ts, String symbol, double bid, double ask, double bidSize, double askSize) {
        check(Kind.QUOTES);
        long row = rows + 1;
        requireTs(row, ts);
        requirePrice(row, "bid", bid);
        requirePrice(row, "ask", ask);
        requireOptionalSize(row, "bid_size", bidSize);
        requireOptionalSize(row, "ask_size", askSize);
        TableWriter.Row r = begin(row, ts, symbol);
        r.putDouble(c[0], bid);
        r.putDouble(c[1], ask);
        r.putDouble(c[2], bidSize);
        r.putDouble(c[3], askSize);
        end(r);
    }

    /**
     * A book of {@code n <= levels()} levels, level 1 first (arrays may be longer than n and are not
     * kept). The rules of {@link org.eimas.micro.domain.market.LobSnapshot} apply: finite
     * non-negative prices and sizes, bids strictly decreasing, asks strictly increasing, empty
     * levels (price and size 0) only after non-empty ones.
     */
    public void book(long ts, String symbol, int n, double[] bidPx, double[] bidSz, double[] askPx, double[] askSz) {
        book(ts, symbol, n, bidPx, bidSz, askPx, askSz, 0);
    }

    /** {@link #book} with the levels at {@code off .. off + n - 1} of the arrays. */
    void book(long ts, String symbol, int n, double[] bidPx, double[] bidSz, double[] askPx, double[] askSz, int off) {
        check(Kind.BOOKS);
        long row = rows + 1;
        requireTs(row, ts);
        if (n < 1 || n > levels) {
            reject(row, "book has " + n + " levels, this appender takes 1.." + levels);
        }
        requireSide(row, "bid", n, bidPx, bidSz, off, true);
        requireSide(row, "ask", n, askPx, askSz, off, false);
        TableWriter.Row r = begin(row, ts, symbol);
        r.putInt(c[0], n);
        for (int i = 1; i <= n; i++) {
            r.putDouble(c[4 * i - 3], bidPx[off + i - 1]);
            r.putDouble(c[4 * i - 2], bidSz[off + i - 1]);
            r.putDouble(c[4 * i - 1], askPx[off + i - 1]);
            r.putDouble(c[4 * i], askSz[off + i - 1]);
        }
        end(r);
    }

    /** An order-level event ({@code side} is the resting order's side). */
    public void orderEvent(long ts, String symbol, OrderEventType type, Side side, double price, double size,
                           long orderId) {
        check(Kind.ORDER_EVENTS);
        long row = rows + 1;
        requireTs(row, ts);
        if (type == null || side == null) {
            reject(row, "event type and side are required");
        }
        requirePrice(row, "price", price);
        requireSize(row, "size", size);
        TableWriter.Row r = begin(row, ts, symbol);
        r.putSym(c[0], type.name());
        r.putSym(c[1], side.name());
        r.putDouble(c[2], price);
        r.putDouble(c[3], size);
        r.putLong(c[4], orderId);
        end(r);
    }

    private TableWriter.Row begin(long row, long ts, String symbol) {
        if (symbol == null || symbol.isBlank()) {
            reject(row, "symbol is empty");
        }
        int s = seq.next(symbol, ts);
        if (s < 0) {
            reject(row, "time " + ts + " is earlier than the previous " + symbol + " row's " + seq.lastTs(symbol)
                    + " (rows must be in time order per symbol)");
        }
        TableWriter.Row r = writer.newRow(ts);
        r.putSym(cSymbol, symbol);
        r.putInt(cSeq, s);
        return r;
    }

    private void end(TableWriter.Row r) {
        r.append();
        rows++;
        if (++pending >= batchRows) {
            commit();
        }
    }

    /**
     * Commits the rows appended so far (they become durable) and applies the WAL transaction to
     * the table, so that applying overlaps with the caller's parsing of the next batch instead of
     * piling up at the end.
     */
    public void commit() {
        check(kind);
        if (pending > 0) {
            writer.commit();
            committed += pending;
            pending = 0;
            store.applyWal();
        }
    }

    /** Commits the last batch and makes every committed row visible to readers. */
    public void finish() {
        commit();
        close();
    }

    /** Rows accepted so far (committed or pending). */
    public long rows() {
        return rows;
    }

    /** Rows committed so far. */
    public long committedRows() {
        return committed;
    }

    /** Rolls back what is not committed, releases the writer and applies the committed rows. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (pending > 0) {
                writer.rollback();
                pending = 0;
            }
        } finally {
            writer.close();
            store.applyWal();
        }
    }

    private void check(Kind expected) {
        if (closed) {
            throw new IllegalStateException("appender is closed");
        }
        if (failed) {
            throw new IllegalStateException("appender rejected a row; close it (the batch is rolled back)");
        }
        if (expected != kind) {
            throw new IllegalStateException("this appender writes " + kind + ", not " + expected);
        }
    }

    private void reject(long row, String reason) {
        failed = true;
        throw new RejectedRowException(row, reason);
    }

    private void requireTs(long row, long ts) {
        if (ts < 0) {
            reject(row, "time " + ts + " is before 1970 (epoch nanoseconds must be >= 0)");
        }
    }

    private void requirePrice(long row, String field, double v) {
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
            reject(row, field + " must be a finite non-negative price, got " + v);
        }
    }

    private void requireSize(long row, String field, double v) {
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
            reject(row, field + " must be a finite non-negative size, got " + v);
        }
    }

    private void requireOptionalPrice(long row, String field, double v) {
        if (!Double.isNaN(v)) {
            requirePrice(row, field, v);
        }
    }

    private void requireOptionalSize(long row, String field, double v) {
        if (!Double.isNaN(v)) {
            requireSize(row, field, v);
        }
    }

    private void requireSide(long row, String side, int n, double[] px, double[] sz, int off, boolean descending) {
        boolean emptySeen = false;
        for (int i = 0; i < n; i++) {
            double p = px[off + i];
            double q = sz[off + i];
            requirePrice(row, side + "_px_" + (i + 1), p);
            requireSize(row, side + "_sz_" + (i + 1), q);
            if (p == 0 && q == 0) {
                emptySeen = true;
                continue;
            }
            if (emptySeen) {
                reject(row, side + "_px_" + (i + 1) + " = " + p + " follows an empty level");
            }
            double prev = i > 0 ? px[off + i - 1] : 0;
            if (i > 0 && (descending ? !(p < prev) : !(p > prev))) {
                reject(row, side + "_px_" + (i + 1) + " = " + p + (descending ? " is not below " : " is not above ")
                        + side + "_px_" + i + " = " + prev);
            }
        }
    }
}
