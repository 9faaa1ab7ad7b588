package org.eimas.micro.cli.command;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eimas.micro.application.config.ConfigLoader;
import org.eimas.micro.application.config.EimasConfig;
import org.eimas.micro.application.macro.FetchMacroTable;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.domain.macro.CachingMacroSeriesSource;
import org.eimas.micro.domain.macro.MacroAvailability;
import org.eimas.micro.domain.macro.MacroTables;
import org.eimas.micro.domain.macro.NyseCalendar;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.port.MacroSeriesSource;
import org.eimas.micro.domain.store.MacroSeries;
import org.eimas.micro.fred.FredCsvFiles;
import org.eimas.micro.fred.FredMacroSeriesSource;
import org.eimas.micro.fred.FredModule;
import org.eimas.micro.fred.FredSettings;
import org.eimas.micro.replay.csv.CanonicalCsv;
import org.eimas.micro.replay.csv.CsvTableWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code eimas macro}: daily macro series (FRED) as a numeric table {@code ts,SERIES...}, ts = the New
 * York midnight of the observation date in epoch nanoseconds, missing cells empty.
 */
@Command(name = "macro", mixinStandardHelpOptions = true,
        description = "Daily macro series from FRED as a numeric table ts,SERIES,... (ts = New York midnight of the "
                + "date, epoch ns; missing cells empty). Join it onto intraday data with the availability rule "
                + "(usable from the next New York trading session after the date), never on the date itself.",
        subcommands = {MacroCommand.Fetch.class, MacroCommand.Import.class, MacroCommand.Align.class})
