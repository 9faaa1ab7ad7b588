package org.eimas.micro.replay.lobster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.zip.GZIPInputStream;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.OrderEventType;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MarketDataListener;
import org.eimas.micro.replay.csv.CsvFormatException;

/**
 * Reads a LOBSTER day (Huang &amp; Polak 2011, "LOBSTER: Limit Order Book Reconstruction System";
 * file layout from LOBSTER's ReadMe): the message file and its orderbook file, row i of the
 * orderbook being the book after message i.
 *
 * <p>Message columns: time (seconds after midnight, New York, up to 9 decimals), type (1 new
 * limit order, 2 partial cancellation, 3 deletion, 4 visible execution, 5 hidden execution,
 * 6 cross trade, 7 trading halt), order id, size, price x 10000, direction (1 buy limit order,
 * -1 sell limit order). Orderbook columns per level: ask price, ask size, bid price, bid size;
 * an empty level is a dummy price (9999999999 ask, -9999999999 bid) with size 0.
 *
 * <p>Delivered per message, in file order: the {@link OrderEvent}; for executions (4, 5, 6) a
 * {@link Trade} whose aggressor is opposite to the resting order's direction (the execution of a
 * sell limit order is buyer-initiated; cross trades are UNKNOWN); then the book after the message
 * and, when the top of book changed, a {@link Quote}. Prices are the integer price divided by
 * 10000, which is exactly the double of the decimal price (half-cent midpoint prints keep their
 * precision). Times are converted from New York local time on the date in the file name to
 * epoch nanoseconds UTC; the fraction is read as text, so nanoseconds are exact (digits beyond the
 * ninth, float noise in some LOBSTER files, are rounded to the nearest nanosecond).
 */
public final class LobsterReader {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final long DUMMY = 9_999_999_999L;

    private LobsterReader() {
    }

    /** Counts of what a read delivered. */
    public record Counts(long messages, long trades, long books, long quotes, int levels) {
    }

    /**
     * Reads the message file and the orderbook file next to it (same name with {@code orderbook}).
     * Ticker, date and levels come from the message file's name.
     */
    public static Counts read(Path messageFile, MarketDataListener out) {
        LobsterFileName name = LobsterFileName.parse(messageFile);
        if (!name.kind().equals("message")) {
            throw new IllegalArgumentException(messageFile + ": expected the message file, got the " + name.kind() + " file");
        }
        Path bookFile = name.sibling(messageFile, "orderbook");
        if (!Files.exists(bookFile)) {
            throw new IllegalArgumentException(messageFile + ": the orderbook file " + bookFile.getFileName()
                    + " is missing next to it");
        }
        return read(messageFile, bookFile, name, out);
    }

