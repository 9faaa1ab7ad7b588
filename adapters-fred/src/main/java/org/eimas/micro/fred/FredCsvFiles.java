package org.eimas.micro.fred;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.eimas.micro.domain.store.MacroSeries;

/**
 * Reads FRED's CSV downloads (fred.stlouisfed.org "Download CSV" / {@code fredgraph.csv}):
 * header {@code observation_date,SERIES_ID[,SERIES_ID...]} or, in older files,
 * {@code DATE,SERIES_ID[,...]}; one row per date ({@code yyyy-MM-dd}); a value of {@code .} or an
 * empty cell is a missing observation (kept as missing). Plain or {@code .gz}; a UTF-8 byte-order
 * mark and CRLF line ends are accepted. The vintage of a downloaded file is unknown, so
 * {@code realtimeStart} and {@code realtimeEnd} are null.
 *
 * <p>A malformed file stops the read with {@code file:line:column: what was wrong (got 'text')}.
 */
public final class FredCsvFiles {
    private FredCsvFiles() {
    }

    /** All series of one file, in column order. */
    public static List<MacroSeries> read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            return read(file.toString(), r);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException error(String file, long line, int column, String what, String got) {
        return new IllegalArgumentException(file + ":" + line + ":" + column + ": " + what
                + (got == null ? "" : " (got '" + got + "')"));
    }

    static List<MacroSeries> read(String file, BufferedReader r) throws IOException {
        String header = r.readLine();
        if (header == null) {
            throw error(file, 1, 1, "empty file; expected a FRED CSV header 'observation_date,SERIES_ID'", null);
        }
        if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
            header = header.substring(1);
        }
        String[] names = header.strip().split(",", -1);
        String first = names[0].strip();
        if (!first.equalsIgnoreCase("observation_date") && !first.equalsIgnoreCase("DATE")) {
            throw error(file, 1, 1, "not a FRED CSV file: the first column must be 'observation_date' or 'DATE'", first);
        }
        if (names.length < 2) {
            throw error(file, 1, 2, "no series column after '" + first + "'", header);
        }
        List<String> ids = new ArrayList<>();
        for (int c = 1; c < names.length; c++) {
            String id = names[c].strip();
            try {
                FredMacroSeriesSource.checkSeriesId(id);
            } catch (IllegalArgumentException e) {
                throw error(file, 1, c + 1, "column " + (c + 1) + " is not a FRED series id", id);
            }
            if (ids.contains(id)) {
                throw error(file, 1, c + 1, "series " + id + " appears twice in the header", id);
            }
            ids.add(id);
        }
        List<List<MacroSeries.Observation>> cols = new ArrayList<>();
        for (int c = 0; c < ids.size(); c++) {
            cols.add(new ArrayList<>());
        }
        long lineNo = 1;
        LocalDate previous = null;
        String line;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.strip().split(",", -1);
            if (cells.length != names.length) {
                throw error(file, lineNo, 1, "expected " + names.length + " cells like the header, found " + cells.length,
                        line);
            }
            LocalDate d;
            try {
                d = LocalDate.parse(cells[0].strip());
            } catch (DateTimeParseException e) {
                throw error(file, lineNo, 1, "not a date yyyy-MM-dd", cells[0]);
            }
            if (previous != null && !d.isAfter(previous)) {
                throw error(file, lineNo, 1, "dates must increase (previous row was " + previous + ")", cells[0]);
            }
            previous = d;
            for (int c = 1; c < cells.length; c++) {
                String v = cells[c].strip();
                if (v.isEmpty() || v.equals(".")) {
                    cols.get(c - 1).add(new MacroSeries.Observation(d, Double.NaN, true, null, null));
                    continue;
                }
                double x;
                try {
                    x = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    x = Double.NaN;
                }
                if (!Double.isFinite(x)) {
                    throw error(file, lineNo, c + 1, "value of " + ids.get(c - 1) + " is neither a number nor '.' (missing)",
                            v);
                }
                cols.get(c - 1).add(new MacroSeries.Observation(d, x, false, null, null));
            }
        }
        List<MacroSeries> out = new ArrayList<>();
        for (int c = 0; c < ids.size(); c++) {
            out.add(new MacroSeries(ids.get(c), cols.get(c)));
        }
        return out;
    }
}
