package org.eimas.micro.domain.orderflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Real data: LOBSTER's AMZN 2012-06-21 5-level sample (NASDAQ ITCH reconstruction, lobsterdata.com).
 * The model gets prices as doubles (LOBSTER integer / 10000, as a converter would produce them); the
 * reference evaluates the formula on LOBSTER's integer prices directly. Skips when the shared data
 * directory is absent.
 */
class LobsterOfiTest {

    @Test
    void multiLevelOfiMatchesIntegerPriceReference() throws Exception {
        String shared = System.getProperty("eimas.shared.dir");
        assumeTrue(shared != null, "eimas.shared.dir not set");
        Path zip = Path.of(shared, "data", "lobster", "LOBSTER_SampleFile_AMZN_2012-06-21_5.zip");
        assumeTrue(Files.isRegularFile(zip), "LOBSTER sample absent: " + zip);
        int levels = 5;
        OrderFlowImbalance ofi = new OrderFlowImbalance(levels);
        long[] pb0 = new long[levels], pa0 = new long[levels];
        long[] qb0 = new long[levels], qa0 = new long[levels];
        double[] bp = new double[levels], bs = new double[levels], ap = new double[levels], as = new double[levels];
        long rows = 0;
        long nonZero = 0;
        long bidUpRows = 0;
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null && !e.getName().contains("orderbook")) {
                // skip to the order book file
            }
            assertThat(e).as("orderbook entry").isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(z, StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                long[] pb = new long[levels], pa = new long[levels], qb = new long[levels], qa = new long[levels];
                for (int m = 0; m < levels; m++) {
                    pa[m] = Long.parseLong(f[4 * m]);
                    qa[m] = Long.parseLong(f[4 * m + 1]);
                    pb[m] = Long.parseLong(f[4 * m + 2]);
                    qb[m] = Long.parseLong(f[4 * m + 3]);
                    if (Math.abs(pa[m]) >= 9999999999L) {
                        pa[m] = 0;
                    }
                    if (Math.abs(pb[m]) >= 9999999999L) {
                        pb[m] = 0;
                    }
                    ap[m] = pa[m] / 10000.0;
                    bp[m] = pb[m] / 10000.0;
                    as[m] = qa[m];
                    bs[m] = qb[m];
                }
                ofi.update(bp, bs, ap, as);
                for (int m = 0; m < levels; m++) {
                    long expected = 0;
                    if (rows > 0) {
                        expected = (pb[m] >= pb0[m] ? qb[m] : 0) - (pb[m] <= pb0[m] ? qb0[m] : 0)
                                - (pa[m] <= pa0[m] ? qa[m] : 0) + (pa[m] >= pa0[m] ? qa0[m] : 0);
                        if (m == 0 && pb[m] > pb0[m]) {
                            bidUpRows++;
                        }
                    }
                    assertThat(ofi.ofi(m + 1)).as("row %d level %d", rows + 1, m + 1).isEqualTo((double) expected);
                    if (expected != 0) {
                        nonZero++;
                    }
                }
                pb0 = pb;
                pa0 = pa;
                qb0 = qb;
                qa0 = qa;
                rows++;
            }
        }
        assertThat(rows).isEqualTo(155_935);
        assertThat(nonZero).isGreaterThan(100_000);
        assertThat(bidUpRows).isGreaterThan(1000); // the "whole new size" branch is exercised
    }
}
