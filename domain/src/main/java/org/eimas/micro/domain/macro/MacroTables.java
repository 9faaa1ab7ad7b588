package org.eimas.micro.domain.macro;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.store.MacroSeries;

/** Daily macro series as a numeric table: {@code ts} = New York midnight of the date, one column per series. */
public final class MacroTables {
    private MacroTables() {
    }

    /**
     * Joins series on the union of their observation dates (sorted). A cell is NaN where the
     * series has no observation on that date or its observation is missing ({@code "."}).
     */
    public static NumericTable byDate(List<MacroSeries> series) {
        Set<String> ids = new HashSet<>();
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (MacroSeries s : series) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("series " + s.id() + " given twice");
            }
            Set<LocalDate> seen = new HashSet<>();
            for (MacroSeries.Observation o : s.observations()) {
                if (!seen.add(o.date())) {
                    throw new IllegalArgumentException("series " + s.id() + " has two observations dated " + o.date());
                }
                dates.add(o.date());
            }
        }
        Map<LocalDate, Integer> row = new HashMap<>();
        long[] ts = new long[dates.size()];
        int r = 0;
        for (LocalDate d : dates) {
            row.put(d, r);
            ts[r++] = MacroAvailability.newYorkMidnightNanos(d);
        }
        double[][] data = new double[series.size()][dates.size()];
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < series.size(); c++) {
            MacroSeries s = series.get(c);
            columns.add(s.id());
            java.util.Arrays.fill(data[c], Double.NaN);
            for (MacroSeries.Observation o : s.observations()) {
                data[c][row.get(o.date())] = o.missing() ? Double.NaN : o.value();
            }
        }
        return new NumericTable(columns, ts, data);
    }

    /** The observations dated within [from, to] (either bound may be null for open). */
    public static MacroSeries between(MacroSeries s, LocalDate from, LocalDate to) {
        List<MacroSeries.Observation> out = new ArrayList<>();
        for (MacroSeries.Observation o : s.observations()) {
            if ((from == null || !o.date().isBefore(from)) && (to == null || !o.date().isAfter(to))) {
                out.add(o);
            }
        }
        return new MacroSeries(s.id(), out);
    }
}