    public static Counts read(Path messageFile, Path bookFile, LobsterFileName name, MarketDataListener out) {
        long midnightNs = name.date().atTime(LocalTime.MIDNIGHT).atZone(NEW_YORK).toEpochSecond() * 1_000_000_000L;
        // DST never changes between midnight and the session on a trading day, but check it
        long openNs = name.date().atTime(LocalTime.of(9, 30)).atZone(NEW_YORK).toEpochSecond() * 1_000_000_000L;
        if (openNs - midnightNs != 34_200L * 1_000_000_000L) {
            throw new IllegalArgumentException(name.date() + " has a daylight-saving change before the open; not supported");
        }
        int levels = name.levels();
        double[] bidPx = new double[levels];
        double[] bidSz = new double[levels];
        double[] askPx = new double[levels];
        double[] askSz = new double[levels];
        String symbol = name.ticker();
        String mFile = messageFile.toString();
        String bFile = bookFile.toString();
        long messages = 0;
        long trades = 0;
        long quotes = 0;
        double lastBid = Double.NaN;
        double lastAsk = Double.NaN;
        double lastBidSz = Double.NaN;
        double lastAskSz = Double.NaN;
        long lastTs = Long.MIN_VALUE;
        try (BufferedReader mr = open(messageFile); BufferedReader br = open(bookFile)) {
            Fields m = new Fields(mFile);
            Fields b = new Fields(bFile);
            String ml;
            while ((ml = mr.readLine()) != null) {
                long line = messages + 1;
                String bl = br.readLine();
                if (bl == null) {
                    throw new CsvFormatException(bFile, line, 0, null, "orderbook file ends before message " + line
                            + " of " + messageFile.getFileName());
                }
                m.split(ml, line, 6);
                b.split(bl, line, 4 * levels);
                long ts = midnightNs + m.seconds(0);
                if (ts < lastTs) {
                    throw new CsvFormatException(mFile, line, 1, m.text(0), "time goes backwards");
                }
                lastTs = ts;
                int type = (int) m.integer(1);
                long id = m.integer(2);
                long size = m.integer(3);
                long px = m.integer(4);
                int dir = (int) m.integer(5);
                if (dir != 1 && dir != -1) {
                    throw new CsvFormatException(mFile, line, 6, m.text(5), "direction must be 1 (buy) or -1 (sell)");
                }
                Side side = dir == 1 ? Side.BUY : Side.SELL;
                OrderEventType et = switch (type) {
                    case 1 -> OrderEventType.NEW;
                    case 2 -> OrderEventType.CANCEL;
                    case 3 -> OrderEventType.DELETE;
                    case 4 -> OrderEventType.EXECUTION;
                    case 5 -> OrderEventType.HIDDEN_EXECUTION;
                    case 6 -> OrderEventType.CROSS;
                    case 7 -> OrderEventType.HALT;
                    default -> throw new CsvFormatException(mFile, line, 2, m.text(1), "event type must be 1..7");
                };
                double price = et == OrderEventType.HALT ? 0 : px / 10_000.0;
                double sz = et == OrderEventType.HALT ? 0 : size;
                if (et != OrderEventType.HALT && (px < 0 || size < 0)) {
                    throw new CsvFormatException(mFile, line, px < 0 ? 5 : 4, px < 0 ? m.text(4) : m.text(3),
                            "price and size must be non-negative");
                }
                // a cross trade has no resting side and a halt message none at all
                boolean sideless = et == OrderEventType.CROSS || et == OrderEventType.HALT;
                out.onOrderEvent(new OrderEvent(ts, symbol, et, sideless ? Side.UNKNOWN : side, price, sz, id));
                if (et.isExecution()) {
                    Side aggressor = et == OrderEventType.CROSS ? Side.UNKNOWN : (dir == 1 ? Side.SELL : Side.BUY);
                    out.onTrade(new Trade(ts, symbol, price, sz, aggressor));
                    trades++;
                }
                for (int l = 0; l < levels; l++) {
                    long ap = b.integer(4 * l);
                    long as = b.integer(4 * l + 1);
                    long bp = b.integer(4 * l + 2);
                    long bs = b.integer(4 * l + 3);
                    boolean askEmpty = ap >= DUMMY || ap <= -DUMMY;
                    boolean bidEmpty = bp <= -DUMMY || bp >= DUMMY;
                    askPx[l] = askEmpty ? 0 : ap / 10_000.0;
                    askSz[l] = askEmpty ? 0 : as;
                    bidPx[l] = bidEmpty ? 0 : bp / 10_000.0;
                    bidSz[l] = bidEmpty ? 0 : bs;
                }
                LobSnapshot book;
                try {
                    book = new LobSnapshot(ts, symbol, bidPx, bidSz, askPx, askSz);
                } catch (IllegalArgumentException e) {
                    throw new CsvFormatException(bFile, line, 0, bl, e.getMessage());
                }
                out.onBook(book);
                if (bidPx[0] != lastBid || askPx[0] != lastAsk || bidSz[0] != lastBidSz || askSz[0] != lastAskSz) {
                    lastBid = bidPx[0];
                    lastAsk = askPx[0];
                    lastBidSz = bidSz[0];
                    lastAskSz = askSz[0];
                    out.onQuote(new Quote(ts, symbol, bidPx[0], bidSz[0], askPx[0], askSz[0]));
                    quotes++;
                }
                messages++;
            }
            if (br.readLine() != null) {
                throw new CsvFormatException(bFile, messages + 1, 0, null, "orderbook file has more rows than the "
                        + messages + " messages of " + messageFile.getFileName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + messageFile + ": " + e.getMessage(), e);
        }
        return new Counts(messages, trades, messages, quotes, levels);
    }

    private static BufferedReader open(Path p) throws IOException {
        InputStream in = Files.newInputStream(p);
        if (p.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16);
    }

    /** Splits one line into comma-separated fields without allocating per field. */
    private static final class Fields {
        private final String file;
        private String s;
        private long line;
        private int[] start = new int[64];
        private int[] end = new int[64];

        Fields(String file) {
            this.file = file;
        }

        void split(String text, long lineNo, int expected) {
            s = text;
            line = lineNo;
            if (start.length < expected + 1) {
                start = new int[expected + 1];
                end = new int[expected + 1];
            }
            int n = 0;
            int from = 0;
            int len = text.length();
            while (len > 0 && (text.charAt(len - 1) == '\r' || text.charAt(len - 1) == ' ')) {
                len--;
            }
            for (int i = 0; i <= len; i++) {
                if (i == len || text.charAt(i) == ',') {
                    if (n == expected) {
                        throw new CsvFormatException(file, line, 0, text, "expected " + expected + " fields, got more");
                    }
                    start[n] = from;
                    end[n] = i;
                    n++;
                    from = i + 1;
                }
            }
            if (n != expected) {
                throw new CsvFormatException(file, line, 0, text, "expected " + expected + " fields, got " + n);
            }
        }

        String text(int f) {
            return s.substring(start[f], end[f]);
        }

        long integer(int f) {
            int i = start[f];
            int e = end[f];
            if (i == e) {
                throw new CsvFormatException(file, line, f + 1, "", "empty field, expected an integer");
            }
            boolean neg = s.charAt(i) == '-';
            if (neg) {
                i++;
            }
            long v = 0;
            if (i == e || e - i > 18) {
                throw new CsvFormatException(file, line, f + 1, text(f), "expected an integer");
            }
            for (; i < e; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    throw new CsvFormatException(file, line, f + 1, text(f), "expected an integer");
                }
                v = v * 10 + (c - '0');
            }
            return neg ? -v : v;
        }

        /** Seconds with up to 9 decimals, as nanoseconds, exactly. */
        long seconds(int f) {
            int i = start[f];
            int e = end[f];
            long sec = 0;
            long nanos = 0;
            int digits = 0;
            boolean frac = false;
            boolean any = false;
            boolean roundUp = false;
            for (; i < e; i++) {
                char c = s.charAt(i);
                if (c == '.' && !frac) {
                    frac = true;
                } else if (c >= '0' && c <= '9') {
                    any = true;
                    if (frac) {
                        // LOBSTER's files were written from doubles: a few times carry float noise
                        // beyond the nanosecond (e.g. 43002.632812672004); round to the nearest ns
                        if (++digits > 9) {
                            if (digits == 10 && c >= '5') {
                                roundUp = true;
                            }
                            continue;
                        }
                        nanos = nanos * 10 + (c - '0');
                    } else {
                        sec = sec * 10 + (c - '0');
                        if (sec > 200_000) {
                            throw new CsvFormatException(file, line, f + 1, text(f), "time must be seconds after midnight");
                        }
                    }
                } else {
                    throw new CsvFormatException(file, line, f + 1, text(f), "expected seconds after midnight");
                }
            }
            if (!any) {
                throw new CsvFormatException(file, line, f + 1, text(f), "expected seconds after midnight");
            }
            for (; digits < 9; digits++) {
                nanos *= 10;
            }
            return sec * 1_000_000_000L + nanos + (roundUp ? 1 : 0);
        }
    }
}
