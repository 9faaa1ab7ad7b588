package org.eimas.micro.replay.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.OrderEventType;
import org.eimas.micro.domain.market.Side;

/**
 * Streaming readers of the project's canonical CSV formats, plain or {@code .gz}. Every file has
 * a header row; {@code ts} is integer epoch nanoseconds (UTC) and must not decrease; rows with
 * equal {@code ts} are kept in file order.
 *
 * <ul>
 *   <li>books: {@code ts,symbol,bid_px_1,bid_sz_1,ask_px_1,ask_sz_1,...,bid_px_N,bid_sz_N,ask_px_N,ask_sz_N}</li>
 *   <li>trades: {@code ts,symbol,price,size} optionally followed by {@code bid,ask}</li>
 *   <li>quotes: {@code ts,symbol,bid,ask} optionally followed by {@code bid_sz,ask_sz}</li>
 *   <li>order events: {@code ts,symbol,type,side,price,size,order_id}</li>
 *   <li>numeric tables: column names, an optional first column {@code ts} as the index</li>
 * </ul>
 *
 * <p>Any malformed row throws {@link CsvFormatException} naming file, line, column and text.
 */
public final class CanonicalCsv {
    public static final List<String> TRADE_HEADER = List.of("ts", "symbol", "price", "size");
    public static final List<String> TRADE_HEADER_WITH_QUOTE = List.of("ts", "symbol", "price", "size", "bid", "ask");
    public static final List<String> QUOTE_HEADER = List.of("ts", "symbol", "bid", "ask");
    public static final List<String> QUOTE_HEADER_WITH_SIZES = List.of("ts", "symbol", "bid", "ask", "bid_sz", "ask_sz");
    public static final List<String> ORDER_EVENT_HEADER = List.of("ts", "symbol", "type", "side", "price", "size", "order_id");

    private CanonicalCsv() {
    }

    /** The book header for N levels. */
    public static List<String> bookHeader(int levels) {
        List<String> h = new ArrayList<>(2 + 4 * levels);
        h.add("ts");
        h.add("symbol");
        for (int i = 1; i <= levels; i++) {
            h.add("bid_px_" + i);
            h.add("bid_sz_" + i);
            h.add("ask_px_" + i);
            h.add("ask_sz_" + i);
        }
        return h;
    }

    private static List<String> header(CsvCursor c) {
        return header(c, true);
    }

    /** The header row; fixed formats compare names lower-cased, numeric tables keep the names as written. */
    private static List<String> header(CsvCursor c, boolean lowerCase) {
        if (!c.next()) {
            throw new CsvFormatException(c.file(), 1, 0, null, "empty file: a header row is required");
        }
        List<String> names = new ArrayList<>(c.fields());
        for (int f = 0; f < c.fields(); f++) {
            String name = c.text(f);
            if (f == 0 && !name.isEmpty() && name.charAt(0) == '\uFEFF') {
                name = name.substring(1);
            }
            names.add(lowerCase ? name.toLowerCase(Locale.ROOT) : name);
        }
        return names;
    }

    private static void expectHeader(CsvCursor c, List<String> actual, List<String>... allowed) {
        for (List<String> a : allowed) {
            if (a.equals(actual)) {
                return;
            }
        }
        StringBuilder sb = new StringBuilder("header must be ");
        for (int i = 0; i < allowed.length; i++) {
            sb.append(i == 0 ? "" : " or ").append(String.join(",", allowed[i]));
        }
        throw new CsvFormatException(c.file(), 1, 0, String.join(",", actual), sb.toString());
    }

    private static long ts(CsvCursor c, long previous) {
        long ts = c.parseLong(0, "ts");
        if (ts < previous) {
            throw c.error(0, "ts goes backwards (previous row had " + previous + "); rows must be in non-decreasing ts");
        }
        return ts;
    }

