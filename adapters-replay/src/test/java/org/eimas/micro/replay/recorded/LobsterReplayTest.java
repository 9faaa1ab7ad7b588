package org.eimas.micro.replay.recorded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.eimas.micro.domain.port.Subscription;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real data through the replay: LOBSTER's AMZN 2012-06-21 level-1 sample (shared data, skipped when absent),
 * written as canonical books + trades by a plain conversion here, replayed as fast as possible. The
 * delivered sequence must equal an independent stable sort of both files by (ts, trade before book).
 */
class LobsterReplayTest {
    @TempDir
    Path dir;

    private record Row(long ts, int kind, int index, String text) {
    }

    @Test
    void amznLevelOneDayReplaysInTimeOrder() throws Exception {
        Path shared = Path.of(System.getProperty("eimas.shared.dir", "../shared"));
        Path zip = shared.resolve("data/lobster/LOBSTER_SampleFile_AMZN_2012-06-21_1.zip");
        Assumptions.assumeTrue(Files.isReadable(zip), "LOBSTER sample not present at " + zip);
        long midnight = LocalDate.of(2012, 6, 21).atStartOfDay(ZoneId.of("America/New_York")).toEpochSecond() * 1_000_000_000L;
        Path books = dir.resolve("books.csv");
        Path trades = dir.resolve("trades.csv");
        List<Row> expected = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile());
             BufferedReader msg = reader(z, "AMZN_2012-06-21_34200000_57600000_message_1.csv");
             BufferedReader ob = reader(z, "AMZN_2012-06-21_34200000_57600000_orderbook_1.csv");
             BufferedWriter bw = Files.newBufferedWriter(books);
             BufferedWriter tw = Files.newBufferedWriter(trades)) {
            bw.write("ts,symbol,bid_px_1,bid_sz_1,ask_px_1,ask_sz_1\n");
            tw.write("ts,symbol,price,size\n");
            String m;
            int i = 0;
            int t = 0;
            while ((m = msg.readLine()) != null) {
                String[] f = m.split(",");
                String[] b = ob.readLine().split(",");
                long ts = midnight + new BigDecimal(f[0]).movePointRight(9).longValueExact();
                String bid = price(b[2]);
                String ask = price(b[0]);
                bw.write(ts + ",AMZN," + bid + "," + (bid.equals("0") ? "0" : b[3]) + "," + ask + ","
                        + (ask.equals("0") ? "0" : b[1]) + "\n");
                expected.add(new Row(ts, 1, i++, "B " + ts + " AMZN " + Double.parseDouble(bid)));
                if (f[1].equals("4") || f[1].equals("5")) {
                    String px = price(f[4]);
                    tw.write(ts + ",AMZN," + px + "," + f[3] + "\n");
                    expected.add(new Row(ts, 0, t++, "T " + ts + " AMZN " + Double.parseDouble(px)));
                }
            }
        }
        expected.sort(Comparator.comparingLong(Row::ts).thenComparingInt(Row::kind).thenComparingInt(Row::index));

        RecordedMarketFeedTest.Recorder r = new RecordedMarketFeedTest.Recorder();
        try (Subscription s = new RecordedMarketFeed(books, trades, 0).subscribe(List.of("AMZN"), r)) {
            assertThat(r.end.await(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(r.statuses.get(r.statuses.size() - 1)).isEqualTo("CLOSED: end of the recorded files");
        // counts from the data's README: 57,515 messages, executions 8974 visible + 2445 hidden
        assertThat(r.events.stream().filter(e -> e.startsWith("B ")).count()).isEqualTo(57_515);
        assertThat(r.events.stream().filter(e -> e.startsWith("T ")).count()).isEqualTo(8_974 + 2_445);
        List<String> want = expected.stream().map(Row::text).toList();
        assertThat(r.events).isEqualTo(want);
    }

    /** LOBSTER price x 10000 as a decimal; the empty-level markers become 0 (empty). */
    private static String price(String raw) {
        long p = Long.parseLong(raw);
        if (Math.abs(p) == 9_999_999_999L) {
            return "0";
        }
        return BigDecimal.valueOf(p, 4).stripTrailingZeros().toPlainString();
    }

    private static BufferedReader reader(ZipFile z, String name) throws Exception {
        ZipEntry e = z.getEntry(name);
        return new BufferedReader(new InputStreamReader(z.getInputStream(e), StandardCharsets.US_ASCII));
    }
}
