package org.eimas.micro.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.questdb.ServerMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The QuestDB sink against a QuestDB server in this JVM ({@code ServerMain}, every port on
 * 127.0.0.1): the VPIN rows land in a deduplicated WAL table; running the job a second time
 * re-delivers every row, and the table still holds each row once, with the same numbers as the
 * job's CSV files.
 */
@Tag("slow")
class FlinkQuestDbTest {
    @TempDir
    Path tmp;

    static final Pattern FIRST_CELLS = Pattern.compile("\"dataset\":\\[\\[([^\\]]*)\\]");

    static String scalarRow(String base, String sql) throws Exception {
        String body = QuestDbSink.exec(base, sql);
        Matcher m = FIRST_CELLS.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    @Test
    void rowsLandOnceEvenWhenDeliveredTwice() throws Exception {
        SyntheticDay day = SyntheticDay.create(tmp.resolve("day"), 0.05);
        Path root = Files.createDirectories(tmp.resolve("qdb"));
        int http = InProcessKafka.freePort();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("QDB_HTTP_BIND_TO", "127.0.0.1:" + http);
        env.put("QDB_HTTP_MIN_ENABLED", "false");
        env.put("QDB_PG_NET_BIND_TO", "127.0.0.1:" + InProcessKafka.freePort());
        env.put("QDB_LINE_TCP_NET_BIND_TO", "127.0.0.1:" + InProcessKafka.freePort());
        env.put("QDB_LINE_UDP_ENABLED", "false");
        env.put("QDB_TELEMETRY_ENABLED", "false");
        try (ServerMain server = ServerMain.create(root.toString(), env)) {
            server.start();
            String base = "http://127.0.0.1:" + http;
            String conf = "http::addr=127.0.0.1:" + http + ";";
            long buckets = 0;
            double buy = 0;
            for (String s : SyntheticDay.SYMBOLS) {
                List<String> v = Files.readAllLines(day.reference.resolve("vpin/" + s + ".csv"));
                for (String l : v.subList(1, v.size())) {
                    buckets++;
                    buy += Double.parseDouble(l.split(",")[2]);
                }
            }
            for (int run = 1; run <= 2; run++) {
                JobOptions o = day.options(tmp.resolve("out" + run), 2, day.books, day.trades);
                o.questdb = conf;
                FlinkJobMain.execute(o);
                assertThat(Files.mismatch(day.reference.resolve("vpin/SPY.csv"), o.out.resolve("vpin/SPY.csv"))).isEqualTo(-1L);
                // WAL rows are applied asynchronously: wait until the table has them all
                long deadline = System.nanoTime() + 60_000_000_000L;
                String row;
                do {
                    Thread.sleep(200);
                    row = scalarRow(base, "select count(), count_distinct(symbol), sum(buy) from flink_vpin");
                } while (!row.startsWith(buckets + ",") && System.nanoTime() < deadline);
                String[] cells = row.split(",");
                assertThat(Long.parseLong(cells[0])).as("run " + run).isEqualTo(buckets);
                assertThat(Long.parseLong(cells[1])).isEqualTo(SyntheticDay.SYMBOLS.size());
                assertThat(Double.parseDouble(cells[2])).isCloseTo(buy, org.assertj.core.data.Offset.offset(1e-6 * buy));
                String ofi = scalarRow(base, "select count() from flink_ofi");
                assertThat(Long.parseLong(ofi)).isLessThanOrEqualTo(day.bookRows.values().stream().mapToLong(Long::longValue).sum());
            }
            // no duplicate (symbol, row) after two deliveries
            long triggered = 0;
            long until = System.nanoTime() + 60_000_000_000L;
            while (triggered == 0 && System.nanoTime() < until) {
                triggered = Long.parseLong(scalarRow(base, "select count() from flink_features where path18 != 'NONE'"));
                Thread.sleep(triggered == 0 ? 200 : 0);
            }
            assertThat(triggered).isPositive();
            for (String t : List.of("flink_vpin", "flink_ofi", "flink_features")) {
                assertThat(QuestDbSink.exec(base, "select * from (select symbol, row, count() c from " + t + ") where c > 1"))
                        .as(t).contains("\"dataset\":[]");
            }
            assertThat(QuestDbSink.exec(base, "select symbol, row, bucket, end_ts, buy, sell from flink_vpin where symbol = 'SPY' and row = 1"))
                    .contains("[\"SPY\",1,1,");
        }
    }
}
