package org.eimas.micro.storage;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs a trades, quotes or books {@link TickAppender} on its own thread so that parsing (the caller's
 * thread) and writing overlap: rows are copied into one of three preallocated column chunks and
 * handed over when a chunk is full. Same semantics as the wrapped appender: batches of
 * {@code batchRows} are committed, {@link #finish()} commits the rest, {@link #close()} without
 * {@code finish()} rolls back what is not committed. A row the appender rejects is reported as its
 * {@link RejectedRowException} (same row numbering) by the next call that hands over a chunk, or
 * by {@code finish()}.
 *
 * <p>Per row: no allocation. Not thread-safe for callers: one producer thread.
 */
public final class AsyncTickAppender implements AutoCloseable {
    private static final int MORE = 0;
    private static final int FINISH = 1;
    private static final int ABORT = 2;

    private static final class Chunk {
        final int levels;
        final int[] n4;
        final double[] bp;
        final double[] bs;
        final double[] ap;
        final double[] as;
        final long[] ts;
        final String[] sym;
        final double[] a;
        final double[] b;
        final double[] c;
        final double[] d;
        final byte[] e;
        int n;
        int end;

        Chunk(int cap, int levels) {
            this.levels = levels;
            n4 = levels > 0 ? new int[cap] : null;
            bp = levels > 0 ? new double[cap * levels] : null;
            bs = levels > 0 ? new double[cap * levels] : null;
            ap = levels > 0 ? new double[cap * levels] : null;
            as = levels > 0 ? new double[cap * levels] : null;
            ts = new long[cap];
            sym = new String[cap];
            a = new double[cap];
            b = new double[cap];
            c = new double[cap];
            d = new double[cap];
            e = new byte[cap];
        }
    }

    private final TickAppender target;
    private final int cap;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(3);
    private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(3);
    private final Thread thread;
    private volatile Throwable error;
    private Chunk cur;
    private long rows;
    private boolean ended;

    /** Takes ownership of {@code target} (TRADES, QUOTES or BOOKS); it is finished or closed by this appender. */
    public AsyncTickAppender(TickAppender target, int chunkRows) {
        if (target.kind() == TickAppender.Kind.ORDER_EVENTS) {
            throw new IllegalArgumentException("AsyncTickAppender writes trades, quotes or books, not " + target.kind());
        }
        if (chunkRows <= 0) {
            throw new IllegalArgumentException("chunkRows must be positive, got " + chunkRows);
        }
        this.target = target;
        this.cap = chunkRows;
        for (int i = 0; i < 3; i++) {
            free.add(new Chunk(chunkRows, target.kind() == TickAppender.Kind.BOOKS ? target.levels() : 0));
        }
        this.cur = free.poll();
        this.thread = new Thread(this::run, "eimas-tick-writer-" + target.kind().name().toLowerCase(java.util.Locale.ROOT));
        thread.setDaemon(true);
        thread.start();
    }

    public TickAppender.Kind kind() {
        return target.kind();
    }

    /** See {@link TickAppender#trade}. */
    public void trade(long ts, String symbol, double price, double size, double bid, double ask, int aggressor) {
        if (target.kind() != TickAppender.Kind.TRADES) {
            throw new IllegalStateException("this appender writes " + target.kind() + ", not TRADES");
        }
        Chunk ch = open();
        int i = ch.n;
        ch.ts[i] = ts;
        ch.sym[i] = symbol;
        ch.a[i] = price;
        ch.b[i] = size;
        ch.c[i] = bid;
        ch.d[i] = ask;
        ch.e[i] = (byte) Math.max(-2, Math.min(2, aggressor));
        rows++;
        if (++ch.n == cap) {
            handOff(MORE);
        }
    }

    /** See {@link TickAppender#quote}. */
    public void quote(long ts, String symbol, double bid, double ask, double bidSize, double askSize) {
        if (target.kind() != TickAppender.Kind.QUOTES) {
            throw new IllegalStateException("this appender writes " + target.kind() + ", not QUOTES");
        }
        Chunk ch = open();
        int i = ch.n;
        ch.ts[i] = ts;
        ch.sym[i] = symbol;
        ch.a[i] = bid;
        ch.b[i] = ask;
        ch.c[i] = bidSize;
        ch.d[i] = askSize;
        rows++;
        if (++ch.n == cap) {
            handOff(MORE);
        }
    }

    /** See {@link TickAppender#book}; the arrays are copied, so the caller may reuse them. */
    public void book(long ts, String symbol, int n, double[] bidPx, double[] bidSz, double[] askPx, double[] askSz) {
        if (target.kind() != TickAppender.Kind.BOOKS) {
            throw new IllegalStateException("this appender writes " + target.kind() + ", not BOOKS");
        }
        Chunk ch = open();
        int i = ch.n;
        int levels = ch.levels;
        ch.ts[i] = ts;
        ch.sym[i] = symbol;
        ch.n4[i] = n;
        int m = Math.max(0, Math.min(n, levels)); // the writer rejects n outside 1..levels
        System.arraycopy(bidPx, 0, ch.bp, i * levels, m);
        System.arraycopy(bidSz, 0, ch.bs, i * levels, m);
        System.arraycopy(askPx, 0, ch.ap, i * levels, m);
        System.arraycopy(askSz, 0, ch.as, i * levels, m);
        rows++;
        if (++ch.n == cap) {
            handOff(MORE);
        }
    }

    private Chunk open() {
        if (ended) {
            throw new IllegalStateException("appender is finished or closed");
        }
        return cur;
    }

    private void handOff(int end) {
        Throwable t = error;
        if (t != null && end == MORE) {
            throw rethrow(t);
        }
        cur.end = end;
        try {
            full.put(cur);
            cur = end == MORE ? free.take() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing rows to the writer thread", e);
        }
    }

    private void run() {
        try {
            while (true) {
                Chunk ch = full.take();
                int end = ch.end;
                if (error == null && end != ABORT) {
                    try {
                        apply(ch);
                    } catch (Throwable t) {
                        error = t;
                    }
                }
                ch.n = 0;
                ch.end = MORE;
                free.put(ch);
                if (end != MORE) {
                    if (end == FINISH && error == null) {
                        target.finish();
                    } else {
                        target.close();
                    }
                    return;
                }
            }
        } catch (Throwable t) {
            if (error == null) {
                error = t;
            }
            target.close();
        }
    }

    private void apply(Chunk ch) {
        int n = ch.n;
        if (target.kind() == TickAppender.Kind.TRADES) {
            for (int i = 0; i < n; i++) {
                target.trade(ch.ts[i], ch.sym[i], ch.a[i], ch.b[i], ch.c[i], ch.d[i], ch.e[i]);
            }
        } else if (target.kind() == TickAppender.Kind.QUOTES) {
            for (int i = 0; i < n; i++) {
                target.quote(ch.ts[i], ch.sym[i], ch.a[i], ch.b[i], ch.c[i], ch.d[i]);
            }
        } else {
            int levels = ch.levels;
            for (int i = 0; i < n; i++) {
                target.book(ch.ts[i], ch.sym[i], ch.n4[i], ch.bp, ch.bs, ch.ap, ch.as, i * levels);
            }
        }
    }

    /** Rows given to this appender. */
    public long rows() {
        return rows;
    }

    /** Rows committed by the writer (exact once finished or closed). */
    public long committedRows() {
        return target.committedRows();
    }

    /** Writes and commits everything, applies it to the table, and stops the writer thread. */
    public void finish() {
        if (ended) {
            throw new IllegalStateException("appender is finished or closed");
        }
        ended = true;
        handOff(FINISH);
        join();
        Throwable t = error;
        if (t != null) {
            throw rethrow(t);
        }
    }

    /** Without a successful {@link #finish()}: drops the rows not yet committed. */
    @Override
    public void close() {
        if (!ended) {
            ended = true;
            handOff(ABORT);
        }
        join();
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the writer thread", e);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
