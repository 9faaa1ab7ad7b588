package org.eimas.micro.polygon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.HistoricalMarketData;

/**
 * Polygon flat files, {@code us_stocks_sip} trades and quotes day files ({@code .csv.gz}, one
 * header row), as history. Columns are found by name, so their order does not matter:
 * trades need {@code ticker, sip_timestamp, price, size}; quotes need {@code ticker,
 * sip_timestamp, bid_price, bid_size, ask_price, ask_size} (sizes in round lots, as in REST v3).
 * Quoted fields (e.g. {@code "12,37"} conditions) are handled. Timestamps are nanoseconds.
 *
 * <p>As a {@link HistoricalMarketData} it reads the day files under a root laid out as Polygon's
 * bucket is ({@code trades_v1/YYYY/MM/YYYY-MM-DD.csv.gz}, {@code quotes_v1/...}) for every New York
 * date in [from, to), keeping the symbol's rows inside the range. Rows of one ticker must be in
 * time order (the files are sorted by ticker, then time); a row going back in time is an error.
 * Errors name the file, the line and the problem.
 */
public final class PolygonFlatFiles implements HistoricalMarketData {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final Path root;
    private final int lotSize;

    /** @param root the {@code us_stocks_sip} directory */
    public PolygonFlatFiles(Path root, int lotSize) {
        this.root = root;
        this.lotSize = lotSize;
    }

    @Override
    public long trades(String symbol, long fromNs, long toNs, Consumer<Trade> sink) {
        long n = 0;
        for (Path f : dayFiles("trades_v1", fromNs, toNs)) {
            n += readTrades(f, symbol, t -> {
                if (t.ts() >= fromNs && t.ts() < toNs) {
                    sink.accept(t);
                }
            }, fromNs, toNs);
        }
        return n;
    }

    @Override
    public long quotes(String symbol, long fromNs, long toNs, Consumer<Quote> sink) {
        long n = 0;
        for (Path f : dayFiles("quotes_v1", fromNs, toNs)) {
            n += readQuotes(f, symbol, lotSize, q -> {
                if (q.ts() >= fromNs && q.ts() < toNs) {
                    sink.accept(q);
                }
            }, fromNs, toNs);
        }
        return n;
    }

