package org.eimas.micro.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.eimas.micro.domain.market.NumericTable;

/**
 * One row per UTC day, for testing daily macro series against microstructure variables at the
 * frequency the macro series actually has. Testing a forward-filled daily series on intraday bars
 * counts each day's single value once per bar (78 times a day at 5 minutes), which makes its
 * F test far too liberal against a persistent micro variable; on daily rows each value counts once.
 * <ul>
 *   <li>micro columns: a flow is the day's sum of its bars, a level the day's last bar;</li>
 *   <li>macro columns: the latest non-missing observation known by the end of day d: dated on or
 *       before d - availabilityLagDays + 1 (an observation dated D is usable from day D + lag, i.e.
 *       known at the end of day D + lag - 1). A Granger lag l on these rows then uses only values
 *       usable at the start of day d - l + 1, so lag 1 asks "does what was known before day d
 *       open predict day d?".</li>
 * </ul>
 * Days without a bar are absent (weekends and holidays are skipped, as trading days). Days without
 * any known macro value are dropped.
 */
public final class DailyPanel {
    private DailyPanel() {
    }

    /**
     * @param bars   the merged bar table (ts = bar start), holding the micro columns
     * @param micro  micro columns to aggregate
     * @param flows  which of them are summed
     * @param macro  the raw daily macro table (ts = observation date, UTC), sorted by ts
     * @param availabilityLagDays as in {@link MicroMacroMerge.Options}
     */
    public static NumericTable build(NumericTable bars, List<String> micro, Predicate<String> flows,
                                     NumericTable macro, int availabilityLagDays) {
        int rows = bars.rows();
        long[] ts = bars.tsIndex();
        int mc = micro.size();
        int[] col = new int[mc];
        boolean[] flow = new boolean[mc];
        for (int c = 0; c < mc; c++) {
            col[c] = bars.indexOf(micro.get(c));
            flow[c] = flows.test(micro.get(c));
        }
        long[] dayStart = new long[rows];
        double[][] agg = new double[mc][rows];
        int days = 0;
        long current = Long.MIN_VALUE;
        for (int r = 0; r < rows; r++) {
            long d = Math.floorDiv(ts[r], MicroMacroMerge.DAY_NS) * MicroMacroMerge.DAY_NS;
            if (days == 0 || d != current) {
                current = d;
                dayStart[days] = d;
                for (int c = 0; c < mc; c++) {
                    agg[c][days] = flow[c] ? 0.0 : Double.NaN;
                }
                days++;
            }
            int i = days - 1;
            for (int c = 0; c < mc; c++) {
                double v = bars.get(r, col[c]);
                if (Double.isNaN(v)) {
                    continue;
                }
                agg[c][i] = flow[c] ? agg[c][i] + v : v;
            }
        }
        int dc = macro.columns().size();
        long[] dts = macro.tsIndex();
        double[] last = new double[dc];
        Arrays.fill(last, Double.NaN);
        int next = 0;
        long shift = (long) (availabilityLagDays - 1) * MicroMacroMerge.DAY_NS;
        double[][] out = new double[mc + dc][days];
        long[] outTs = new long[days];
        int kept = 0;
        for (int i = 0; i < days; i++) {
            // known by the end of day d: dated day + (lag - 1) <= d
            while (next < dts.length && Math.floorDiv(dts[next], MicroMacroMerge.DAY_NS) * MicroMacroMerge.DAY_NS
                    + shift <= dayStart[i]) {
                for (int c = 0; c < dc; c++) {
                    double v = macro.get(next, c);
                    if (!Double.isNaN(v)) {
                        last[c] = v;
                    }
                }
                next++;
            }
            boolean complete = true;
            for (int c = 0; c < dc && complete; c++) {
                complete = !Double.isNaN(last[c]);
            }
            for (int c = 0; c < mc && complete; c++) {
                complete = !Double.isNaN(agg[c][i]);
            }
            if (!complete) {
                continue;
            }
            outTs[kept] = dayStart[i];
            for (int c = 0; c < mc; c++) {
                out[c][kept] = agg[c][i];
            }
            for (int c = 0; c < dc; c++) {
                out[mc + c][kept] = last[c];
            }
            kept++;
        }
        List<String> names = new ArrayList<>(micro);
        names.addAll(macro.columns());
        double[][] trimmed = new double[mc + dc][];
        for (int c = 0; c < trimmed.length; c++) {
            trimmed[c] = Arrays.copyOf(out[c], kept);
        }
        return new NumericTable(names, Arrays.copyOf(outTs, kept), trimmed);
    }
}
