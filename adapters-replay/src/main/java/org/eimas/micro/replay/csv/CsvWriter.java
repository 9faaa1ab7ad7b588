package org.eimas.micro.replay.csv;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A buffered comma-separated writer, gzip when the file name ends in {@code .gz}. Integral doubles
 * below 1e15 are written without a fraction, other doubles in Java's shortest round-trip form, NaN
 * as an empty cell.
 */
public final class CsvWriter implements AutoCloseable {
    private final OutputStream out;
    private final String file;
    private final byte[] buf = new byte[1 << 16];
    private final byte[] digits = new byte[20];
    private int pos;
    private boolean rowStarted;

    private CsvWriter(OutputStream out, String file) {
        this.out = out;
        this.file = file;
    }

    public static CsvWriter open(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            OutputStream raw = Files.newOutputStream(path);
            OutputStream out = path.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : new BufferedOutputStream(raw, 1 << 16);
            return new CsvWriter(out, path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes a whole row of names (a header). */
    public CsvWriter header(List<String> names) {
        for (String n : names) {
            field(n);
        }
        return endRow();
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            flushBuffer();
        }
    }

    private void separator() {
        if (rowStarted) {
            ensure(1);
            buf[pos++] = ',';
        }
        rowStarted = true;
    }

    public CsvWriter field(String s) {
        separator();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > buf.length / 2) {
            flushBuffer();
            try {
                out.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            return this;
        }
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    public CsvWriter field(long v) {
        separator();
        writeLong(v);
        return this;
    }

    private void writeLong(long v) {
        ensure(21);
        if (v == Long.MIN_VALUE) {
            byte[] b = Long.toString(v).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
            return;
        }
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        while (n > 0) {
            buf[pos++] = digits[--n];
        }
    }

    public CsvWriter field(double v) {
        separator();
        if (Double.isNaN(v)) {
            return this;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            if (v == 0 && 1 / v < 0) {
                v = 0; // no "-0"
            }
            writeLong((long) v);
            return this;
        }
        String s = Double.toString(v);
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** An empty cell. */
    public CsvWriter empty() {
        separator();
        return this;
    }

    public CsvWriter endRow() {
        ensure(1);
        buf[pos++] = '\n';
        rowStarted = false;
        return this;
    }

    private void flushBuffer() {
        try {
            out.write(buf, 0, pos);
            pos = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public void flush() {
        flushBuffer();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        flushBuffer();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
