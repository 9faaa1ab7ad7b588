package org.eimas.micro.replay.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A forward-only, allocation-free reader of comma-separated lines from a plain or gzip file.
 * Each {@link #next()} exposes the fields of one line as byte ranges of an internal buffer; the
 * number parsers read those ranges directly (no String per field, no regex, no split).
 */
final class CsvCursor implements AutoCloseable {
    private static final double[] POW10 = new double[23];
    private static final long MAX_EXACT = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final InputStream in;
    private final String file;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private long lineNo;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int fields;
    private String lastSymbol;

    private CsvCursor(InputStream in, String file) {
        this.in = in;
        this.file = file;
    }

    static CsvCursor open(Path path) {
        String name = path.toString();
        try {
            InputStream raw = Files.newInputStream(path);
            InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16);
            return new CsvCursor(in, name);
        } catch (NoSuchFileException e) {
            throw new CsvFormatException(name, 0, 0, null, "file not found");
        } catch (IOException e) {
            throw new CsvFormatException(name, 0, 0, null, "cannot open: " + e.getMessage());
        }
    }

    String file() {
        return file;
    }

    long lineNo() {
        return lineNo;
    }

    int fields() {
        return fields;
    }

    /** Advances to the next non-blank line; false at end of file. */
    boolean next() {
        while (true) {
            int nl = findNewline();
            if (nl < 0) {
                return false;
            }
            lineNo++;
            int end = nl;
            int next = nl + 1;
            if (nl == limit) { // last line without newline
                next = limit;
            }
            if (end > pos && buf[end - 1] == '\r') {
                end--;
            }
            if (end == pos) { // blank line
                pos = next;
                continue;
            }
            split(pos, end);
            pos = next;
            return true;
        }
    }

    private int findNewline() {
        int from = pos;
        while (true) {
            for (int i = from; i < limit; i++) {
                if (buf[i] == '\n') {
                    return i;
                }
            }
            if (eof) {
                return pos < limit ? limit : -1;
            }
            int scanned = limit - pos;
            fill();
            from = pos + scanned;
        }
    }

    private void fill() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        } catch (IOException e) {
            throw new CsvFormatException(file, lineNo + 1, 0, null, "read failed: " + e.getMessage());
        }
    }

    private void split(int from, int to) {
        int f = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            if (buf[i] == ',') {
                addField(f++, start, i);
                start = i + 1;
            }
        }
        addField(f++, start, to);
        fields = f;
    }

    private void addField(int f, int start, int end) {
        if (f == starts.length) {
            int[] s = new int[f * 2];
            int[] e = new int[f * 2];
            System.arraycopy(starts, 0, s, 0, f);
            System.arraycopy(ends, 0, e, 0, f);
            starts = s;
            ends = e;
        }
        starts[f] = start;
        ends[f] = end;
    }

    /** The text of field f (0-based), trimmed of surrounding spaces. Allocates: for headers and errors. */
    String text(int f) {
        return new String(buf, starts[f], ends[f] - starts[f], StandardCharsets.UTF_8).trim();
    }

    /** The whole current line, for error messages. */
    String lineText() {
        return new String(buf, starts[0], ends[fields - 1] - starts[0], StandardCharsets.UTF_8);
    }

    boolean isEmpty(int f) {
        for (int i = starts[f]; i < ends[f]; i++) {
            if (buf[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    CsvFormatException error(int f, String problem) {
        return new CsvFormatException(file, lineNo, f + 1, f < fields ? text(f) : null, problem);
    }

    CsvFormatException lineError(String problem) {
        return new CsvFormatException(file, lineNo, 0, lineText(), problem);
    }

    void requireFields(int n) {
        if (fields != n) {
            throw lineError("expected " + n + " fields, found " + fields);
        }
    }

    /** Field f as the same String instance as the previous call when the bytes are equal. */
    String symbol(int f) {
        int s = starts[f];
        int e = ends[f];
        while (s < e && buf[s] == ' ') {
            s++;
        }
        while (e > s && buf[e - 1] == ' ') {
            e--;
        }
        String last = lastSymbol;
        if (last != null && last.length() == e - s) {
            boolean same = true;
            for (int i = 0; i < e - s; i++) {
                if (last.charAt(i) != (char) buf[s + i]) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return last;
            }
        }
        if (e == s) {
            throw error(f, "empty symbol");
        }
        lastSymbol = new String(buf, s, e - s, StandardCharsets.UTF_8);
        return lastSymbol;
    }

    long parseLong(int f, String column) {
        int i = starts[f];
        int e = ends[f];
        while (i < e && buf[i] == ' ') {
            i++;
        }
        while (e > i && buf[e - 1] == ' ') {
            e--;
        }
        boolean neg = false;
        if (i < e && (buf[i] == '-' || buf[i] == '+')) {
            neg = buf[i] == '-';
            i++;
        }
        if (i == e) {
            throw error(f, column + " is not an integer");
        }
        long v = 0;
        for (; i < e; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                throw error(f, column + " is not an integer");
            }
            if (v > (Long.MAX_VALUE - d) / 10) {
                throw error(f, column + " overflows a 64-bit integer");
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    /**
     * Field f as a double, correctly rounded: the fast path computes m / 10^k with m and 10^k both
     * exact doubles, a single correctly rounded division; anything else goes to Double.parseDouble.
     * An empty field is NaN.
     */
    double parseDouble(int f, String column) {
        int i = starts[f];
        int e = ends[f];
        while (i < e && buf[i] == ' ') {
            i++;
        }
        while (e > i && buf[e - 1] == ' ') {
            e--;
        }
        if (i == e) {
            return Double.NaN;
        }
        int s = i;
        boolean neg = false;
        if (buf[i] == '-' || buf[i] == '+') {
            neg = buf[i] == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int decimals = 0;
        boolean dot = false;
        boolean anyDigit = false;
        boolean fast = i < e;
        for (; i < e; i++) {
            byte b = buf[i];
            if (b >= '0' && b <= '9') {
                anyDigit = true;
                if (digits < 18) {
                    m = m * 10 + (b - '0');
                    if (m != 0) {
                        digits++;
                    }
                    if (dot) {
                        decimals++;
                    }
                } else {
                    fast = false;
                    break;
                }
            } else if (b == '.' && !dot) {
                dot = true;
            } else {
                fast = false;
                break;
            }
        }
        if (fast && anyDigit && m < MAX_EXACT && decimals < POW10.length) {
            double v = decimals == 0 ? (double) m : m / POW10[decimals];
            return neg ? -v : v;
        }
        String text = new String(buf, s, e - s, StandardCharsets.US_ASCII);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException ex) {
            throw error(f, column + " is not a number");
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
