package org.eimas.micro.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real data: the executions of LOBSTER's AMZN 2012-06-21 sample (types 4 and 5, 11,419 prints
 * including 63 half-cent midpoint fills) through {@code eimas vpin}, against a share-by-share
 * reference that signs with the tick rule on LOBSTER's integer prices. Skips when the shared data
 * directory is absent.
 */
class LobsterVpinTest {
    @TempDir
    Path dir;

    @Test
    void vpinOverLobsterExecutionsMatchesShareByShareReference() throws Exception {
        String shared = System.getProperty("eimas.shared.dir");
        assumeTrue(shared != null, "eimas.shared.dir not set");
        Path zip = Path.of(shared, "data", "lobster", "LOBSTER_SampleFile_AMZN_2012-06-21_1.zip");
        assumeTrue(Files.isRegularFile(zip), "LOBSTER sample absent: " + zip);
        long base = 1_340_251_200L * 1_000_000_000L; // 2012-06-21 00:00 New York (UTC-4) in epoch ns
        List<long[]> trades = new ArrayList<>(); // ts, price x 10000, size
        StringBuilder csv = new StringBuilder("ts,symbol,price,size\n");
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null && !e.getName().contains("message")) {
                // the message file
            }
            assertThat(e).isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(z, StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                if (!f[1].equals("4") && !f[1].equals("5")) {
                    continue;
                }
                long ts = base + new BigDecimal(f[0]).movePointRight(9).longValueExact();
                long px = Long.parseLong(f[4]);
                long size = Long.parseLong(f[3]);
                trades.add(new long[] {ts, px, size});
                csv.append(ts).append(",AMZN,").append(BigDecimal.valueOf(px, 4).toPlainString()).append(',').append(size).append('\n');
            }
        }
        assertThat(trades).hasSize(8974 + 2445);
        Path file = dir.resolve("amzn-trades.csv");
        Files.writeString(file, csv);
        Path out = dir.resolve("vpin.csv");
        int v = 1000, n = 50;
        CliRun run = CliRun.run("vpin", "--trades", file.toString(), "--bucket-size", String.valueOf(v), "--buckets",
                String.valueOf(n), "--out", out.toString());
        assertThat(run.code).as(run.err).isEqualTo(0);

        // reference: tick rule on integer prices, then every share assigned to bucket floor(cum / V)
        List<long[]> ref = new ArrayList<>(); // buy, sell, endTs
        long prevPx = -1;
        int sign = 1;
        long buy = 0, sell = 0, in = 0;
        for (long[] t : trades) {
            if (prevPx >= 0 && t[1] != prevPx) {
                sign = t[1] > prevPx ? 1 : -1;
            }
            prevPx = t[1];
            for (long s = 0; s < t[2]; s++) {
                if (sign > 0) {
                    buy++;
                } else {
                    sell++;
                }
                if (++in == v) {
                    ref.add(new long[] {buy, sell, t[0]});
                    buy = sell = in = 0;
                }
            }
        }
        List<String> lines = CliRun.lines(out);
        assertThat(lines).hasSize(ref.size() + 1);
        assertThat(ref.size()).isGreaterThan(n);
        for (int k = 0; k < ref.size(); k++) {
            String[] c = lines.get(k + 1).split(",", -1);
            assertThat(Long.parseLong(c[0])).isEqualTo(k + 1);
            assertThat(Long.parseLong(c[1])).isEqualTo(ref.get(k)[2]);
            assertThat(Double.parseDouble(c[2])).isEqualTo((double) ref.get(k)[0]);
            assertThat(Double.parseDouble(c[3])).isEqualTo((double) ref.get(k)[1]);
            if (k + 1 < n) {
                assertThat(c[4]).isEmpty();
            } else {
                double sum = 0;
                for (int j = k - n + 1; j <= k; j++) {
                    sum += Math.abs(ref.get(j)[0] - ref.get(j)[1]);
                }
                assertThat(Double.parseDouble(c[4])).as("bucket %d", k + 1).isCloseTo(sum / ((double) n * v), within(1e-14));
            }
        }
    }
}
