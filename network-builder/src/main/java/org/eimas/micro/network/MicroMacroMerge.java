package org.eimas.micro.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.time.LocalDate;
import org.eimas.micro.domain.macro.MacroAvailability;
import org.eimas.micro.domain.macro.NyseCalendar;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.store.MacroSeries;

/**
 * Puts microstructure features and daily macro series on one time grid (design guide section 9.1,
 * {@code _merge_micro_macro}), without the guide's look-ahead:
 * <ol>
 *   <li>micro rows are resampled to bars of {@code barNanos} (default 5 minutes), labelled by the bar's
 *       start (floor(ts / bar) * bar, UTC). A <b>level</b> column takes its last non-missing value in the
 *       bar; a <b>flow</b> column (order flow imbalance, returns, volumes: quantities that add up over
 *       time) takes the sum of its non-missing values. A bar without any value of a column has NaN there.
 *       Bars without micro rows do not exist (no zero-filled gaps).</li>
 *   <li>each macro column is forward-filled onto the bars under the project's availability rule
 *       ({@link MacroAvailability}): an observation dated D (New York midnight of D, or UTC midnight of D) is
 *       usable from the open (09:30 New York) of the first NYSE session on or after D + {@code availabilityLagDays}
 *       (default 1), never on D itself; a bar uses what was usable at its start. Missing (NaN) macro cells do
 *       not overwrite the last known value.</li>
 *   <li>inner join on the bar, then every row with a missing cell is dropped.</li>
 * </ol>
 * The result is a table indexed by bar start, micro columns first then macro columns.
 */
public final class MicroMacroMerge {
    public static final long FIVE_MINUTES_NS = 5L * 60 * 1_000_000_000L;
    static final long DAY_NS = 86_400L * 1_000_000_000L;

    /** The default flow columns: {@code ofi*}, {@code ret*}, {@code *volume*}, {@code signed_*}. */
    public static final Predicate<String> DEFAULT_FLOWS = c -> {
        String s = c.toLowerCase(java.util.Locale.ROOT);
        return s.equals("ofi") || s.startsWith("ofi_") || s.startsWith("ret_") || s.equals("ret")
                || s.contains("volume") || s.startsWith("signed_");
    };

    /**
     * @param barNanos            bar length in nanoseconds (&gt; 0)
     * @param flowColumns         which micro columns are flows (summed); the others are levels (last value)
     * @param availabilityLagDays days after its date from which a macro observation is usable (&gt;= 0)
     */
    public record Options(long barNanos, Predicate<String> flowColumns, int availabilityLagDays) {
        public Options {
            if (barNanos <= 0) {
                throw new IllegalArgumentException("bar length must be positive, got " + barNanos + " ns");
            }
            if (availabilityLagDays < 1) {
                throw new IllegalArgumentException("availability lag must be >= 1 day (never usable on its own date), got "
                        + availabilityLagDays);
            }
        }

        public static Options defaults() {
            return new Options(FIVE_MINUTES_NS, DEFAULT_FLOWS, 1);
        }

        public static Predicate<String> flows(Set<String> names) {
            Set<String> copy = Set.copyOf(names);
            return copy::contains;
        }
    }

    /** What the merge did, for the report. */
    public record Result(NumericTable table, List<String> flowColumns, List<String> levelColumns, int bars,
                         int droppedIncomplete) {
    }

    private MicroMacroMerge() {
    }

    /**
     * The observation date of a daily macro row: its New York date when {@code ts} is New York midnight (as
     * {@code eimas macro fetch} writes), or its UTC date when {@code ts} is UTC midnight; anything else is an error.
     */
    static LocalDate observationDate(long ts, int row) {
        try {
            return MacroAvailability.dateOfNewYorkMidnight(ts);
        } catch (IllegalArgumentException notNewYorkMidnight) {
            if (Math.floorMod(ts, DAY_NS) == 0) {
                return LocalDate.ofEpochDay(Math.floorDiv(ts, DAY_NS));
            }
            throw new IllegalArgumentException("macro table row " + (row + 1) + ": ts " + ts
                    + " is neither New York nor UTC midnight; daily observations are stamped with their date's midnight");
        }
    }

