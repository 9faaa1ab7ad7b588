package org.eimas.micro.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.replay.csv.CanonicalCsv;

/** Reads a canonical numeric table and picks complete numeric columns from it, naming file and line on error. */
final class NetworkTables {
    private NetworkTables() {
    }

    static NumericTable read(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        return CanonicalCsv.readTable(file);
    }

    /** The named columns (all when names is empty), each checked to have no missing cell. */
    static double[][] columns(Path file, NumericTable t, List<String> names) {
        double[][] out = new double[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (!t.columns().contains(n)) {
                throw new IllegalArgumentException(file + ": no column '" + n + "'; columns are " + t.columns());
            }
            out[i] = t.column(n);
            for (int r = 0; r < out[i].length; r++) {
                if (!Double.isFinite(out[i][r])) {
                    throw new IllegalArgumentException(file + " line " + (r + 2) + ": column '" + n
                            + "' is missing or not finite; the test needs complete rows");
                }
            }
        }
        return out;
    }

    static List<String> orAll(NumericTable t, List<String> names) {
        return names == null || names.isEmpty() ? new ArrayList<>(t.columns()) : names;
    }

    /**
     * The table's spelling of a column name: an exact match, else the one column equal ignoring case
     * (the canonical reader lower-cases headers, so {@code d_VIX} is read as {@code d_vix}), else null.
     */
    static String find(List<String> columns, String name) {
        if (columns.contains(name)) {
            return name;
        }
        String found = null;
        for (String c : columns) {
            if (c.equalsIgnoreCase(name)) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found;
    }

    /** Like {@link #find} but an unknown name is an error naming the file and its columns. */
    static String resolve(Path file, NumericTable t, String name) {
        String c = find(t.columns(), name);
        if (c == null) {
            throw new IllegalArgumentException(file + ": no column '" + name + "'; columns are " + t.columns());
        }
        return c;
    }

    static List<String> resolveAll(Path file, NumericTable t, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(resolve(file, t, n));
        }
        return out;
    }
}
