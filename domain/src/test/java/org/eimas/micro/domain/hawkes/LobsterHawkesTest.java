package org.eimas.micro.domain.hawkes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The Hawkes fit on real executions: LOBSTER's AMZN 2012-06-21 sample (level 1), execution messages (types 4 and 5)
 * with one event per distinct timestamp (fills of one aggressive order share a time), seconds since 09:30.
 */
class LobsterHawkesTest {

    static double[] executionTimes() throws IOException {
        String dir = System.getProperty("eimas.shared.dir");
        assumeTrue(dir != null, "eimas.shared.dir not set");
        Path zip = Path.of(dir, "data", "lobster", "LOBSTER_SampleFile_AMZN_2012-06-21_1.zip");
        assumeTrue(Files.isRegularFile(zip), "LOBSTER sample not present: " + zip);
        double[] t = new double[16_384];
        int n = 0;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry e = z.stream().filter(x -> x.getName().endsWith("message_1.csv")).findFirst().orElseThrow();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(z.getInputStream(e), StandardCharsets.US_ASCII))) {
                String line;
                double last = Double.NaN;
                while ((line = r.readLine()) != null) {
                    String[] f = line.split(",");
                    int type = Integer.parseInt(f[1]);
                    if (type == 4 || type == 5) {
                        double s = Double.parseDouble(f[0]) - 34_200.0;
                        if (s != last) {
                            if (n == t.length) {
                                t = Arrays.copyOf(t, n * 2);
                            }
                            t[n++] = s;
                            last = s;
                        }
                    }
                }
            }
        }
        return Arrays.copyOf(t, n);
    }

    @Test
    void fitOnRealExecutionsIsAStationaryMaximumThatBeatsPoisson() throws IOException {
        double[] t = executionTimes();
        double horizon = 23_400; // 09:30-16:00
        assertThat(t.length).isEqualTo(8183);
        HawkesFit fit = HawkesMle.fit(t, horizon);
        assertThat(fit.branchingRatio()).isBetween(0.0, 1.0);
        // a maximum: the gradient vanishes (relative to each score's scale) and every nearby point is worse
        double[] g = new double[3];
        HawkesLikelihood.logLikelihood(t, horizon, fit.parameters(), g);
        assertThat(Math.abs(g[0]) * fit.mu()).isLessThan(1e-4 * t.length);
        assertThat(Math.abs(g[1]) * fit.alpha()).isLessThan(1e-4 * t.length);
        assertThat(Math.abs(g[2]) * fit.beta()).isLessThan(1e-4 * t.length);
        for (int k = 0; k < 3; k++) {
            for (double step : new double[] {-0.01, 0.01}) {
                double[] x = {fit.mu(), fit.alpha(), fit.beta()};
                x[k] *= 1 + step;
                double other = HawkesLikelihood.logLikelihood(t, horizon, new HawkesParameters(x[0], x[1], x[2]));
                assertThat(other).isLessThan(fit.logLikelihood());
            }
        }
        // far better than the nested Poisson model, and closer to Exp(1) increments than Poisson's
        int n = t.length;
        double poisson = n * Math.log(n / horizon) - n;
        assertThat(fit.logLikelihood()).isGreaterThan(poisson + 1000);
        double[] tau = new double[n];
        for (int i = 0; i < n; i++) {
            tau[i] = (t[i] - (i == 0 ? 0 : t[i - 1])) * n / horizon;
        }
        assertThat(fit.ksStatistic()).isLessThan(HawkesGoodnessOfFit.ksStatisticExp1(tau));
    }
}
