package org.eimas.micro.domain.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LassoCvTest {

    @Test
    void timeSeriesSplitFoldsAsScikitLearn() {
        // n = 10, k = 3: test_size = 10 // 4 = 2, first training part = 10 - 3·2 = 4
        List<TimeSeriesSplit.Fold> folds = TimeSeriesSplit.split(10, 3);
        assertThat(folds).containsExactly(new TimeSeriesSplit.Fold(0, 4, 4, 6), new TimeSeriesSplit.Fold(0, 6, 6, 8),
                new TimeSeriesSplit.Fold(0, 8, 8, 10));
        // scikit-learn's documented example: 6 samples, 5 splits → train [0] test [1], ..., train [0..4] test [5]
        List<TimeSeriesSplit.Fold> doc = TimeSeriesSplit.split(6, 5);
        assertThat(doc).hasSize(5);
        for (int f = 0; f < 5; f++) {
            assertThat(doc.get(f)).isEqualTo(new TimeSeriesSplit.Fold(0, f + 1, f + 1, f + 2));
        }
        // n = 103, k = 5: test 17, first train 103 - 85 = 18
        List<TimeSeriesSplit.Fold> big = TimeSeriesSplit.split(103, 5);
        assertThat(big.get(0)).isEqualTo(new TimeSeriesSplit.Fold(0, 18, 18, 35));
        assertThat(big.get(4)).isEqualTo(new TimeSeriesSplit.Fold(0, 86, 86, 103));
        assertThatThrownBy(() -> TimeSeriesSplit.split(5, 5)).hasMessageContaining("Cannot have number of folds=6");
        assertThatThrownBy(() -> TimeSeriesSplit.split(5, 1)).hasMessageContaining("at least 2");
    }

    @Test
    void alphaGridIsGeometricFromAlphaMaxDownToEpsTimesIt() {
        double[] a = LassoCv.alphaGrid(2.5, 100, 1e-3);
        assertThat(a).hasSize(100);
        assertThat(a[0]).isEqualTo(2.5);
        assertThat(a[99]).isEqualTo(2.5e-3);
        double ratio = Math.pow(1e-3, 1.0 / 99);
        for (int k = 1; k < 100; k++) {
            assertThat(a[k] / a[k - 1]).isCloseTo(ratio, within(1e-12));
        }
        assertThat(LassoCv.alphaGrid(0.0, 3, 1e-3)).containsExactly(1e-15, 1e-15, 1e-15);
    }

    @Test
    void cvMseIsTheFoldAverageOfIndependentlyRefittedTestErrors() {
        Random rnd = new Random(13);
        int n = 240;
        int p = 6;
        double[][] raw = LassoTest.design(rnd, n, p);
        double[] y = LassoTest.target(rnd, raw, new double[] {1.2, 0, 0, -0.8, 0, 0}, 1.5);
        StandardScaler scaler = StandardScaler.fit(raw, 0, n);
        double[][] x = scaler.transform(raw, 0, n);
        LassoCv.Result cv = LassoCv.fit(x, y, 5, 30, 1e-3, 1e-12, 100_000);

        // alpha_max computed by hand on the centred full table
        double my = 0;
        for (double v : y) {
            my += v / n;
        }
        double aMax = 0;
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[j][i] * (y[i] - my);
            }
            aMax = Math.max(aMax, Math.abs(s) / n);
        }
        assertThat(cv.alphas()[0]).isCloseTo(aMax, within(1e-12));

        List<TimeSeriesSplit.Fold> folds = TimeSeriesSplit.split(n, 5);
        double[] alphas = cv.alphas();
        double best = Double.POSITIVE_INFINITY;
        int bestK = -1;
        for (int k = 0; k < alphas.length; k++) {
            double sum = 0;
            for (TimeSeriesSplit.Fold f : folds) {
                // cold fit by ISTA on the training rows only
                double[][] xt = new double[p][];
                for (int j = 0; j < p; j++) {
                    xt[j] = java.util.Arrays.copyOfRange(x[j], f.trainFrom(), f.trainTo());
                }
                double[] yt = java.util.Arrays.copyOfRange(y, f.trainFrom(), f.trainTo());
                LassoFit fit = Lasso.problem(xt, yt, 0, yt.length).solve(alphas[k], null, 1e-13, 100_000);
                double se = 0;
                for (int i = f.testFrom(); i < f.testTo(); i++) {
                    double pred = fit.intercept();
                    for (int j = 0; j < p; j++) {
                        pred += fit.coefficient(j) * x[j][i];
                    }
                    se += (y[i] - pred) * (y[i] - pred);
                }
                sum += se / f.testSize();
            }
            double mean = sum / folds.size();
            assertThat(cv.cvMse()[k]).as("alpha %s", k).isCloseTo(mean, within(1e-7 * (1 + mean)));
            if (mean < best) {
                best = mean;
                bestK = k;
            }
        }
        assertThat(cv.alpha()).isEqualTo(alphas[bestK]);
        assertThat(cv.fit().alpha()).isEqualTo(alphas[bestK]);
        // the true model is sparse: the chosen fit keeps the two real features
        assertThat(cv.fit().coefficient(0)).isPositive();
        assertThat(cv.fit().coefficient(3)).isNegative();
    }

    @Test
    void forecastMetricsOnAHandWorkedExample() {
        double[] y = {1, -2, 0, 3};
        double[] yHat = {0.5, -1, 1, 0};
        // mean 0.5; SS_tot = 0.25 + 6.25 + 0.25 + 6.25 = 13; SS_res = 0.25 + 1 + 1 + 9 = 11.25
        ForecastMetrics m = ForecastMetrics.of(y, yHat);
        assertThat(m.r2()).isCloseTo(1 - 11.25 / 13, within(1e-15));
        assertThat(m.rmse()).isCloseTo(Math.sqrt(11.25 / 4), within(1e-15));
        // signs: (+,+) hit, (-,-) hit, (0,+) miss, (+,0) miss
        assertThat(m.directionAccuracy()).isEqualTo(0.5);
        assertThat(ForecastMetrics.of(new double[] {2, 2}, new double[] {2, 2}).r2()).isEqualTo(1.0);
        assertThat(ForecastMetrics.of(new double[] {2, 2}, new double[] {1, 2}).r2()).isEqualTo(0.0);
    }

    @Test
    void scalerUsesPopulationStandardDeviation() {
        double[][] x = {{1, 2, 3, 4}};
        StandardScaler s = StandardScaler.fit(x, 0, 4);
        assertThat(s.mean(0)).isEqualTo(2.5);
        assertThat(s.scale(0)).isCloseTo(Math.sqrt(1.25), within(1e-15));
    }

    @Test
    void originalScaleCoefficientsReproduceThePipelinePrediction() {
        Random rnd = new Random(17);
        int n = 200;
        double[][] x = LassoTest.design(rnd, n, 4);
        double[] y = LassoTest.target(rnd, x, new double[] {1, 0, -1, 0.3}, 1);
        LassoModel m = LassoModel.fit(List.of("a", "b", "c", "d"), x, y, 0, n, 0.05, 1e-10, 10_000);
        double[] row = {0.3, 1.1, 2.7, -0.4};
        double direct = m.interceptOriginal();
        int j = 0;
        for (double w : m.coefficientsOriginal().values()) {
            direct += w * row[j++];
        }
        assertThat(m.predict(row)).isCloseTo(direct, within(1e-10));
    }
}
