package org.eimas.micro.domain.market;

import java.util.Arrays;
import java.util.List;

/**
 * A column-major table of doubles with named columns and an optional {@code ts} index
 * (epoch nanoseconds). The index is never a variable. NaN marks a missing cell.
 */
public final class NumericTable {
    private final List<String> columns;
    private final long[] ts;
    private final double[][] data;

    /**
     * @param columns column names, without {@code ts}
     * @param ts      index of length rows, or null when the table has none
     * @param data    data[c][r] = value of column c at row r
     */
    public NumericTable(List<String> columns, long[] ts, double[][] data) {
        this.columns = List.copyOf(columns);
        if (data.length != columns.size()) {
            throw new IllegalArgumentException(columns.size() + " column names for " + data.length + " columns");
        }
        int rows = data.length == 0 ? (ts == null ? 0 : ts.length) : data[0].length;
        for (int c = 0; c < data.length; c++) {
            if (data[c].length != rows) {
                throw new IllegalArgumentException("column " + columns.get(c) + " has " + data[c].length
                        + " rows, expected " + rows);
            }
        }
        if (ts != null && ts.length != rows) {
            throw new IllegalArgumentException("ts has " + ts.length + " rows, expected " + rows);
        }
        if (this.columns.contains("ts")) {
            throw new IllegalArgumentException("'ts' is the index, not a column");
        }
        this.ts = ts;
        this.data = data;
    }

    public List<String> columns() {
        return columns;
    }

    public int rows() {
        return data.length == 0 ? (ts == null ? 0 : ts.length) : data[0].length;
    }

    public boolean hasTs() {
        return ts != null;
    }

    public long ts(int row) {
        if (ts == null) {
            throw new IllegalStateException("table has no ts index");
        }
        return ts[row];
    }

    /** The ts index (a copy), or null. */
    public long[] tsIndex() {
        return ts == null ? null : ts.clone();
    }

    public int indexOf(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + column + "'; columns are " + columns);
        }
        return i;
    }

    /** The column's values (a copy). */
    public double[] column(String name) {
        return data[indexOf(name)].clone();
    }

    public double[] column(int index) {
        return data[index].clone();
    }

    public double get(int row, int column) {
        return data[column][row];
    }

    @Override
    public String toString() {
        return "NumericTable" + columns + " x " + rows() + (ts != null ? " (ts index)" : "")
                + (rows() > 0 && !columns.isEmpty() ? " first=" + Arrays.toString(new double[] {data[0][0]}) : "");
    }
}
