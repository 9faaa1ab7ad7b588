package org.eimas.micro.cli.command;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.eimas.micro.replay.csv.CanonicalCsv;

/**
 * A quotes file (bid, ask) or trades file (price, size) read on a background thread in blocks of primitive arrays, so that it can be merged
 * by time with another file in one streaming pass (memory: a few blocks, whatever the file size).
 * Blocks are recycled; errors of the reader thread are rethrown to the consumer.
 */
final class PairStream implements AutoCloseable {
    private static final int BLOCK = 4096;

    static final class Block {
        final long[] ts = new long[BLOCK];
        final double[] bid = new double[BLOCK];
        final double[] ask = new double[BLOCK];
        int n;
        boolean last;
        RuntimeException error;
    }

    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(4);
    private final BlockingQueue<Block> free = new ArrayBlockingQueue<>(6);
    private final Thread thread;
    private Block cur;
    private int pos;
    private boolean done;

    PairStream(Path file, boolean trades) {
        for (int i = 0; i < 6; i++) {
            free.add(new Block());
        }
        SingleSymbol symbols = new SingleSymbol(file);
        thread = new Thread(() -> {
            Block[] b = {take(free)};
            long[] row = {0};
            try {
                if (trades) {
                    CanonicalCsv.readTrades(file, (ts, sym, px, sz, bid, ask) -> {
                        symbols.check(sym, ++row[0]);
                        b[0] = append(b[0], ts, px, sz);
                    });
                } else {
                    CanonicalCsv.readQuotes(file, (ts, sym, bid, ask, bs, as) -> {
                        symbols.check(sym, ++row[0]);
                        b[0] = append(b[0], ts, bid, ask);
                    });
                }
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // the consumer closed the stream (it failed or finished early): nobody to tell
                }
                b[0].error = e;
            }
            b[0].last = true;
            try {
                full.put(b[0]);
            } catch (InterruptedException e) {
                // closed by the consumer
            }
        }, "csv-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private Block append(Block k, long ts, double a, double b) {
        k.ts[k.n] = ts;
        k.bid[k.n] = a;
        k.ask[k.n] = b;
        if (++k.n == BLOCK) {
            put(full, k);
            return take(free);
        }
        return k;
    }

    private static Block take(BlockingQueue<Block> q) {
        try {
            Block b = q.take();
            b.n = 0;
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static void put(BlockingQueue<Block> q, Block b) {
        try {
            q.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** Callback for each row taken, with its ts (trades: price, size). */
    interface RowSink {
        void onRow(long ts, double a, double b);
    }

    /** Passes every row with {@code ts <= t} not yet passed, in file order. */
    void advanceTo(long t, RowSink sink) {
        while (!done) {
            if (cur == null) {
                try {
                    cur = full.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
                pos = 0;
            }
            while (pos < cur.n) {
                if (cur.ts[pos] > t) {
                    return;
                }
                sink.onRow(cur.ts[pos], cur.bid[pos], cur.ask[pos]);
                pos++;
            }
            if (cur.error != null) {
                done = true;
                throw cur.error;
            }
            if (cur.last) {
                done = true;
                return;
            }
            free.add(cur);
            cur = null;
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
