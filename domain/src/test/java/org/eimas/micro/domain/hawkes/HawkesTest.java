package org.eimas.micro.domain.hawkes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HawkesTest {
    private static final double[] TIES = {0.1, 0.5, 0.5, 0.9, 1.7, 1.7, 1.7, 2.2, 3.0, 4.4};

    /** λ(t) by the definition, O(n) per query: μ + Σ_{t_i < t} α e^{-β(t - t_i)}. */
    static double naiveIntensity(double[] ev, HawkesParameters p, double t) {
        double s = p.mu();
        for (double ti : ev) {
            if (ti < t) {
                s += p.alpha() * Math.exp(-p.beta() * (t - ti));
            }
        }
        return s;
    }

    /** ℓ by the definition, O(n²): Σ log λ(t_i) - ∫_0^T λ, the integral summed kernel by kernel. */
    static double naiveLogLik(double[] ev, double horizon, HawkesParameters p) {
        double s = 0;
        for (double ti : ev) {
            s += Math.log(naiveIntensity(ev, p, ti));
        }
        double integral = p.mu() * horizon;
        for (double ti : ev) {
            integral += p.alpha() / p.beta() * (1 - Math.exp(-p.beta() * (horizon - ti)));
        }
        return s - integral;
    }

    @Test
    void logLikelihoodEqualsTheDirectQuadraticSumWithTies() {
        HawkesParameters p = new HawkesParameters(0.8, 1.1, 2.3);
        assertThat(HawkesLikelihood.logLikelihood(TIES, 5.0, p)).isCloseTo(naiveLogLik(TIES, 5.0, p), within(1e-12));
        double[] sim = HawkesSimulator.simulate(new HawkesParameters(1.0, 0.5, 1.0), 200, 42);
        assertThat(sim.length).isGreaterThan(100);
        HawkesParameters q = new HawkesParameters(0.9, 0.7, 1.6);
        double fast = HawkesLikelihood.logLikelihood(sim, 200, q);
        assertThat(fast).isCloseTo(naiveLogLik(sim, 200, q), within(1e-9 * Math.abs(fast)));
    }

    @Test
    void analyticGradientMatchesFiniteDifferences() {
        double[] sim = HawkesSimulator.simulate(new HawkesParameters(1.0, 0.5, 1.0), 100, 7);
        double[] events = Arrays.copyOf(sim, sim.length + 2);
        events[events.length - 2] = 99.5;
        events[events.length - 1] = 99.5; // a tie at the end
        Arrays.sort(events);
        double[] x = {0.9, 0.6, 1.3};
        double[] g = new double[3];
        HawkesLikelihood.logLikelihood(events, 100, new HawkesParameters(x[0], x[1], x[2]), g);
        for (int k = 0; k < 3; k++) {
            double h = 1e-6;
            double[] up = x.clone();
            double[] dn = x.clone();
            up[k] += h;
            dn[k] -= h;
            double fd = (HawkesLikelihood.logLikelihood(events, 100, new HawkesParameters(up[0], up[1], up[2]))
                    - HawkesLikelihood.logLikelihood(events, 100, new HawkesParameters(dn[0], dn[1], dn[2]))) / (2 * h);
            assertThat(g[k]).as("d/dx%s", k).isCloseTo(fd, within(1e-5 * (1 + Math.abs(fd))));
        }
    }

    @Test
    void streamingIntensityEqualsTheDefinitionAndExcludesEventsAtTheQueryTime() {
        HawkesParameters p = new HawkesParameters(0.5, 0.9, 1.7);
        double[] at = {3.0, 0.0, 0.5, 0.50001, 1.7, 2.0, 10.0, 0.1};
        double[] fast = HawkesIntensity.intensities(p, TIES, at);
        for (int k = 0; k < at.length; k++) {
            assertThat(fast[k]).as("t=%s", at[k]).isCloseTo(naiveIntensity(TIES, p, at[k]), within(1e-13));
        }
        // at 1.7 the three tied events there do not count; just after they all do
        assertThat(fast[4]).isCloseTo(naiveIntensity(TIES, p, 1.7), within(1e-13));
        HawkesIntensity h = new HawkesIntensity(p);
        for (double t : TIES) {
            h.onEvent(t);
        }
        assertThat(h.intensityAfterLastEvent()).isCloseTo(naiveIntensity(TIES, p, 4.4 + 1e-12), within(1e-9));
        assertThatThrownBy(() -> h.onEvent(1.0)).hasMessageContaining("must not decrease");
    }

    @Test
    void simulationHasTheStationaryMeanCountAndRescalesToExponentials() {
        HawkesParameters p = new HawkesParameters(2.0, 1.0, 2.0); // branching 0.5, mean rate 4
        double horizon = 5000;
        double[] ev = HawkesSimulator.simulate(p, horizon, 1234);
        double expected = p.stationaryIntensity() * horizon; // 20000, sd ≈ sqrt(n)/(1 - 0.5) ≈ 283
        assertThat((double) ev.length).isCloseTo(expected, within(0.05 * expected));
        assertThat(ev[ev.length - 1]).isLessThanOrEqualTo(horizon);
        double[] tau = HawkesGoodnessOfFit.compensatorIncrements(ev, p);
        double mean = Arrays.stream(tau).average().orElseThrow();
        assertThat(mean).isCloseTo(1.0, within(0.03));
        double ks = HawkesGoodnessOfFit.ksStatisticExp1(tau);
        assertThat(ks).isLessThan(1.63 / Math.sqrt(ev.length)); // 1% critical value
        // same seed, same path; other seed, other path
        assertThat(HawkesSimulator.simulate(p, 100, 1234)).containsExactly(Arrays.copyOf(ev, countBelow(ev, 100)));
        assertThat(HawkesSimulator.simulate(p, 100, 99)).isNotEqualTo(HawkesSimulator.simulate(p, 100, 1234));
    }

    private static int countBelow(double[] ev, double t) {
        int k = 0;
        while (k < ev.length && ev[k] <= t) {
            k++;
        }
        return k;
    }

    @Test
    void fitRecoversTheSimulatedParametersAndIsAStationaryPoint() {
        HawkesParameters truth = new HawkesParameters(1.0, 0.6, 1.5);
        double horizon = 20_000;
        double[] ev = HawkesSimulator.simulate(truth, horizon, 2024);
        HawkesFit fit = HawkesMle.fit(ev, horizon);
        assertThat(fit.mu()).isCloseTo(1.0, within(0.08));
        assertThat(fit.alpha()).isCloseTo(0.6, within(0.06));
        assertThat(fit.beta()).isCloseTo(1.5, within(0.15));
        assertThat(fit.branchingRatio()).isCloseTo(0.4, within(0.03));
        double[] g = new double[3];
        double ll = HawkesLikelihood.logLikelihood(ev, horizon, fit.parameters(), g);
        assertThat(fit.logLikelihood()).isCloseTo(ll, within(1e-9 * Math.abs(ll)));
        // first-order conditions, relative to the scale of each score term
        assertThat(Math.abs(g[0]) * fit.mu()).isLessThan(1e-5 * ev.length);
        assertThat(Math.abs(g[1]) * fit.alpha()).isLessThan(1e-5 * ev.length);
        assertThat(Math.abs(g[2]) * fit.beta()).isLessThan(1e-5 * ev.length);
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(HawkesLikelihood.logLikelihood(ev, horizon, truth));
        // no point of a coarse independent grid beats the fit
        for (double mu = 0.8; mu <= 1.2; mu += 0.1) {
            for (double a = 0.3; a <= 0.9; a += 0.1) {
                for (double b = 0.9; b <= 2.4; b += 0.3) {
                    double other = HawkesLikelihood.logLikelihood(ev, horizon, new HawkesParameters(mu, a, b));
                    assertThat(other).isLessThanOrEqualTo(fit.logLikelihood() + 1e-9);
                }
            }
        }
        assertThat(fit.ksStatistic()).isLessThan(1.63 / Math.sqrt(ev.length));
    }

    @Test
    void poissonEventsFitAlmostNoExcitation() {
        Random rnd = new Random(5);
        int n = 5000;
        double[] ev = new double[n];
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += -Math.log(1 - rnd.nextDouble()) / 3.0;
            ev[i] = t;
        }
        double horizon = t + 0.1;
        HawkesFit fit = HawkesMle.fit(ev, horizon);
        // the Poisson model is nested (alpha = 0, mu = n/T): the fit is at least as likely, and the likelihood-ratio
        // statistic stays small (chi-squared with 2 degrees of freedom: 13.8 is its 0.1% critical value)
        double poisson = n * Math.log(n / horizon) - n;
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(poisson - 1e-9);
        assertThat(2 * (fit.logLikelihood() - poisson)).isLessThan(13.8);
        // with alpha = 0 the profile returns the Poisson point exactly
        assertThat(HawkesLikelihood.logLikelihood(ev, horizon, new HawkesParameters(n / horizon, 0, 1)))
                .isCloseTo(poisson, within(1e-9 * n));
    }

    @Test
    void rejectsNonStationaryFitsAndBadInput() {
        // an explosive process: branching ratio 1.3
        double[] ev = HawkesSimulator.simulate(new HawkesParameters(0.5, 1.3, 1.0), 20, 3);
        assertThat(ev.length).isGreaterThan(1000);
        assertThatThrownBy(() -> HawkesMle.fit(ev, 20)).hasMessageContaining("non-stationary")
                .hasMessageContaining("branching ratio");
        assertThatThrownBy(() -> HawkesMle.fit(new double[] {1, 3, 2}, 5)).hasMessageContaining("event 2 at 2.0");
        assertThatThrownBy(() -> HawkesMle.fit(new double[] {1, 6}, 5)).hasMessageContaining("outside [0.0, 5.0]");
        assertThatThrownBy(() -> new HawkesParameters(0, 1, 1)).hasMessageContaining("mu must be");
    }

    @Test
    void ksStatisticOnAHandWorkedSample() {
        // F(x) = 1 - e^{-x}; sorted sample ln 2, ln 4 → F = 0.5, 0.75; D = max(0.5 - 0.5, 0.5 - 0, 1 - 0.75, 0.75 - 0.5)
        double d = HawkesGoodnessOfFit.ksStatisticExp1(new double[] {Math.log(4), Math.log(2)});
        assertThat(d).isCloseTo(0.5, within(1e-15));
        // Kolmogorov distribution: P(K > 1.36) ≈ 0.0495
        assertThat(HawkesGoodnessOfFit.ksPValue(1.36 / Math.sqrt(1e8), 100_000_000)).isCloseTo(0.0495, within(0.001));
    }
}
