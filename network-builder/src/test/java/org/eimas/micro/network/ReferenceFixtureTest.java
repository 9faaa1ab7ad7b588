package org.eimas.micro.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Compares with numbers computed independently by numpy's SVD-based {@code lstsq}, numpy's Cholesky and
 * scipy's {@code f.sf}, following statsmodels' definitions: the script that made them is
 * {@code network-builder/src/test/python/reference_granger_var.py}, its output is
 * {@code src/test/resources/reference/{series.csv,expected.csv}}. The series sit on scales 1e6 (with
 * moves of ~10), 1e-4 and 1.
 */
class ReferenceFixtureTest {

    static List<String> lines(String resource) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ReferenceFixtureTest.class.getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    static double[][] series() throws IOException {
        List<String> l = lines("/reference/series.csv");
        int n = l.size() - 1;
        double[][] s = new double[3][n];
        for (int t = 0; t < n; t++) {
            String[] f = l.get(t + 1).split(",");
            for (int c = 0; c < 3; c++) {
                s[c][t] = Double.parseDouble(f[c]);
            }
        }
        return s;
    }

    static void close(double actual, double expected, double rel, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(rel * Math.max(Math.abs(expected), 1e-300)));
    }

    @Test
    void grangerMatchesNumpyAndScipy() throws IOException {
        double[][] s = series();
        List<String> names = List.of("a", "b", "c");
        int checked = 0;
        double[][] minP = new double[3][3];
        for (double[] row : minP) {
            java.util.Arrays.fill(row, 1.0);
        }
        for (String line : lines("/reference/expected.csv")) {
            String[] f = line.split(",");
            if (!f[0].equals("granger")) {
                continue;
            }
            int yi = names.indexOf(f[1]);
            int xi = names.indexOf(f[2]);
            int lag = Integer.parseInt(f[3]);
            GrangerTest.LagResult r = GrangerTest.test(f[1], s[yi], f[2], s[xi], 4).get(lag - 1);
            String what = f[2] + " -> " + f[1] + " lag " + lag;
            close(r.f(), Double.parseDouble(f[4]), 1e-7, what + " F");
            assertThat(r.pValue()).as(what + " p").isCloseTo(Double.parseDouble(f[5]), within(1e-9));
            assertThat(r.dfDenom()).isEqualTo(Integer.parseInt(f[6]));
            close(r.causeCoefficientSum(), Double.parseDouble(f[7]), 1e-6, what + " coefficient sum");
            minP[yi][xi] = Math.min(minP[yi][xi], Double.parseDouble(f[5]));
            checked++;
        }
        assertThat(checked).isEqualTo(6 * 4);
        // the matrix path gives the smallest p over the lags
        GrangerMatrix m = GrangerTest.matrix(names, s, 4);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    assertThat(m.pValue()[i][j]).isCloseTo(minP[i][j], within(1e-9));
                }
            }
        }
        assertThat(m.pValue()[1][0]).isLessThan(1e-10); // a drives b at lag 2
    }

    @Test
    void varMatchesNumpy() throws IOException {
        VarFit fit = VectorAutoregression.fit(List.of("a", "b", "c"), series(), 2);
        double[][][] coefs = fit.coefs();
        double[][] sigma = fit.sigmaU();
        double[][][] irf = fit.irf(6);
        double[][] intercept = {fit.intercept()};
        double[][][] orth = fit.orthIrf(6);
        double[][][] fevd = fit.fevd(6);
        int checked = 0;
        for (String line : lines("/reference/expected.csv")) {
            String[] f = line.split(",");
            double e = Double.parseDouble(f[f.length - 1]);
            switch (f[0]) {
                case "intercept" -> close(intercept[0][Integer.parseInt(f[1])], e, 1e-7, line);
                case "sigma_u" -> close(sigma[Integer.parseInt(f[1])][Integer.parseInt(f[2])], e, 1e-8, line);
                case "coefs" -> close(coefs[i(f[1])][i(f[2])][i(f[3])], e, 1e-6, line);
                case "irf" -> close(irf[i(f[1])][i(f[2])][i(f[3])], e, 1e-6, line);
                case "orth_irf" -> close(orth[i(f[1])][i(f[2])][i(f[3])], e, 1e-6, line);
                case "fevd" -> assertThat(fevd[i(f[1])][i(f[2])][i(f[3])]).as(line).isCloseTo(e, within(1e-9));
                default -> {
                    continue;
                }
            }
            checked++;
        }
        assertThat(checked).isEqualTo(3 + 9 + 18 + 63 + 63 + 54);
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }
}
