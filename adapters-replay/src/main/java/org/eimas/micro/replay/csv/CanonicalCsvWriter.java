package org.eimas.micro.replay.csv;

import java.nio.file.Path;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;

/**
 * Writers of the canonical formats read by {@link CanonicalCsv}. Each writer checks that ts does
 * not decrease, so what it writes can always be read back.
 */
public final class CanonicalCsvWriter implements AutoCloseable {
    private final CsvWriter w;
    private final int levels;
    private final boolean extra;
    private long lastTs = Long.MIN_VALUE;

    private CanonicalCsvWriter(CsvWriter w, int levels, boolean extra) {
        this.w = w;
        this.levels = levels;
        this.extra = extra;
    }

    /** Trades, with {@code bid,ask} columns when {@code withQuote}. */
    public static CanonicalCsvWriter trades(Path path, boolean withQuote) {
        CsvWriter w = CsvWriter.open(path);
        w.header(withQuote ? CanonicalCsv.TRADE_HEADER_WITH_QUOTE : CanonicalCsv.TRADE_HEADER);
        return new CanonicalCsvWriter(w, 0, withQuote);
    }

    /** Quotes, with {@code bid_sz,ask_sz} when {@code withSizes}. */
    public static CanonicalCsvWriter quotes(Path path, boolean withSizes) {
        CsvWriter w = CsvWriter.open(path);
        w.header(withSizes ? CanonicalCsv.QUOTE_HEADER_WITH_SIZES : CanonicalCsv.QUOTE_HEADER);
        return new CanonicalCsvWriter(w, 0, withSizes);
    }

    public static CanonicalCsvWriter books(Path path, int levels) {
        CsvWriter w = CsvWriter.open(path);
        w.header(CanonicalCsv.bookHeader(levels));
        return new CanonicalCsvWriter(w, levels, false);
    }

    public static CanonicalCsvWriter orderEvents(Path path) {
        CsvWriter w = CsvWriter.open(path);
        w.header(CanonicalCsv.ORDER_EVENT_HEADER);
        return new CanonicalCsvWriter(w, 0, false);
    }

    private void ts(long ts) {
        if (ts < lastTs) {
            throw new IllegalArgumentException("ts " + ts + " is before the previous row's " + lastTs);
        }
        lastTs = ts;
        w.field(ts);
    }

    public void trade(long ts, String symbol, double price, double size, double bid, double ask) {
        ts(ts);
        w.field(symbol).field(price).field(size);
        if (extra) {
            w.field(bid).field(ask);
        }
        w.endRow();
    }

    public void trade(Trade t) {
        trade(t.ts(), t.symbol(), t.price(), t.size(), Double.NaN, Double.NaN);
    }

    public void quote(long ts, String symbol, double bid, double ask, double bidSize, double askSize) {
        ts(ts);
        w.field(symbol).field(bid).field(ask);
        if (extra) {
            w.field(bidSize).field(askSize);
        }
        w.endRow();
    }

    public void quote(Quote q) {
        quote(q.ts(), q.symbol(), q.bid(), q.ask(), q.bidSize(), q.askSize());
    }

    /** A book row from arrays; levels beyond the arrays' length are not allowed. */
    public void book(long ts, String symbol, double[] bidPx, double[] bidSz, double[] askPx, double[] askSz) {
        ts(ts);
        w.field(symbol);
        for (int i = 0; i < levels; i++) {
            w.field(bidPx[i]).field(bidSz[i]).field(askPx[i]).field(askSz[i]);
        }
        w.endRow();
    }

    public void book(LobSnapshot b) {
        if (b.levels() < levels) {
            throw new IllegalArgumentException("book has " + b.levels() + " levels, writer expects " + levels);
        }
        ts(b.ts());
        w.field(b.symbol());
        for (int i = 1; i <= levels; i++) {
            w.field(b.bidPrice(i)).field(b.bidSize(i)).field(b.askPrice(i)).field(b.askSize(i));
        }
        w.endRow();
    }

    public void orderEvent(OrderEvent e) {
        ts(e.ts());
        w.field(e.symbol()).field(e.type().name()).field(e.side().name()).field(e.price()).field(e.size())
                .field(e.orderId()).endRow();
    }

    public void flush() {
        w.flush();
    }

    @Override
    public void close() {
        w.close();
    }
}
