package org.eimas.micro.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.eimas.micro.domain.market.NumericTable;

/**
 * Puts microstructure features and daily macro series on one time grid (design guide section 9.1,
 * {@code _merge_micro_macro}), without the guide's look-ahead:
 * <ol>
 *   <li>micro rows are resampled to bars of {@code barNanos} (default 5 minutes), labelled by the bar's
 *       start (floor(ts / bar) * bar, UTC). A <b>level</b> column takes its last non-missing value in the
 *       bar; a <b>flow</b> column (order flow imbalance, returns, volumes: quantities that add up over
 *       time) takes the sum of its non-missing values. A bar without any value of a column has NaN there.
 *       Bars without micro rows do not exist (no zero-filled gaps).</li>
 *   <li>each macro column is forward-filled onto the bars under the availability rule: an observation
 *       dated D (the UTC date of its {@code ts}) is usable from the start of day D + {@code availabilityLagDays}
 *       onward (default 1: yesterday's close is known today, today's is not). Missing (NaN) macro cells do
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
            if (availabilityLagDays < 0) {
                throw new IllegalArgumentException("availability lag must be >= 0 days, got " + availabilityLagDays);
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
        // 2. forward-fill macro by availability day, 3. join and drop incomplete rows
        int dc = macro.columns().size();
        double[] last = new double[dc];
        Arrays.fill(last, Double.NaN);
        int next = 0;
        int cols = mc + dc;
        double[][] out = new double[cols][nb];
        long[] outTs = new long[nb];
        int rows = 0;
        long lagNs = options.availabilityLagDays() * DAY_NS;
        for (int i = 0; i < nb; i++) {
            long barDayStart = Math.floorDiv(barTs[i], DAY_NS) * DAY_NS;
            // macro row usable when its day start + lag <= this bar's day start
            while (next < dts.length && Math.floorDiv(dts[next], DAY_NS) * DAY_NS + lagNs <= barDayStart) {
                for (int c = 0; c < dc; c++) {
                    double v = macro.get(next, c);
                    if (!Double.isNaN(v)) {
                        last[c] = v;
                    }
                }
                next++;
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
