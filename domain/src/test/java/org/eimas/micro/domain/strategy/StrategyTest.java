package org.eimas.micro.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyTest {
    @Test
    void ofiVpinRules() {
        OfiVpinStrategy s = OfiVpinStrategy.seedDefaults();
        assertThat(s.positions(new double[] {1500, -1500, 500, 1500, 1500, 1500, -2000},
                new double[] {0.3, 0.3, 0.3, 0.7, 0.85, Double.NaN, 0.59}))
                .containsExactly(1, -1, 0, 0, 0, 0, -1);
        assertThatThrownBy(() -> new OfiVpinStrategy(1, 0.9, 0.8)).hasMessageContaining("safe level");
    }

    @Test
    void forecastStrategyNeedsToClearTheRoundTripCost() {
        ForecastSignStrategy s = new ForecastSignStrategy(2, 1);
        assertThat(s.thresholdBps()).isEqualTo(4);
        assertThat(s.positions(new double[] {5, -5, 3.9, -4, Double.NaN})).containsExactly(1, -1, 0, 0, 0);
    }

    @Test
    void walkForwardNeverTestsOnTrainingRows() {
        List<WalkForward.Split> splits = WalkForward.splits(10, 4, 3);
        assertThat(splits).containsExactly(new WalkForward.Split(0, 4, 4, 7), new WalkForward.Split(3, 7, 7, 10));
        for (WalkForward.Split s : splits) {
            assertThat(s.testFrom()).isGreaterThanOrEqualTo(s.trainTo());
        }
        // a forecaster that predicts the training mean of the row index: proves only past rows are seen
        double[] p = WalkForward.predict(10, 4, 3, s -> {
            double mean = (s.trainFrom() + s.trainTo() - 1) / 2.0;
            double[] out = new double[s.testTo() - s.testFrom()];
            java.util.Arrays.fill(out, mean);
            return out;
        });
        assertThat(p).containsExactly(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1.5, 1.5, 1.5, 4.5, 4.5, 4.5);
        assertThatThrownBy(() -> WalkForward.splits(4, 4, 1)).hasMessageContaining("nothing to test");
    }

    @Test
    void targetsReportPassFailWithoutAsserting() {
        List<TargetCheck> t = TargetCheck.seedTargets(2.5, 0.5, 0.01, Double.NaN, 0.6);
        assertThat(t).extracting(TargetCheck::verdict).containsExactly("PASS", "FAIL", "PASS", "N/A", "PASS");
    }
}