    private static double price(CsvCursor c, int f, String column) {
        double v = c.parseDouble(f, column);
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
            throw c.error(f, column + " must be a finite non-negative price");
        }
        return v;
    }

    private static double size(CsvCursor c, int f, String column) {
        double v = c.parseDouble(f, column);
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
            throw c.error(f, column + " must be a finite non-negative size");
        }
        return v;
    }

    /** Optional quote cell: empty is NaN (no quote); otherwise a finite non-negative price. */
    private static double optionalPrice(CsvCursor c, int f, String column) {
        if (c.isEmpty(f)) {
            return Double.NaN;
        }
        return price(c, f, column);
    }

    /** Reads a trades file; returns the number of rows. */
    public static long readTrades(Path file, TradeRowHandler handler) {
        try (CsvCursor c = CsvCursor.open(file)) {
            List<String> h = header(c);
            expectHeader(c, h, TRADE_HEADER, TRADE_HEADER_WITH_QUOTE);
            int n = h.size();
            boolean quotes = n == 6;
            long prev = Long.MIN_VALUE;
            long rows = 0;
            while (c.next()) {
                c.requireFields(n);
                long ts = ts(c, prev);
                String sym = c.symbol(1);
                double px = price(c, 2, "price");
                double sz = size(c, 3, "size");
                double bid = quotes ? optionalPrice(c, 4, "bid") : Double.NaN;
                double ask = quotes ? optionalPrice(c, 5, "ask") : Double.NaN;
                handler.onTrade(ts, sym, px, sz, bid, ask);
                prev = ts;
                rows++;
            }
            return rows;
        }
    }

    /** Reads a quotes file; returns the number of rows. */
    public static long readQuotes(Path file, QuoteRowHandler handler) {
        try (CsvCursor c = CsvCursor.open(file)) {
            List<String> h = header(c);
            expectHeader(c, h, QUOTE_HEADER, QUOTE_HEADER_WITH_SIZES);
            int n = h.size();
            boolean sizes = n == 6;
            long prev = Long.MIN_VALUE;
            long rows = 0;
            while (c.next()) {
                c.requireFields(n);
                long ts = ts(c, prev);
                String sym = c.symbol(1);
                double bid = price(c, 2, "bid");
                double ask = price(c, 3, "ask");
                double bs = sizes ? size(c, 4, "bid_sz") : Double.NaN;
                double as = sizes ? size(c, 5, "ask_sz") : Double.NaN;
                handler.onQuote(ts, sym, bid, ask, bs, as);
                prev = ts;
                rows++;
            }
            return rows;
        }
    }

    /** Number of levels a book header describes, validating its names. */
    static int bookLevels(CsvCursor c, List<String> h) {
        int n = h.size() - 2;
        if (n <= 0 || n % 4 != 0) {
            throw new CsvFormatException(c.file(), 1, 0, String.join(",", h),
                    "book header must be ts,symbol then bid_px_i,bid_sz_i,ask_px_i,ask_sz_i for i = 1..N");
        }
        expectHeader(c, h, bookHeader(n / 4));
        return n / 4;
    }

    /** Reads a books file; the handler's arrays are reused between rows. Returns the number of rows. */
    public static long readBooks(Path file, BookRowHandler handler) {
        try (CsvCursor c = CsvCursor.open(file)) {
            List<String> h = header(c);
            int levels = bookLevels(c, h);
            double[] bp = new double[levels];
            double[] bs = new double[levels];
            double[] ap = new double[levels];
            double[] as = new double[levels];
            String[] names = h.toArray(new String[0]);
            int n = h.size();
            long prev = Long.MIN_VALUE;
            long rows = 0;
            while (c.next()) {
                c.requireFields(n);
                long ts = ts(c, prev);
                String sym = c.symbol(1);
                for (int i = 0, f = 2; i < levels; i++, f += 4) {
                    bp[i] = price(c, f, names[f]);
                    bs[i] = size(c, f + 1, names[f + 1]);
                    ap[i] = price(c, f + 2, names[f + 2]);
                    as[i] = size(c, f + 3, names[f + 3]);
                }
                try {
                    LobSnapshot.validateLevels(bp, bs, ap, as, levels);
                } catch (IllegalArgumentException e) {
                    throw c.lineError(e.getMessage());
                }
                handler.onBook(ts, sym, levels, bp, bs, ap, as);
                prev = ts;
                rows++;
            }
            return rows;
        }
    }

    /** Reads a books file into snapshots (allocates one per row). */
    public static long readBooks(Path file, Consumer<LobSnapshot> sink) {
        return readBooks(file, (ts, sym, levels, bp, bs, ap, as) -> sink.accept(new LobSnapshot(ts, sym, bp, bs, ap, as)));
    }

    /** Reads an order-event file; returns the number of rows. */
    public static long readOrderEvents(Path file, Consumer<OrderEvent> sink) {
        try (CsvCursor c = CsvCursor.open(file)) {
            List<String> h = header(c);
            expectHeader(c, h, ORDER_EVENT_HEADER);
            long prev = Long.MIN_VALUE;
            long rows = 0;
            while (c.next()) {
                c.requireFields(7);
                long ts = ts(c, prev);
                String sym = c.symbol(1);
                OrderEventType type = eventType(c, 2);
                Side side = side(c, 3);
                double px = price(c, 4, "price");
                double sz = size(c, 5, "size");
                long id = c.parseLong(6, "order_id");
                sink.accept(new OrderEvent(ts, sym, type, side, px, sz, id));
                prev = ts;
                rows++;
            }
            return rows;
        }
    }

    private static OrderEventType eventType(CsvCursor c, int f) {
        String t = c.text(f).toUpperCase(Locale.ROOT);
        try {
            return OrderEventType.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw c.error(f, "type must be one of " + java.util.Arrays.toString(OrderEventType.values()));
        }
    }

    private static Side side(CsvCursor c, int f) {
        String t = c.text(f).toUpperCase(Locale.ROOT);
        switch (t) {
            case "BUY", "B", "1", "+1", "BID":
                return Side.BUY;
            case "SELL", "S", "-1", "ASK":
                return Side.SELL;
            case "UNKNOWN", "", "0":
                return Side.UNKNOWN;
            default:
                throw c.error(f, "side must be BUY, SELL or UNKNOWN");
        }
    }

    /**
     * Reads a numeric table. An optional first column {@code ts} becomes the index (non-decreasing
     * integers); empty cells are NaN (missing).
     */
    public static NumericTable readTable(Path file) {
        try (CsvCursor c = CsvCursor.open(file)) {
            List<String> h = header(c, false);
            boolean hasTs = !h.isEmpty() && h.get(0).equalsIgnoreCase("ts");
            if (hasTs) {
                h.set(0, "ts");
            }
            for (int f = 0; f < h.size(); f++) {
                String name = h.get(f);
                if (name.isEmpty()) {
                    throw new CsvFormatException(c.file(), 1, f + 1, String.join(",", h), "empty column name");
                }
                if (f > 0 && name.equalsIgnoreCase("ts")) {
                    throw new CsvFormatException(c.file(), 1, f + 1, name, "ts may only be the first column");
                }
                if (h.indexOf(name) != f) {
                    throw new CsvFormatException(c.file(), 1, f + 1, name, "duplicate column name");
                }
            }
            int first = hasTs ? 1 : 0;
            int cols = h.size() - first;
            int cap = 1024;
            long[] ts = hasTs ? new long[cap] : null;
            double[][] data = new double[cols][cap];
            int rows = 0;
            long prev = Long.MIN_VALUE;
            while (c.next()) {
                c.requireFields(h.size());
                if (rows == cap) {
                    cap *= 2;
                    if (hasTs) {
                        ts = java.util.Arrays.copyOf(ts, cap);
                    }
                    for (int j = 0; j < cols; j++) {
                        data[j] = java.util.Arrays.copyOf(data[j], cap);
                    }
                }
                if (hasTs) {
                    ts[rows] = ts(c, prev);
                    prev = ts[rows];
                }
                for (int j = 0; j < cols; j++) {
                    data[j][rows] = c.parseDouble(j + first, h.get(j + first));
                }
                rows++;
            }
            for (int j = 0; j < cols; j++) {
                data[j] = java.util.Arrays.copyOf(data[j], rows);
            }
            return new NumericTable(h.subList(first, h.size()), hasTs ? java.util.Arrays.copyOf(ts, rows) : null, data);
        }
    }
}
