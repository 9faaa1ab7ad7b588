package org.eimas.micro.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eimas.micro.domain.market.NumericTable;

/** A numeric table split into a target and feature columns, with complete-row checks that name file and line. */
final class TableInput {
    final Path file;
    final List<String> features;
    final double[][] x;
    final double[] y;
    final int rows;

    private TableInput(Path file, List<String> features, double[][] x, double[] y) {
        this.file = file;
        this.features = features;
        this.x = x;
        this.y = y;
        this.rows = y.length;
    }

    /** Every column but {@code ts} and the target is a feature; an empty cell is an error. */
    static TableInput of(Path file, NumericTable table, String target) {
        if (!table.columns().contains(target)) {
            throw new IllegalArgumentException(file + ": no target column '" + target + "'; columns are " + table.columns());
        }
        List<String> features = new ArrayList<>();
        for (String c : table.columns()) {
            if (!c.equals(target)) {
                features.add(c);
            }
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException(file + ": no feature columns besides the target '" + target + "'");
        }
        double[] y = table.column(target);
        requireComplete(file, target, y);
        double[][] x = new double[features.size()][];
        for (int j = 0; j < features.size(); j++) {
            x[j] = table.column(features.get(j));
            requireComplete(file, features.get(j), x[j]);
        }
        return new TableInput(file, features, x, y);
    }

    static void requireComplete(Path file, String column, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(file + ": line " + (i + 2) + ", column '" + column + "': "
                        + (Double.isNaN(v[i]) ? "empty cell" : "non-finite value " + v[i])
                        + "; every row needs a finite target and features");
            }
        }
    }
}