    public static Result merge(NumericTable micro, NumericTable macro, Options options) {
        if (!micro.hasTs()) {
            throw new IllegalArgumentException("micro table has no ts column");
        }
        if (!macro.hasTs()) {
            throw new IllegalArgumentException("macro table has no ts column");
        }
        for (String c : macro.columns()) {
            if (micro.columns().contains(c)) {
                throw new IllegalArgumentException("column '" + c + "' is in both the micro and the macro table");
            }
        }
        long[] mts = micro.tsIndex();
        for (int r = 1; r < mts.length; r++) {
            if (mts[r] < mts[r - 1]) {
                throw new IllegalArgumentException("micro table is not sorted by ts: row " + r + " (ts " + mts[r]
                        + ") is before row " + (r - 1) + " (ts " + mts[r - 1] + ")");
            }
        }
        long[] dts = macro.tsIndex();
        for (int r = 1; r < dts.length; r++) {
            if (dts[r] < dts[r - 1]) {
                throw new IllegalArgumentException("macro table is not sorted by ts: row " + r + " is before row "
                        + (r - 1));
            }
        }
        int mc = micro.columns().size();
        boolean[] flow = new boolean[mc];
        List<String> flows = new ArrayList<>();
        List<String> levels = new ArrayList<>();
        for (int c = 0; c < mc; c++) {
            flow[c] = options.flowColumns().test(micro.columns().get(c));
            (flow[c] ? flows : levels).add(micro.columns().get(c));
        }
        // 1. resample micro
        long bar = options.barNanos();
        int nb = 0;
        long[] barTs = new long[Math.max(1, mts.length)];
        double[][] barVal = new double[mc][Math.max(1, mts.length)];
        long current = Long.MIN_VALUE;
        for (int r = 0; r < mts.length; r++) {
            long b = Math.floorDiv(mts[r], bar) * bar;
            if (nb == 0 || b != current) {
                current = b;
                barTs[nb] = b;
                for (int c = 0; c < mc; c++) {
                    barVal[c][nb] = Double.NaN;
                }
                nb++;
            }
            int i = nb - 1;
            for (int c = 0; c < mc; c++) {
                double v = micro.get(r, c);
                if (Double.isNaN(v)) {
                    continue;
                }
                if (flow[c]) {
                    barVal[c][i] = Double.isNaN(barVal[c][i]) ? v : barVal[c][i] + v;
                } else {
                    barVal[c][i] = v;
                }
            }
        }
        // 2. forward-fill macro under the availability rule, 3. join and drop incomplete rows
        int dc = macro.columns().size();
        MacroAvailability rule = MacroAvailability.of(options.availabilityLagDays(), NyseCalendar.byRule());
        double[][] filled = new double[dc][];
        for (int c = 0; c < dc; c++) {
            List<MacroSeries.Observation> obs = new ArrayList<>(dts.length);
            for (int r = 0; r < dts.length; r++) {
                double v = macro.get(r, c);
                obs.add(new MacroSeries.Observation(observationDate(dts[r], r), v, Double.isNaN(v), null, null));
            }
            filled[c] = rule.forwardFill(new MacroSeries(macro.columns().get(c), obs), Arrays.copyOf(barTs, nb));
        }
        double[] last = new double[dc];
        int cols = mc + dc;
        double[][] out = new double[cols][nb];
        long[] outTs = new long[nb];
        int rows = 0;
        for (int i = 0; i < nb; i++) {
            for (int c = 0; c < dc; c++) {
                last[c] = filled[c][i];
            }
            boolean complete = true;
            for (int c = 0; c < mc && complete; c++) {
                complete = !Double.isNaN(barVal[c][i]);
            }
            for (int c = 0; c < dc && complete; c++) {
                complete = !Double.isNaN(last[c]);
            }
            if (!complete) {
                continue;
            }
            outTs[rows] = barTs[i];
            for (int c = 0; c < mc; c++) {
                out[c][rows] = barVal[c][i];
            }
            for (int c = 0; c < dc; c++) {
                out[mc + c][rows] = last[c];
            }
            rows++;
        }
        List<String> names = new ArrayList<>(micro.columns());
        names.addAll(macro.columns());
        double[][] trimmed = new double[cols][];
        for (int c = 0; c < cols; c++) {
            trimmed[c] = Arrays.copyOf(out[c], rows);
        }
        NumericTable table = new NumericTable(names, Arrays.copyOf(outTs, rows), trimmed);
        return new Result(table, List.copyOf(flows), List.copyOf(levels), nb, nb - rows);
    }
}
