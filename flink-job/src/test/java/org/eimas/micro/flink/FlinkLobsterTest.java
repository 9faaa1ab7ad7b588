package org.eimas.micro.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared LOBSTER sample day (AMZN 2012-06-21, 5 levels) turned into canonical books (every
 * order-book row) and trades (visible and hidden executions), run through the Flink job at
 * parallelism 2 and through {@code eimas ofi} / {@code eimas vpin}: the files are identical.
 * Skipped when {@code ../shared/data} is absent.
 */
@Tag("slow")
class FlinkLobsterTest {
    @TempDir
    Path tmp;

    static final long MIDNIGHT_NS = LocalDate.of(2012, 6, 21).atStartOfDay(ZoneId.of("America/New_York")).toEpochSecond() * 1_000_000_000L;

    static long ts(String seconds) {
        // a few LOBSTER times carry more than 9 decimals: rounded to the nanosecond (monotone, so order is kept)
        return MIDNIGHT_NS + new BigDecimal(seconds).movePointRight(9).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    }

    static String price(String tenThousandths) {
        return new BigDecimal(tenThousandths).movePointLeft(4).stripTrailingZeros().toPlainString();
    }

    @Test
    void lobsterDayGivesTheSingleJvmNumbers() throws Exception {
        String shared = System.getProperty("eimas.shared.dir");
        Path zip = shared == null ? null : Path.of(shared, "data/lobster/LOBSTER_SampleFile_AMZN_2012-06-21_5.zip");
        assumeTrue(zip != null && Files.isRegularFile(zip), "shared LOBSTER data not present");
        Path books = tmp.resolve("in/books/AMZN.csv");
        Path trades = tmp.resolve("in/trades/AMZN.csv");
        Files.createDirectories(books.getParent());
        Files.createDirectories(trades.getParent());
        long bookRows = 0;
        long tradeRows = 0;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry msg = z.getEntry("AMZN_2012-06-21_34200000_57600000_message_5.csv");
            ZipEntry ob = z.getEntry("AMZN_2012-06-21_34200000_57600000_orderbook_5.csv");
            try (BufferedReader m = new BufferedReader(new InputStreamReader(z.getInputStream(msg), StandardCharsets.US_ASCII));
                 BufferedReader o = new BufferedReader(new InputStreamReader(z.getInputStream(ob), StandardCharsets.US_ASCII));
                 BufferedWriter bw = Files.newBufferedWriter(books);
                 BufferedWriter tw = Files.newBufferedWriter(trades)) {
                bw.write("ts,symbol");
                for (int i = 1; i <= 5; i++) {
                    bw.write(",bid_px_" + i + ",bid_sz_" + i + ",ask_px_" + i + ",ask_sz_" + i);
                }
                bw.write('\n');
                tw.write("ts,symbol,price,size\n");
                String ml;
                while ((ml = m.readLine()) != null) {
                    String[] mf = ml.split(",");
                    String[] of = o.readLine().split(",");
                    long t = ts(mf[0]);
                    StringBuilder sb = new StringBuilder().append(t).append(",AMZN");
                    for (int i = 0; i < 5; i++) {
                        // LOBSTER: ask px, ask size, bid px, bid size per level; empty = +-9999999999 with size 0
                        String ap = of[4 * i], as = of[4 * i + 1], bp = of[4 * i + 2], bs = of[4 * i + 3];
                        boolean bidEmpty = bp.equals("-9999999999");
                        boolean askEmpty = ap.equals("9999999999");
                        sb.append(',').append(bidEmpty ? "0" : price(bp)).append(',').append(bidEmpty ? "0" : bs)
                                .append(',').append(askEmpty ? "0" : price(ap)).append(',').append(askEmpty ? "0" : as);
                    }
                    bw.write(sb.append('\n').toString());
                    bookRows++;
                    if (mf[1].equals("4") || mf[1].equals("5")) {
                        tw.write(t + ",AMZN," + price(mf[4]) + "," + mf[3] + "\n");
                        tradeRows++;
                    }
                }
            }
        }
        assertThat(bookRows).isEqualTo(155_935);
        assertThat(tradeRows).isEqualTo(8974 + 2445);

        Path ref = tmp.resolve("ref");
        SyntheticDay.cli("ofi", "--book", books.toString(), "--levels", "5", "--window", "10", "--window", "0.5", "--out", ref.resolve("ofi.csv").toString());
        SyntheticDay.cli("vpin", "--trades", trades.toString(), "--bucket-size", "5000", "--buckets", "50", "--out", ref.resolve("vpin.csv").toString());

        JobOptions op = new JobOptions();
        op.books.add(books.getParent());
        op.trades.add(trades.getParent());
        op.out = tmp.resolve("out");
        op.parallelism = 2;
        op.levels = 5;
        op.windows.addAll(List.of("10", "0.5"));
        op.bucketSize = "5000";
        op.buckets = 50;
        op.checkpointIntervalMs = 200;
        FlinkJobMain.execute(op);

        assertThat(Files.mismatch(ref.resolve("ofi.csv"), op.out.resolve("ofi/AMZN.csv"))).isEqualTo(-1L);
        assertThat(Files.mismatch(ref.resolve("vpin.csv"), op.out.resolve("vpin/AMZN.csv"))).isEqualTo(-1L);
        assertThat(Files.readAllLines(op.out.resolve("ofi/AMZN.csv"))).hasSize(155_936);
        assertThat(Files.readAllLines(op.out.resolve("vpin/AMZN.csv")).size()).isGreaterThan(100);
    }
}
