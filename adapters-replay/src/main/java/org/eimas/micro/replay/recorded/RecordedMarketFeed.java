package org.eimas.micro.replay.recorded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MarketDataFeed;
import org.eimas.micro.domain.port.MarketDataListener;
import org.eimas.micro.domain.port.Subscription;
import org.eimas.micro.replay.csv.CanonicalCsv;

/**
 * Recorded canonical CSV books and trades (plain or {@code .gz}, e.g. LOBSTER converted with
 * {@code eimas convert}) replayed as a live {@link MarketDataFeed}: the two files are merged in
 * {@code ts} order (on equal ts the trade is delivered before the book row, since a book row records
 * the state after the event) and paced so that {@code speed} recorded seconds pass per wall-clock
 * second ({@code speed <= 0}: as fast as possible). Only the subscribed symbols are delivered (all
 * when the subscription lists none).
 *
 * <p>Each file is read by {@link CanonicalCsv} on its own daemon thread into a bounded queue; the
 * subscription's thread merges the two heads and calls the listener. Statuses: CONNECTED and
 * SUBSCRIBED at start, CLOSED at the end of the files or when closed; a malformed row stops the
 * replay with FAILED and the reader's message (file, line, column).
 */
public final class RecordedMarketFeed implements MarketDataFeed {
    private static final int QUEUE = 4096;
    private static final Object END = new Object();

    private final Path books;
    private final Path trades;
    private final double speed;

    /**
     * @param books  canonical books file, or null for none
     * @param trades canonical trades file, or null for none
     * @param speed  recorded seconds per wall second, {@code <= 0} for as fast as possible
     */
    public RecordedMarketFeed(Path books, Path trades, double speed) {
        if (books == null && trades == null) {
            throw new IllegalArgumentException("a replay needs a books file, a trades file or both");
        }
        for (Path p : new Path[] {books, trades}) {
            if (p != null && !Files.isReadable(p)) {
                throw new IllegalArgumentException("cannot read " + p + ": no such file or not readable");
            }
        }
        if (Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite number, got " + speed);
        }
        this.books = books;
        this.trades = trades;
        this.speed = speed;
    }

    @Override
    public String name() {
        return "replay";
    }

    public double speed() {
        return speed;
    }

    /** Thrown into the merge when a reader fails. */
    private record Failure(RuntimeException error) {
    }

    @Override
    public Subscription subscribe(Collection<String> symbols, MarketDataListener listener) {
        Set<String> wanted = new HashSet<>(symbols);
        AtomicBoolean closed = new AtomicBoolean();
        BlockingQueue<Object> bookQ = new ArrayBlockingQueue<>(QUEUE);
        BlockingQueue<Object> tradeQ = new ArrayBlockingQueue<>(QUEUE);
        Thread bookReader = reader("replay-books", closed, bookQ, () -> {
            if (books != null) {
                CanonicalCsv.readBooks(books, (ts, sym, levels, bp, bs, ap, as) -> {
                    if (wanted.isEmpty() || wanted.contains(sym)) {
                        put(bookQ, new LobSnapshot(ts, sym, bp.clone(), bs.clone(), ap.clone(), as.clone()), closed);
                    }
                });
            }
        });
        Thread tradeReader = reader("replay-trades", closed, tradeQ, () -> {
            if (trades != null) {
                CanonicalCsv.readTrades(trades, (ts, sym, price, size, bid, ask) -> {
                    if (wanted.isEmpty() || wanted.contains(sym)) {
                        put(tradeQ, new Trade(ts, sym, price, size), closed);
                    }
                });
            }
        });
        Thread merger = new Thread(() -> merge(bookQ, tradeQ, listener, closed), "replay-feed");
        merger.setDaemon(true);
        bookReader.start();
        tradeReader.start();
        merger.start();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                merger.interrupt();
                bookReader.interrupt();
                tradeReader.interrupt();
                try {
                    merger.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /** Stops a reader that was told to stop. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static void put(BlockingQueue<Object> q, Object item, AtomicBoolean closed) {
        try {
            while (!q.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (closed.get()) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private static Thread reader(String name, AtomicBoolean closed, BlockingQueue<Object> q, Runnable body) {
        Thread t = new Thread(() -> {
            Object last = END;
            try {
                body.run();
            } catch (Stopped s) {
                return;
            } catch (RuntimeException e) {
                last = new Failure(e);
            }
            try {
                q.put(last);
            } catch (InterruptedException e) {
                // closed while handing over the end marker
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    private static long ts(Object o) {
        return o instanceof Trade t ? t.ts() : ((LobSnapshot) o).ts();
    }

    private void merge(BlockingQueue<Object> bookQ, BlockingQueue<Object> tradeQ, MarketDataListener listener,
                       AtomicBoolean closed) {
        String what = (books != null ? "books " + books.getFileName() : "")
                + (books != null && trades != null ? " + " : "") + (trades != null ? "trades " + trades.getFileName() : "");
        try {
            listener.onStatus(ConnectionStatus.CONNECTED, "replay of " + what
                    + (speed > 0 ? ", speed x" + speed : ", as fast as possible"));
            listener.onStatus(ConnectionStatus.SUBSCRIBED, "recorded files");
            Object b = bookQ.take();
            Object t = tradeQ.take();
            long firstTs = Long.MIN_VALUE;
            long wallStart = 0;
            while (!closed.get()) {
                if (b instanceof Failure f) {
                    throw f.error();
                }
                if (t instanceof Failure f) {
                    throw f.error();
                }
                boolean bookDone = b == END;
                boolean tradeDone = t == END;
                if (bookDone && tradeDone) {
                    break;
                }
                boolean takeTrade = bookDone || (!tradeDone && ts(t) <= ts(b));
                Object next = takeTrade ? t : b;
                long ts = ts(next);
                if (firstTs == Long.MIN_VALUE) {
                    firstTs = ts;
                    wallStart = System.nanoTime();
                }
                if (speed > 0) {
                    long due = wallStart + (long) ((ts - firstTs) / speed);
                    long wait = due - System.nanoTime();
                    if (wait > 1_000_000L) {
                        Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                    }
                }
                if (takeTrade) {
                    listener.onTrade((Trade) next);
                    t = tradeQ.take();
                } else {
                    listener.onBook((LobSnapshot) next);
                    b = bookQ.take();
                }
            }
            listener.onStatus(ConnectionStatus.CLOSED, closed.get() ? "closed by the subscriber" : "end of the recorded files");
        } catch (InterruptedException e) {
            listener.onStatus(ConnectionStatus.CLOSED, "closed by the subscriber");
        } catch (RuntimeException e) {
            closed.set(true);
            listener.onStatus(ConnectionStatus.FAILED, "replay failed: " + e.getMessage());
        }
    }
}