    private List<Path> dayFiles(String kind, long fromNs, long toNs) {
        LocalDate d = Instant.ofEpochSecond(Math.floorDiv(fromNs, 1_000_000_000L)).atZone(NEW_YORK).toLocalDate();
        LocalDate last = Instant.ofEpochSecond(Math.floorDiv(toNs - 1, 1_000_000_000L)).atZone(NEW_YORK).toLocalDate();
        List<Path> out = new ArrayList<>();
        for (; !d.isAfter(last); d = d.plusDays(1)) {
            Path f = root.resolve(kind).resolve(String.format("%04d", d.getYear())).resolve(String.format("%02d", d.getMonthValue()))
                    .resolve(d + ".csv.gz");
            if (Files.exists(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** All trades of {@code symbol} (or every ticker when null) in a trades day file; returns the count. */
    public static long readTrades(Path file, String symbol, Consumer<Trade> sink) {
        return readTrades(file, symbol, sink, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static long readTrades(Path file, String symbol, Consumer<Trade> sink, long fromNs, long toNs) {
        return read(file, new String[] {"ticker", "sip_timestamp", "price", "size"}, symbol, (f, ts, c) -> {
            double price = f.number(c[2], "price");
            double size = f.number(c[3], "size");
            if (ts >= fromNs && ts < toNs) {
                sink.accept(f.wrap(() -> new Trade(ts, f.text(c[0]), price, size)));
                return true;
            }
            return false;
        });
    }

    /** All quotes of {@code symbol} (or every ticker when null) in a quotes day file; sizes x lotSize. */
    public static long readQuotes(Path file, String symbol, int lotSize, Consumer<Quote> sink) {
        return readQuotes(file, symbol, lotSize, sink, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static long readQuotes(Path file, String symbol, int lotSize, Consumer<Quote> sink, long fromNs, long toNs) {
        return read(file, new String[] {"ticker", "sip_timestamp", "bid_price", "bid_size", "ask_price", "ask_size"}, symbol,
                (f, ts, c) -> {
                    double bp = f.number(c[2], "bid_price");
                    double bs = f.number(c[3], "bid_size");
                    double ap = f.number(c[4], "ask_price");
                    double as = f.number(c[5], "ask_size");
                    if (ts >= fromNs && ts < toNs) {
                        sink.accept(f.wrap(() -> new Quote(ts, f.text(c[0]), bp, bs * lotSize, ap, as * lotSize)));
                        return true;
                    }
                    return false;
                });
    }

    private interface RowHandler {
        boolean row(Line f, long ts, int[] cols);
    }

    private static long read(Path file, String[] required, String symbol, RowHandler handler) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            Line line = new Line(file.toString());
            String header = r.readLine();
            if (header == null) {
                throw line.error(1, "empty file: a header row is required");
            }
            line.split(header, 1);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < line.n; i++) {
                index.put(line.text(i).trim().replace("\uFEFF", ""), i);
            }
            int[] cols = new int[required.length];
            for (int i = 0; i < required.length; i++) {
                Integer c = index.get(required[i]);
                if (c == null) {
                    throw line.error(1, "missing column '" + required[i] + "' (header is " + header + ")");
                }
                cols[i] = c;
            }
            long count = 0;
            long lineNo = 1;
            long lastTs = Long.MIN_VALUE;
            String lastTicker = null;
            String text;
            while ((text = r.readLine()) != null) {
                lineNo++;
                if (text.isEmpty()) {
                    continue;
                }
                line.split(text, lineNo);
                if (symbol != null && !line.equals(cols[0], symbol)) {
                    continue;
                }
                String ticker = line.text(cols[0]);
                long ts = line.integer(cols[1], "sip_timestamp");
                if (ticker.equals(lastTicker) && ts < lastTs) {
                    throw line.error(lineNo, "sip_timestamp " + ts + " goes back in time for " + ticker + " (previous " + lastTs + ")");
                }
                lastTicker = ticker;
                lastTs = ts;
                if (handler.row(line, ts, cols)) {
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Polygon flat file " + file + ": " + e.getMessage(), e);
        }
    }

    /** One CSV line split into fields (RFC 4180 quotes), with errors naming file and line. */
    private static final class Line {
        final String file;
        long lineNo;
        String s;
        int n;
        String[] fields = new String[32];

        Line(String file) {
            this.file = file;
        }

        void split(String text, long no) {
            s = text;
            lineNo = no;
            n = 0;
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            cur.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cur.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    add(cur.toString());
                    cur.setLength(0);
                } else if (c != '\r') {
                    cur.append(c);
                }
            }
            if (quoted) {
                throw error(no, "unterminated quoted field");
            }
            add(cur.toString());
        }

        private void add(String f) {
            if (n == fields.length) {
                fields = java.util.Arrays.copyOf(fields, n * 2);
            }
            fields[n++] = f;
        }

        String text(int i) {
            if (i >= n) {
                throw error(lineNo, "has " + n + " fields, column " + (i + 1) + " is missing");
            }
            return fields[i];
        }

        boolean equals(int i, String v) {
            return i < n && fields[i].equals(v);
        }

        long integer(int i, String name) {
            String t = text(i);
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw error(lineNo, name + " must be an integer (nanoseconds), got '" + t + "'");
            }
        }

        double number(int i, String name) {
            String t = text(i);
            try {
                double v = Double.parseDouble(t);
                if (!Double.isFinite(v) || v < 0) {
                    throw error(lineNo, name + " must be a finite non-negative number, got '" + t + "'");
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(lineNo, name + " must be a number, got '" + t + "'");
            }
        }

        <T> T wrap(java.util.function.Supplier<T> make) {
            try {
                return make.get();
            } catch (IllegalArgumentException e) {
                throw error(lineNo, e.getMessage());
            }
        }

        IllegalArgumentException error(long no, String problem) {
            return new IllegalArgumentException(file + ":" + no + ": " + problem);
        }
    }
}