public final class MacroCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Fetch series from FRED's API (key from FRED_API_KEY or fred.apiKey in --config), "
                    + "point-in-time with --as-of (ALFRED vintage), cached under DATA_DIR/macro-cache so a second run "
                    + "needs no network.")
    static final class Fetch implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--series", required = true, split = ",", paramLabel = "ID",
                description = "FRED series ids, e.g. VIXCLS,DGS10.")
        List<String> series;

        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First observation date (yyyy-MM-dd).")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last observation date (yyyy-MM-dd).")
        LocalDate to;

        @Option(names = "--as-of", paramLabel = "DATE",
                description = "Values as known on DATE (ALFRED real-time period containing DATE); default: latest.")
        LocalDate asOf;

        @Option(names = "--url", paramLabel = "BASE",
                description = "FRED API base URL (default: fred.url of the config, else https://api.stlouisfed.org).")
        String url;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output table (.gz allowed).")
        Path out;

        @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (fred.apiKey, fred.url, dataDir).")
        Path config;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Data directory holding macro-cache/ (default: dataDir of the config, $EIMAS_DATA_DIR or ./data).")
        Path dataDir;

        @Option(names = "--no-cache", description = "Neither read nor write the observation cache.")
        boolean noCache;

        @Option(names = "--refresh", description = "Fetch from FRED even when cached (revisions of the latest data); store the result.")
        boolean refresh;

        @Option(names = "--json", description = "Print the summary as JSON.")
        boolean json;

        @Override
        public Integer call() {
            if (from.isAfter(to)) {
                throw new ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
            }
            List<String> ids = distinct(spec, series);
            for (String id : ids) {
                try {
                    FredMacroSeriesSource.checkSeriesId(id);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--series: " + e.getMessage());
                }
            }
            EimasConfig cfg = ConfigLoader.load(config, System.getenv());
            FredSettings settings = FredSettings.of(url != null ? url : cfg.fred.url, cfg.fred.apiKey);
            Path cacheDir = noCache ? null : (dataDir != null ? dataDir : cfg.dataPath()).resolve("macro-cache");
            // a vintage of today (or later) may still change today: read it from FRED, store it anyway
            boolean openVintage = asOf != null && !asOf.isBefore(LocalDate.now(MacroAvailability.NEW_YORK));
            Injector injector = Guice.createInjector(new FredModule(settings, cacheDir, refresh || openVintage));
            MacroSeriesSource source = injector.getInstance(MacroSeriesSource.class);
            FetchMacroTable.Result result = new FetchMacroTable(source).run(ids, from, to, Optional.ofNullable(asOf));
            NumericTable table = result.table();
            List<MacroSeries> fetched = result.series();
            CsvTableWriter.write(out, table);
            Map<String, Object> summary = summary(out, table, fetched);
            summary.put("source", settings.baseUrl().toString());
            summary.put("as_of", asOf == null ? "latest" : asOf.toString());
            summary.put("requests", injector.getInstance(FredMacroSeriesSource.class).requestCount());
            summary.put("from_cache", source instanceof CachingMacroSeriesSource c ? c.cacheHits() : 0L);
            summary.put("cache_dir", cacheDir == null ? null : cacheDir.toString());
            print(spec, json, summary);
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Read FRED CSV downloads (observation_date,ID or DATE,ID; '.' or empty = missing) into "
                    + "the same table as 'macro fetch'. No key and no network.")
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--csv", required = true, split = ",", paramLabel = "FILE",
                description = "FRED CSV files (plain or .gz), one or more series each.")
        List<Path> files;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output table (.gz allowed).")
        Path out;

        @Option(names = "--from", paramLabel = "DATE", description = "Keep observations on or after DATE.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Keep observations on or before DATE.")
        LocalDate to;

        @Option(names = "--json", description = "Print the summary as JSON.")
        boolean json;

        @Override
        public Integer call() {
            if (from != null && to != null && from.isAfter(to)) {
                throw new ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
            }
            List<MacroSeries> all = new ArrayList<>();
            Map<String, Path> origin = new HashMap<>();
            for (Path f : files) {
                for (MacroSeries s : FredCsvFiles.read(f)) {
                    Path before = origin.putIfAbsent(s.id(), f);
                    if (before != null) {
                        throw new IllegalArgumentException("series " + s.id() + " is in both " + before + " and " + f);
                    }
                    all.add(MacroTables.between(s, from, to));
                }
            }
            NumericTable table = MacroTables.byDate(all);
            Map<String, Object> summary = summary(out, table, all);
            CsvTableWriter.write(out, table);
            summary.put("source", files.stream().map(Path::toString).toList());
            print(spec, json, summary);
            return 0;
        }
    }

    @Command(name = "align", mixinStandardHelpOptions = true,
            description = "Forward-fill a daily macro table (from 'macro fetch' or 'macro import') onto the ts of an "
                    + "intraday table under the availability rule: an observation dated D is usable from the 09:30 "
                    + "New York open of the first NYSE session on or after D + lag days, never on D. Writes the "
                    + "intraday columns followed by the macro columns; empty = nothing usable yet.")
    static final class Align implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--macro", required = true, paramLabel = "FILE", description = "Daily macro table ts,SERIES,...")
        Path macro;

        @Option(names = "--onto", required = true, paramLabel = "FILE",
                description = "Intraday numeric table with a ts column (epoch ns, non-decreasing), e.g. bars.")
        Path onto;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output table (.gz allowed).")
        Path out;

        @Option(names = "--lag-days", defaultValue = "1", paramLabel = "N",
                description = "Calendar days after the date before the next session may use it (>= 1, default ${DEFAULT-VALUE}).")
        int lagDays;

        @Option(names = "--closures", split = ",", paramLabel = "DATE",
                description = "Extra NYSE closures not given by rule, e.g. 2025-01-09.")
        List<LocalDate> closures;

        @Option(names = "--json", description = "Print the summary as JSON.")
        boolean json;

        @Override
        public Integer call() {
            if (lagDays < 1) {
                throw new ParameterException(spec.commandLine(), "--lag-days must be >= 1 (never usable on its own date), got "
                        + lagDays);
            }
            NumericTable daily = CanonicalCsv.readTable(macro);
            NumericTable intraday = CanonicalCsv.readTable(onto);
            if (!intraday.hasTs()) {
                throw new IllegalArgumentException(onto + ": no ts column (epoch nanoseconds) to align onto");
            }
            for (String c : daily.columns()) {
                if (intraday.columns().contains(c)) {
                    throw new IllegalArgumentException("column " + c + " is in both " + macro + " and " + onto);
                }
            }
            NyseCalendar calendar = closures == null ? NyseCalendar.byRule() : NyseCalendar.withClosures(Set.copyOf(closures));
            MacroAvailability rule = MacroAvailability.of(lagDays, calendar);
            NumericTable filled;
            try {
                filled = rule.forwardFill(daily, intraday.tsIndex());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(macro + ": " + e.getMessage(), e);
            }
            List<String> header = new ArrayList<>();
            header.add("ts");
            header.addAll(intraday.columns());
            header.addAll(daily.columns());
            int a = intraday.columns().size();
            int b = daily.columns().size();
            double[] row = new double[a + b];
            try (CsvTableWriter w = CsvTableWriter.open(out, header)) {
                for (int r = 0; r < intraday.rows(); r++) {
                    for (int c = 0; c < a; c++) {
                        row[c] = intraday.get(r, c);
                    }
                    for (int c = 0; c < b; c++) {
                        row[a + c] = filled.get(r, c);
                    }
                    w.writeRow(intraday.ts(r), row);
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out", out.toString());
            m.put("rows", intraday.rows());
            m.put("columns", header);
            m.put("lag_days", lagDays);
            Map<String, Object> firstUsable = new LinkedHashMap<>();
            for (int c = 0; c < b; c++) {
                Long first = null;
                for (int r = 0; r < intraday.rows() && first == null; r++) {
                    if (!Double.isNaN(filled.get(r, c))) {
                        first = intraday.ts(r);
                    }
                }
                firstUsable.put(daily.columns().get(c), first);
            }
            m.put("first_filled_ts", firstUsable);
            if (json) {
                Json.print(m);
            } else {
                PrintWriter w = spec.commandLine().getOut();
                w.printf(Locale.ROOT, "wrote %s: %d rows, columns %s (macro usable from the next NYSE session open, lag %d day%s)%n",
                        out, intraday.rows(), String.join(",", header), lagDays, lagDays == 1 ? "" : "s");
                for (var e : firstUsable.entrySet()) {
                    w.printf(Locale.ROOT, "  %-10s first filled at ts %s%n", e.getKey(),
                            e.getValue() == null ? "never" : e.getValue() + " (" + java.time.Instant.ofEpochSecond(0, (Long) e.getValue()) + ")");
                }
                w.flush();
            }
            return 0;
        }
    }

    private static List<String> distinct(CommandLine.Model.CommandSpec spec, List<String> ids) {
        List<String> out = new ArrayList<>();
        for (String raw : ids) {
            String id = raw.trim();
            if (out.contains(id)) {
                throw new ParameterException(spec.commandLine(), "--series: " + id + " given twice");
            }
            out.add(id);
        }
        return out;
    }

    private static Map<String, Object> summary(Path out, NumericTable table, List<MacroSeries> series) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("out", out.toString());
        m.put("rows", table.rows());
        List<String> columns = new ArrayList<>();
        columns.add("ts");
        columns.addAll(table.columns());
        m.put("columns", columns);
        List<Map<String, Object>> per = new ArrayList<>();
        for (MacroSeries s : series) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", s.id());
            long missing = s.observations().stream().filter(MacroSeries.Observation::missing).count();
            e.put("observations", s.observations().size());
            e.put("missing", missing);
            e.put("first_date", s.observations().isEmpty() ? null : s.observations().get(0).date().toString());
            e.put("last_date", s.observations().isEmpty() ? null
                    : s.observations().get(s.observations().size() - 1).date().toString());
            MacroSeries.Observation lastPresent = null;
            for (MacroSeries.Observation o : s.observations()) {
                if (!o.missing()) {
                    lastPresent = o;
                }
            }
            e.put("last_value", lastPresent == null ? null : lastPresent.value());
            per.add(e);
        }
        m.put("series", per);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void print(CommandLine.Model.CommandSpec spec, boolean json, Map<String, Object> m) {
        if (json) {
            Json.print(m);
            return;
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "wrote %s: %d rows, columns %s%n", m.get("out"), (Integer) m.get("rows"),
                String.join(",", (List<String>) m.get("columns")));
        for (Map<String, Object> s : (List<Map<String, Object>>) m.get("series")) {
            w.printf(Locale.ROOT, "  %-10s %5d observations, %4d missing, %s .. %s, last value %s%n", s.get("id"),
                    (Integer) s.get("observations"), (Long) s.get("missing"), s.get("first_date"), s.get("last_date"),
                    s.get("last_value"));
        }
        if (m.containsKey("requests")) {
            w.printf(Locale.ROOT, "source %s, vintage %s: %d HTTP requests, %d series from cache%s%n", m.get("source"),
                    m.get("as_of"), (Long) m.get("requests"), (Long) m.get("from_cache"),
                    m.get("cache_dir") == null ? " (cache off)" : " (" + m.get("cache_dir") + ")");
        } else {
            w.printf(Locale.ROOT, "source %s%n", String.join(", ", (List<String>) m.get("source")));
        }
        w.flush();
    }
}
