package org.eimas.micro.fred;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.eimas.micro.domain.port.MacroObservationCache;
import org.eimas.micro.domain.store.MacroSeries;

/**
 * {@link MacroObservationCache} in plain CSV files under one directory, until the relational
 * (jOOQ) store takes over. Per series and vintage ({@code latest} or {@code asof-yyyy-MM-dd}):
 * <ul>
 *   <li>{@code SERIES@VINTAGE.csv}: {@code series,date,value,realtime_start,realtime_end}, one row per
 *       date, value {@code .} when missing, empty realtime cells when unknown;</li>
 *   <li>{@code SERIES@VINTAGE.ranges.csv}: {@code from,to}, the merged date ranges fetched so far.</li>
 * </ul>
 * Files are replaced atomically (write to a temporary file, then move).
 */
public final class FileMacroObservationCache implements MacroObservationCache {
    private static final String HEADER = "series,date,value,realtime_start,realtime_end";
    private static final String RANGES_HEADER = "from,to";

    private final Path dir;

    public FileMacroObservationCache(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    private static String vintage(Optional<LocalDate> asOf) {
        return asOf.map(d -> "asof-" + d).orElse("latest");
    }

    Path observationsFile(String id, Optional<LocalDate> asOf) {
        return dir.resolve(FredMacroSeriesSource.checkSeriesId(id) + "@" + vintage(asOf) + ".csv");
    }

    Path rangesFile(String id, Optional<LocalDate> asOf) {
        return dir.resolve(FredMacroSeriesSource.checkSeriesId(id) + "@" + vintage(asOf) + ".ranges.csv");
    }

    @Override
    public synchronized Optional<MacroSeries> find(String id, LocalDate from, LocalDate to, Optional<LocalDate> asOf) {
        List<LocalDate[]> ranges = readRanges(rangesFile(id, asOf));
        boolean covered = false;
        for (LocalDate[] r : ranges) {
            if (!r[0].isAfter(from) && !r[1].isBefore(to)) {
                covered = true;
                break;
            }
        }
        if (!covered) {
            return Optional.empty();
        }
        List<MacroSeries.Observation> out = new ArrayList<>();
        for (MacroSeries.Observation o : readObservations(id, observationsFile(id, asOf)).values()) {
            if (!o.date().isBefore(from) && !o.date().isAfter(to)) {
                out.add(o);
            }
        }
        return Optional.of(new MacroSeries(id, out));
    }

    @Override
    public synchronized void store(String id, LocalDate from, LocalDate to, Optional<LocalDate> asOf, MacroSeries series) {
        if (!series.id().equals(id)) {
            throw new IllegalArgumentException("storing series " + series.id() + " under id " + id);
        }
        Path obsFile = observationsFile(id, asOf);
        TreeMap<LocalDate, MacroSeries.Observation> all = readObservations(id, obsFile);
        all.subMap(from, true, to, true).clear(); // the new fetch is authoritative for its range
        for (MacroSeries.Observation o : series.observations()) {
            if (o.date().isBefore(from) || o.date().isAfter(to)) {
                throw new IllegalArgumentException("series " + id + ": observation " + o.date() + " outside the stored range "
                        + from + ".." + to);
            }
            all.put(o.date(), o);
        }
        List<LocalDate[]> ranges = readRanges(rangesFile(id, asOf));
        ranges.add(new LocalDate[] {from, to});
        ranges = merge(ranges);
        StringBuilder obs = new StringBuilder(HEADER).append('\n');
        for (MacroSeries.Observation o : all.values()) {
            obs.append(id).append(',').append(o.date()).append(',')
                    .append(o.missing() ? "." : Double.toString(o.value())).append(',')
                    .append(o.realtimeStart() == null ? "" : o.realtimeStart().toString()).append(',')
                    .append(o.realtimeEnd() == null ? "" : o.realtimeEnd().toString()).append('\n');
        }
        StringBuilder rs = new StringBuilder(RANGES_HEADER).append('\n');
        for (LocalDate[] r : ranges) {
            rs.append(r[0]).append(',').append(r[1]).append('\n');
        }
        // observations first: a crash in between leaves ranges that claim less, never more
        write(obsFile, obs.toString());
        write(rangesFile(id, asOf), rs.toString());
    }

    /** Sorted, with overlapping or adjacent ranges joined. */
    static List<LocalDate[]> merge(List<LocalDate[]> ranges) {
        List<LocalDate[]> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> a[0].compareTo(b[0]));
        List<LocalDate[]> out = new ArrayList<>();
        for (LocalDate[] r : sorted) {
            if (!out.isEmpty() && !r[0].isAfter(out.get(out.size() - 1)[1].plusDays(1))) {
                LocalDate[] last = out.get(out.size() - 1);
                if (r[1].isAfter(last[1])) {
                    last[1] = r[1];
                }
            } else {
                out.add(new LocalDate[] {r[0], r[1]});
            }
        }
        return out;
    }

    private void write(Path target, String text) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(text);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write macro cache file " + target + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException corrupt(Path f, int line, String what, String text) {
        return new IllegalArgumentException(f + ":" + line + ": corrupt macro cache file: " + what + " (got '" + text
                + "'); delete it to fetch again");
    }

    private static List<LocalDate[]> readRanges(Path f) {
        List<LocalDate[]> out = new ArrayList<>();
        if (!Files.exists(f)) {
            return out;
        }
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (!RANGES_HEADER.equals(line)) {
                throw corrupt(f, 1, "header must be '" + RANGES_HEADER + "'", String.valueOf(line));
            }
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                String[] c = line.split(",", -1);
                try {
                    LocalDate a = LocalDate.parse(c[0]);
                    LocalDate b = LocalDate.parse(c[1]);
                    if (c.length != 2 || a.isAfter(b)) {
                        throw corrupt(f, n, "expected from,to with from <= to", line);
                    }
                    out.add(new LocalDate[] {a, b});
                } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                    throw corrupt(f, n, "expected from,to dates", line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static TreeMap<LocalDate, MacroSeries.Observation> readObservations(String id, Path f) {
        TreeMap<LocalDate, MacroSeries.Observation> out = new TreeMap<>();
        if (!Files.exists(f)) {
            return out;
        }
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (!HEADER.equals(line)) {
                throw corrupt(f, 1, "header must be '" + HEADER + "'", String.valueOf(line));
            }
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                String[] c = line.split(",", -1);
                if (c.length != 5 || !c[0].equals(id)) {
                    throw corrupt(f, n, "expected 5 cells for series " + id, line);
                }
                try {
                    LocalDate d = LocalDate.parse(c[1]);
                    boolean missing = c[2].equals(".");
                    double v = missing ? Double.NaN : Double.parseDouble(c[2]);
                    if (!missing && !Double.isFinite(v)) {
                        throw corrupt(f, n, "value must be a number or '.'", line);
                    }
                    LocalDate rs = c[3].isEmpty() ? null : LocalDate.parse(c[3]);
                    LocalDate re = c[4].isEmpty() ? null : LocalDate.parse(c[4]);
                    out.put(d, new MacroSeries.Observation(d, v, missing, rs, re));
                } catch (DateTimeParseException | NumberFormatException e) {
                    throw corrupt(f, n, "bad date or value", line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
        return out;
    }
}
