package org.eimas.micro.replay.csv;

import java.nio.file.Path;
import java.util.List;
import org.eimas.micro.domain.market.NumericTable;

/** Writes a numeric table (or any output with a fixed header) row by row. */
public final class CsvTableWriter implements AutoCloseable {
    private final CsvWriter w;
    private final int columns;

    private CsvTableWriter(CsvWriter w, int columns) {
        this.w = w;
        this.columns = columns;
    }

    public static CsvTableWriter open(Path path, List<String> header) {
        CsvWriter w = CsvWriter.open(path);
        w.header(header);
        return new CsvTableWriter(w, header.size());
    }

    /** A row whose first column is the ts index; NaN values become empty cells. */
    public void writeRow(long ts, double... values) {
        if (values.length + 1 != columns) {
            throw new IllegalArgumentException("row has " + (values.length + 1) + " cells, header has " + columns);
        }
        w.field(ts);
        for (double v : values) {
            w.field(v);
        }
        w.endRow();
    }

    /** A row of numbers without an index. */
    public void writeValues(double... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("row has " + values.length + " cells, header has " + columns);
        }
        for (double v : values) {
            w.field(v);
        }
        w.endRow();
    }

    /** A row of preformatted cells. */
    public void writeRow(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header has " + columns);
        }
        for (String c : cells) {
            w.field(c);
        }
        w.endRow();
    }

    /** The underlying writer, for rows built cell by cell (call {@code endRow()}). */
    public CsvWriter raw() {
        return w;
    }

    /** Writes a whole table, with its ts index when it has one. */
    public static void write(Path path, NumericTable table) {
        List<String> header = new java.util.ArrayList<>();
        if (table.hasTs()) {
            header.add("ts");
        }
        header.addAll(table.columns());
        try (CsvTableWriter t = open(path, header)) {
            int cols = table.columns().size();
            for (int r = 0; r < table.rows(); r++) {
                if (table.hasTs()) {
                    t.w.field(table.ts(r));
                }
                for (int c = 0; c < cols; c++) {
                    t.w.field(table.get(r, c));
                }
                t.w.endRow();
            }
        }
    }

    @Override
    public void close() {
        w.close();
    }
}
