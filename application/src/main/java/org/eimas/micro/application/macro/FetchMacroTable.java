package org.eimas.micro.application.macro;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eimas.micro.domain.macro.MacroTables;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.port.MacroSeriesSource;
import org.eimas.micro.domain.store.MacroSeries;

/**
 * Use case "get daily macro series as a table": asks a {@link MacroSeriesSource} (FRED behind its
 * cache, or anything else bound to the port) for each series, point-in-time when {@code asOf} is given,
 * and joins them on their dates ({@link MacroTables#byDate}: ts = New York midnight, NaN = missing).
 * Join the result onto intraday data with {@code MacroAvailability}, never by date alone.
 */
public final class FetchMacroTable {
    private final MacroSeriesSource source;

    public FetchMacroTable(MacroSeriesSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The table and the series it was built from (for reports: counts of missing values, last dates). */
    public record Result(NumericTable table, List<MacroSeries> series) {
        public Result {
            series = List.copyOf(series);
        }
    }

    public Result run(List<String> seriesIds, LocalDate from, LocalDate to, Optional<LocalDate> asOf) {
        if (seriesIds.isEmpty()) {
            throw new IllegalArgumentException("no series requested");
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        if (new LinkedHashSet<>(seriesIds).size() != seriesIds.size()) {
            throw new IllegalArgumentException("a series is requested twice: " + seriesIds);
        }
        if (asOf.isPresent() && asOf.get().isBefore(from)) {
            throw new IllegalArgumentException("as-of " + asOf.get() + " is before from " + from
                    + ": nothing dated in the range was known then");
        }
        List<MacroSeries> out = new ArrayList<>(seriesIds.size());
        for (String id : seriesIds) {
            MacroSeries s = source.fetch(id, from, to, asOf);
            if (!s.id().equals(id)) {
                throw new IllegalStateException("asked for series " + id + ", the source answered " + s.id());
            }
            out.add(MacroTables.between(s, from, to));
        }
        return new Result(MacroTables.byDate(out), out);
    }
}
