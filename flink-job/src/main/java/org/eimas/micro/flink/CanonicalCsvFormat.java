package org.eimas.micro.flink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.MutableRecordAndPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.eimas.micro.domain.market.LobSnapshot;

/**
 * Reads the project's canonical CSV (books or trades, plain or {@code .gz}) as a Flink
 * {@link BulkFormat}: one split per file, read from the first line. The reader position is the
 * number of rows already emitted, so a restored reader re-opens the file and skips them (exactly
 * once together with the checkpointed state). Rows must have non-decreasing {@code ts} within a
 * file, as the single-JVM reader requires; any malformed row fails the job with the file, line,
 * column and text named.
 */
public abstract class CanonicalCsvFormat<T> implements BulkFormat<T, FileSourceSplit> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 512;

    /** Canonical books: {@code ts,symbol,bid_px_1,bid_sz_1,ask_px_1,ask_sz_1,...}. */
    public static CanonicalCsvFormat<BookRow> books() {
        return new Books();
    }

    /** Canonical trades: {@code ts,symbol,price,size[,bid,ask]}. */
    public static CanonicalCsvFormat<TradeRow> trades() {
        return new Trades();
    }

    /** Validates the header; returns the number of fields every row must have. */
    abstract int header(String file, String[] names);

    /** Parses one row of {@code n} fields. */
    abstract T parse(String file, long line, String[] f, long previousTs);

    abstract long ts(T row);

    /** Whether a row of {@code n} fields can be parsed without a header (Kafka records). */
    abstract boolean headerlessFields(int n);

    /** The canonical column names of a row of {@code n} fields. */
    abstract java.util.List<String> columns(int n);

    @Override
    public Reader<T> createReader(Configuration config, FileSourceSplit split) throws IOException {
        return new CsvReader(split, 0);
    }

    @Override
    public Reader<T> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        long skip = split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
        return new CsvReader(split, skip);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    private final class CsvReader implements Reader<T> {
        private final String file;
        private final BufferedReader in;
        private final int fields;
        private final String[] cells;
        private long line = 1;
        private long emitted;
        private long previousTs = Long.MIN_VALUE;

        CsvReader(FileSourceSplit split, long skip) throws IOException {
            org.apache.flink.core.fs.Path path = split.path();
            this.file = path.toString();
            InputStream raw = path.getFileSystem().open(path);
            InputStream s = file.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            this.in = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8), 1 << 16);
            String h = in.readLine();
            if (h == null) {
                in.close();
                throw new IllegalArgumentException(file + ":1: empty file: a header row is required");
            }
            this.fields = header(file, h.split(",", -1));
            this.cells = new String[fields];
            for (long k = 0; k < skip; k++) {
                T row = next();
                if (row == null) {
                    throw new IllegalStateException(file + ": restored position " + skip + " rows is past the end (" + k + " rows)");
                }
            }
        }

        private T next() throws IOException {
            String s;
            do {
                s = in.readLine();
                line++;
                if (s == null) {
                    return null;
                }
            } while (s.isEmpty());
            split(s);
            T row = parse(file, line, cells, previousTs);
            previousTs = ts(row);
            emitted++;
            return row;
        }

        private void split(String s) {
            int n = 0;
            int start = 0;
            for (int i = 0; i <= s.length(); i++) {
                if (i == s.length() || s.charAt(i) == ',') {
                    if (n == fields) {
                        throw new IllegalArgumentException(file + ":" + line + ": expected " + fields + " fields, got more: '" + s + "'");
                    }
                    cells[n++] = s.substring(start, i);
                    start = i + 1;
                }
            }
            if (n != fields) {
                throw new IllegalArgumentException(file + ":" + line + ": expected " + fields + " fields, got " + n + ": '" + s + "'");
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public RecordIterator<T> readBatch() throws IOException {
            Object[] batch = new Object[BATCH];
            long first = emitted;
            int n = 0;
            while (n < BATCH) {
                T row = next();
                if (row == null) {
                    break;
                }
                batch[n++] = row;
            }
            if (n == 0) {
                return null;
            }
            return new Batch<>((T[]) batch, n, first);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A batch of rows; the position after row i is "skip first + i + 1 rows". */
    private static final class Batch<T> implements RecordIterator<T> {
        private final T[] rows;
        private final int n;
        private final long first;
        private final MutableRecordAndPosition<T> pos = new MutableRecordAndPosition<>();
        private int i;

        Batch(T[] rows, int n, long first) {
            this.rows = rows;
            this.n = n;
            this.first = first;
        }

        @Override
        public RecordAndPosition<T> next() {
            if (i == n) {
                return null;
            }
            pos.set(rows[i], CheckpointedPosition.NO_OFFSET, first + i + 1);
            i++;
            return pos;
        }

        @Override
        public void releaseBatch() {
        }
    }

    // ---- cell parsing, with the same rules as the single-JVM reader ----

    static long parseTs(String file, long line, String text, long previous) {
        long ts;
        try {
            ts = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw cellError(file, line, "ts", text, "not an integer epoch-nanosecond timestamp");
        }
        if (ts < previous) {
            throw cellError(file, line, "ts", text, "ts goes backwards (previous row had " + previous + "); rows must be in non-decreasing ts");
        }
        return ts;
    }

    static double nonNegative(String file, long line, String column, String text, String what) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw cellError(file, line, column, text, "not a number");
        }
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
            throw cellError(file, line, column, text, column + " must be a finite non-negative " + what);
        }
        return v;
    }

    static String symbol(String file, long line, String text) {
        if (text.isEmpty()) {
            throw cellError(file, line, "symbol", text, "empty symbol");
        }
        return text;
    }

    static IllegalArgumentException cellError(String file, long line, String column, String text, String why) {
        return new IllegalArgumentException(file + ":" + line + ": column " + column + " '" + text + "': " + why);
    }

    private static final class Books extends CanonicalCsvFormat<BookRow> {
        private static final long serialVersionUID = 1L;

        @Override
        int header(String file, String[] h) {
            int n = h.length - 2;
            boolean ok = n > 0 && n % 4 == 0 && h[0].equals("ts") && h[1].equals("symbol");
            for (int i = 0; ok && i < n / 4; i++) {
                int f = 2 + 4 * i;
                String l = String.valueOf(i + 1);
                ok = h[f].equals("bid_px_" + l) && h[f + 1].equals("bid_sz_" + l) && h[f + 2].equals("ask_px_" + l) && h[f + 3].equals("ask_sz_" + l);
            }
            if (!ok) {
                throw new IllegalArgumentException(file + ":1: book header must be ts,symbol then bid_px_i,bid_sz_i,ask_px_i,ask_sz_i for i = 1..N, got '"
                        + String.join(",", h) + "'");
            }
            return h.length;
        }

        @Override
        boolean headerlessFields(int n) {
            return n >= 6 && (n - 2) % 4 == 0;
        }

        @Override
        java.util.List<String> columns(int n) {
            java.util.List<String> c = new java.util.ArrayList<>(java.util.List.of("ts", "symbol"));
            for (int i = 1; i <= (n - 2) / 4; i++) {
                c.addAll(java.util.List.of("bid_px_" + i, "bid_sz_" + i, "ask_px_" + i, "ask_sz_" + i));
            }
            return c;
        }

        @Override
        BookRow parse(String file, long line, String[] f, long previousTs) {
            int levels = (f.length - 2) / 4;
            BookRow r = new BookRow();
            r.ts = parseTs(file, line, f[0], previousTs);
            r.symbol = symbol(file, line, f[1]);
            r.bidPx = new double[levels];
            r.bidSz = new double[levels];
            r.askPx = new double[levels];
            r.askSz = new double[levels];
            for (int i = 0, c = 2; i < levels; i++, c += 4) {
                String l = String.valueOf(i + 1);
                r.bidPx[i] = nonNegative(file, line, "bid_px_" + l, f[c], "price");
                r.bidSz[i] = nonNegative(file, line, "bid_sz_" + l, f[c + 1], "size");
                r.askPx[i] = nonNegative(file, line, "ask_px_" + l, f[c + 2], "price");
                r.askSz[i] = nonNegative(file, line, "ask_sz_" + l, f[c + 3], "size");
            }
            try {
                LobSnapshot.validateLevels(r.bidPx, r.bidSz, r.askPx, r.askSz, levels);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + line + ": " + e.getMessage());
            }
            return r;
        }

        @Override
        long ts(BookRow row) {
            return row.ts;
        }

        @Override
        public TypeInformation<BookRow> getProducedType() {
            return TypeInformation.of(BookRow.class);
        }
    }

    private static final class Trades extends CanonicalCsvFormat<TradeRow> {
        private static final long serialVersionUID = 1L;

        @Override
        int header(String file, String[] h) {
            String s = String.join(",", h);
            if (s.equals("ts,symbol,price,size") || s.equals("ts,symbol,price,size,bid,ask")) {
                return h.length;
            }
            throw new IllegalArgumentException(file + ":1: trades header must be ts,symbol,price,size or ts,symbol,price,size,bid,ask, got '" + s + "'");
        }

        @Override
        boolean headerlessFields(int n) {
            return n == 4 || n == 6;
        }

        @Override
        java.util.List<String> columns(int n) {
            return n == 6 ? java.util.List.of("ts", "symbol", "price", "size", "bid", "ask") : java.util.List.of("ts", "symbol", "price", "size");
        }

        @Override
        TradeRow parse(String file, long line, String[] f, long previousTs) {
            TradeRow r = new TradeRow();
            r.ts = parseTs(file, line, f[0], previousTs);
            r.symbol = symbol(file, line, f[1]);
            r.price = nonNegative(file, line, "price", f[2], "price");
            r.size = nonNegative(file, line, "size", f[3], "size");
            r.bid = f.length == 6 && !f[4].isEmpty() ? nonNegative(file, line, "bid", f[4], "price") : Double.NaN;
            r.ask = f.length == 6 && !f[5].isEmpty() ? nonNegative(file, line, "ask", f[5], "price") : Double.NaN;
            return r;
        }

        @Override
        long ts(TradeRow row) {
            return row.ts;
        }

        @Override
        public TypeInformation<TradeRow> getProducedType() {
            return TypeInformation.of(TradeRow.class);
        }
    }
}
