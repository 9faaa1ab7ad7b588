package org.eimas.micro.domain.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.store.MacroSeries;

/**
 * Training rows of the intraday forecaster (the seed's {@code IntradayLASSOForecaster.prepare_data}, section 10.2):
 * <ol>
 * <li>microstructure feature rows (a ts-indexed table, epoch ns) are resampled to bars of the horizon, aligned to
 * multiples of the bar length since the epoch: each feature is the mean of its non-missing values in the bar
 * (pandas {@code resample(...).mean()}), the mid is the bar's last mid;</li>
 * <li>target of bar k = (mid_{k+1} / mid_k - 1)·10⁴ bps, the next bar's mid return; only when bar k + 1 exists
 * (no target across a gap such as the night, as pandas' empty bins would give NaN);</li>
 * <li>daily macro series are joined forward-filled: a bar on UTC date D sees the last non-missing observation dated
 * before D (a daily value is known only after its day), never a later one;</li>
 * <li>rows with any missing feature or target are dropped.</li>
 * </ol>
 */
public final class IntradayDataset {
    private final List<String> features;
    private final long[] ts;
    private final double[][] x;
    private final double[] y;

    private IntradayDataset(List<String> features, long[] ts, double[][] x, double[] y) {
        this.features = List.copyOf(features);
        this.ts = ts;
        this.x = x;
        this.y = y;
    }

    public List<String> features() {
        return features;
    }

    public int rows() {
        return y.length;
    }

    /** Bar start times (epoch ns) of the rows. */
    public long[] ts() {
        return ts.clone();
    }

    public long ts(int row) {
        return ts[row];
    }

    /** Column-major features, x[feature][row] (the internal array: do not modify). */
    public double[][] x() {
        return x;
    }

    /** Targets in bps (the internal array: do not modify). */
    public double[] y() {
        return y;
    }

    /**
     * @param micro      ts-indexed microstructure features, one column of which is the mid price
     * @param midColumn  name of the mid-price column (not a feature)
     * @param barNs      bar length in nanoseconds (the horizon)
     * @param macro      daily macro series, each becomes a feature named by its id
     */
    public static IntradayDataset prepare(NumericTable micro, String midColumn, long barNs, List<MacroSeries> macro) {
        if (!micro.hasTs()) {
            throw new IllegalArgumentException("microstructure features need a ts index");
        }
        if (barNs <= 0) {
            throw new IllegalArgumentException("bar length must be > 0 ns, got " + barNs);
        }
        int mid = micro.indexOf(midColumn);
        List<String> microNames = new ArrayList<>();
        List<Integer> microIdx = new ArrayList<>();
        for (int c = 0; c < micro.columns().size(); c++) {
            if (c != mid) {
                microNames.add(micro.columns().get(c));
                microIdx.add(c);
            }
        }
        int rows = micro.rows();
        // bars
        long[] barTs = new long[Math.max(1, rows)];
        int bars = 0;
        int m = microIdx.size();
        double[][] sum = new double[m][Math.max(1, rows)];
        int[][] cnt = new int[m][Math.max(1, rows)];
        double[] close = new double[Math.max(1, rows)];
        long prevTs = Long.MIN_VALUE;
        for (int r = 0; r < rows; r++) {
            long t = micro.ts(r);
            if (t < prevTs) {
                throw new IllegalArgumentException("feature rows must be in time order: row " + r + " at " + t
                        + " after " + prevTs);
            }
            prevTs = t;
            long b = Math.floorDiv(t, barNs) * barNs;
            if (bars == 0 || barTs[bars - 1] != b) {
                barTs[bars] = b;
                close[bars] = Double.NaN;
                bars++;
            }
            int k = bars - 1;
            for (int j = 0; j < m; j++) {
                double v = micro.get(r, microIdx.get(j));
                if (!Double.isNaN(v)) {
                    sum[j][k] += v;
                    cnt[j][k]++;
                }
            }
            double mv = micro.get(r, mid);
            if (!Double.isNaN(mv)) {
                close[k] = mv;
            }
        }
        List<String> names = new ArrayList<>(microNames);
        for (MacroSeries s : macro) {
            if (names.contains(s.id()) || s.id().equals(midColumn)) {
                throw new IllegalArgumentException("macro series '" + s.id() + "' clashes with a feature name");
            }
            names.add(s.id());
        }
        int p = names.size();
        double[][] xAll = new double[p][bars];
        double[] yAll = new double[bars];
        for (int k = 0; k < bars; k++) {
            for (int j = 0; j < m; j++) {
                xAll[j][k] = cnt[j][k] == 0 ? Double.NaN : sum[j][k] / cnt[j][k];
            }
            boolean next = k + 1 < bars && barTs[k + 1] == barTs[k] + barNs;
            yAll[k] = next && close[k] > 0 ? (close[k + 1] / close[k] - 1) * 1e4 : Double.NaN;
        }
        for (int s = 0; s < macro.size(); s++) {
            forwardFill(macro.get(s), barTs, bars, xAll[m + s]);
        }
        // keep complete rows
        int kept = 0;
        boolean[] keep = new boolean[bars];
        for (int k = 0; k < bars; k++) {
            boolean ok = Double.isFinite(yAll[k]);
            for (int j = 0; j < p && ok; j++) {
                ok = Double.isFinite(xAll[j][k]);
            }
            keep[k] = ok;
            if (ok) {
                kept++;
            }
        }
        long[] ts = new long[kept];
        double[][] x = new double[p][kept];
        double[] y = new double[kept];
        int i = 0;
        for (int k = 0; k < bars; k++) {
            if (keep[k]) {
                ts[i] = barTs[k];
                y[i] = yAll[k];
                for (int j = 0; j < p; j++) {
                    x[j][i] = xAll[j][k];
                }
                i++;
            }
        }
        return new IntradayDataset(names, ts, x, y);
    }

    private static void forwardFill(MacroSeries s, long[] barTs, int bars, double[] out) {
        List<MacroSeries.Observation> obs = new ArrayList<>(s.observations());
        obs.sort((a, b) -> a.date().compareTo(b.date()));
        int o = 0;
        double last = Double.NaN;
        for (int k = 0; k < bars; k++) {
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(Math.floorDiv(barTs[k], 1_000_000_000L)),
                    ZoneOffset.UTC);
            while (o < obs.size() && obs.get(o).date().isBefore(day)) {
                MacroSeries.Observation ob = obs.get(o++);
                if (!ob.missing() && Double.isFinite(ob.value())) {
                    last = ob.value();
                }
            }
            out[k] = last;
        }
    }

    /** Rows [from, to) as a new dataset. */
    public IntradayDataset slice(int from, int to) {
        double[][] xs = new double[x.length][];
        for (int j = 0; j < x.length; j++) {
            xs[j] = Arrays.copyOfRange(x[j], from, to);
        }
        return new IntradayDataset(features, Arrays.copyOfRange(ts, from, to), xs, Arrays.copyOfRange(y, from, to));
    }
}
