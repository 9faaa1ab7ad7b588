package org.eimas.micro.domain.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.store.MacroSeries;
import org.eimas.micro.domain.store.StoredModel;
import org.junit.jupiter.api.Test;

class IntradayDatasetTest {
    private static final long MIN = 60_000_000_000L;
    // 2024-03-05T00:00:00Z
    private static final long DAY = 1_709_596_800_000_000_000L;

    private static MacroSeries.Observation obs(String date, double v) {
        LocalDate d = LocalDate.parse(date);
        return new MacroSeries.Observation(d, v, Double.isNaN(v), d, d);
    }

    @Test
    void resamplesToBarsTargetsTheNextBarAndForwardFillsMacroFromPreviousDays() {
        // 1-minute rows, 5-minute bars: minutes 0..4 (bar A), 5..9 (bar B), 10..11 (bar C), then a gap, 20 (bar E)
        int[] minutes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 20};
        long[] ts = new long[minutes.length];
        double[] ofi = new double[minutes.length];
        double[] mid = new double[minutes.length];
        for (int i = 0; i < minutes.length; i++) {
            ts[i] = DAY + 10 * 60 * MIN + minutes[i] * MIN; // from 10:00 UTC
            ofi[i] = minutes[i];
            mid[i] = 100 + minutes[i] * 0.01;
        }
        ofi[1] = Double.NaN; // a missing cell is skipped by the mean
        NumericTable micro = new NumericTable(List.of("ofi", "mid"), ts, new double[][] {ofi, mid});
        MacroSeries vix = new MacroSeries("VIX", List.of(obs("2024-03-01", 13.0), obs("2024-03-04", 14.0),
                obs("2024-03-05", 99.0))); // same-day value must not be used
        IntradayDataset d = IntradayDataset.prepare(micro, "mid", 5 * MIN, List.of(vix));
        assertThat(d.features()).containsExactly("ofi", "VIX");
        // bar A and B have a next bar; C's next bar (minute 15) is missing; E is last
        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.ts(0)).isEqualTo(DAY + 600 * MIN);
        assertThat(d.x()[0][0]).isCloseTo((0 + 2 + 3 + 4) / 4.0, within(1e-12));
        assertThat(d.x()[0][1]).isCloseTo((5 + 6 + 7 + 8 + 9) / 5.0, within(1e-12));
        assertThat(d.y()[0]).isCloseTo((100.09 / 100.04 - 1) * 1e4, within(1e-9));
        assertThat(d.y()[1]).isCloseTo((100.11 / 100.09 - 1) * 1e4, within(1e-9));
        assertThat(d.x()[1][0]).isEqualTo(14.0);
        // no macro observation before the day: rows dropped
        MacroSeries late = new MacroSeries("VIX", List.of(obs("2024-03-05", 20.0)));
        assertThat(IntradayDataset.prepare(micro, "mid", 5 * MIN, List.of(late)).rows()).isZero();
        assertThatThrownBy(() -> IntradayDataset.prepare(micro, "nope", 5 * MIN, List.of()))
                .hasMessageContaining("no column 'nope'");
    }

    @Test
    void walkForwardScoresOnlyRowsAfterTheTrainingRowsAndRecoversASignal() {
        Random rnd = new Random(8);
        int n = 600;
        double[][] x = new double[4][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[j][i] = rnd.nextGaussian();
            }
            y[i] = 2 * x[0][i] - x[2][i] + 0.5 * rnd.nextGaussian();
        }
        List<String> names = List.of("a", "b", "c", "d");
        LassoWalkForward.Result r = LassoWalkForward.evaluate(names, x, y, 5, 5);
        assertThat(r.firstTestRow()).isEqualTo(600 - 5 * 100);
        for (TimeSeriesSplit.Fold f : r.folds()) {
            assertThat(f.trainTo()).isLessThanOrEqualTo(f.testFrom());
        }
        // the metrics are those of the reported out-of-sample predictions, recomputed here
        double ss = 0;
        double tot = 0;
        double mean = 0;
        for (int i = 0; i < r.actual().length; i++) {
            mean += r.actual()[i] / r.actual().length;
        }
        for (int i = 0; i < r.actual().length; i++) {
            assertThat(r.actual()[i]).isEqualTo(y[r.firstTestRow() + i]);
            ss += Math.pow(r.actual()[i] - r.predictions()[i], 2);
            tot += Math.pow(r.actual()[i] - mean, 2);
        }
        assertThat(r.metrics().r2()).isCloseTo(1 - ss / tot, within(1e-12));
        assertThat(r.metrics().r2()).isGreaterThan(0.9);
        // the last fold's forecasts equal a model fitted by hand on the rows before it
        TimeSeriesSplit.Fold lastFold = r.folds().get(4);
        LassoCvModel.Result manual = LassoCvModel.fit(names, x, y, 0, lastFold.trainTo(), 5);
        double[] p = manual.model().predict(x, lastFold.testFrom(), lastFold.testTo());
        assertThat(r.predictions()[lastFold.testFrom() - r.firstTestRow()]).isCloseTo(p[0], within(1e-12));
    }

    @Test
    void forecasterRoundTripsThroughAStoredModelAndNeedsEveryFeature() {
        Random rnd = new Random(3);
        int n = 300;
        double[][] x = new double[3][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = 5 + rnd.nextGaussian();
            x[1][i] = rnd.nextGaussian() * 3;
            x[2][i] = rnd.nextGaussian();
            y[i] = x[0][i] - 0.2 * x[1][i] + rnd.nextGaussian() * 0.1;
        }
        List<String> names = List.of("ofi", "spread_bps", "vpin");
        IntradayForecaster f = new IntradayForecaster("AMZN", "5min",
                LassoCvModel.fit(names, x, y, 0, n, 5).model());
        StoredModel s = f.toStored(42L, 1L, 2L, Map.of("r2", 0.5));
        IntradayForecaster back = IntradayForecaster.fromStored(s);
        Map<String, Double> live = new HashMap<>(Map.of("ofi", 6.0, "spread_bps", -1.0, "vpin", 0.3));
        IntradayForecast a = f.predict(live, 7L);
        IntradayForecast b = back.predict(live, 7L);
        assertThat(b.predictedReturnBps()).isCloseTo(a.predictedReturnBps(), within(1e-12));
        double expected = f.model().predict(new double[] {6.0, -1.0, 0.3});
        assertThat(a.predictedReturnBps()).isCloseTo(expected, within(1e-12));
        assertThat(a.direction()).isEqualTo(expected > 0 ? IntradayForecast.Direction.UP : IntradayForecast.Direction.DOWN);
        assertThat(a.confidence()).isCloseTo(Math.min(Math.abs(expected) / 10, 1), within(1e-12));
        live.remove("vpin");
        assertThatThrownBy(() -> back.predict(live, 7L)).hasMessageContaining("feature 'vpin' is missing");
    }
}
