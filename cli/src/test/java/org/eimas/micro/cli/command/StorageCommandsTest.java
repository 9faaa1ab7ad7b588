package org.eimas.micro.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eimas.micro.cli.EimasCli;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.store.StoredAlert;
import org.eimas.micro.domain.store.StoredBacktestRun;
import org.eimas.micro.domain.store.StoredModel;
import org.eimas.micro.domain.store.StoredNetwork;
import org.eimas.micro.replay.csv.CanonicalCsvWriter;
import org.eimas.micro.storage.JooqAlertStore;
import org.eimas.micro.storage.JooqBacktestRunStore;
import org.eimas.micro.storage.JooqModelStore;
import org.eimas.micro.storage.JooqNetworkStore;
import org.eimas.micro.storage.RelationalDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ingest, sql, bars and the list commands, run through the real command line. */
class StorageCommandsTest {
    static final long T0 = 1_772_496_000_000_000_000L; // 2026-03-03T00:00:00Z
    static final long S = 1_000_000_000L;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = EimasCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** 3000 trades of SPY and QQQ over 40 minutes; returns nothing, the file is the fixture. */
    Path tradesFile(String name, boolean corruptLine5) throws Exception {
        Path f = dir.resolve(name);
        try (CanonicalCsvWriter w = CanonicalCsvWriter.trades(f, false)) {
            for (int i = 0; i < 3000; i++) {
                w.trade(T0 + i * 800_000_000L, i % 3 == 0 ? "QQQ" : "SPY", 100 + (i % 50) * 0.01, 1 + i % 9,
                        Double.NaN, Double.NaN);
            }
        }
        if (corruptLine5) {
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(f));
            lines.set(4, lines.get(4).replaceFirst(",1\\d\\d\\.\\d*,", ",NaN,").replaceFirst(",100,", ",NaN,"));
            Files.write(f, lines);
        }
        return f;
    }

    @Test
    void ingestTwiceThenSqlAndBars() throws Exception {
        Path data = dir.resolve("data");
        Path f = tradesFile("trades.csv.gz", false);
        Run first = run("ingest", "--data-dir", data.toString(), "--trades", f.toString(), "--json");
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode j = JSON.readTree(first.out());
        assertThat(j.get("table").asText()).isEqualTo("trades");
        assertThat(j.get("rows").asLong()).isEqualTo(3000);
        assertThat(j.get("table_rows").asLong()).isEqualTo(3000);
        assertThat(j.get("rows_per_second").asDouble()).isPositive();

        Run second = run("ingest", "--data-dir", data.toString(), "--trades", f.toString());
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).startsWith("ingested 3000 rows into trades from ").contains("trades now holds 3000 rows");

        Run spyOnly = run("ingest", "--data-dir", data.toString(), "--trades", f.toString(), "--symbol", "SPY", "--json");
        JsonNode s = JSON.readTree(spyOnly.out());
        assertThat(s.get("rows").asLong()).isEqualTo(2000);
        assertThat(s.get("skipped").asLong()).isEqualTo(1000);
        assertThat(s.get("table_rows").asLong()).isEqualTo(3000);

        Run sql = run("sql", "--data-dir", data.toString(), "SELECT symbol, count() n, sum(size) v FROM trades ORDER BY symbol");
        assertThat(sql.code()).as(sql.err()).isZero();
        long qqqVol = 0;
        long spyVol = 0;
        for (int i = 0; i < 3000; i++) {
            if (i % 3 == 0) {
                qqqVol += 1 + i % 9;
            } else {
                spyVol += 1 + i % 9;
            }
        }
        assertThat(sql.out().split("\n")).containsExactly("symbol,n,v", "QQQ,1000," + (double) qqqVol,
                "SPY,2000," + (double) spyVol);

        Run js = run("sql", "--data-dir", data.toString(), "SELECT ts, price FROM trades WHERE symbol = 'QQQ' LIMIT 2", "--json");
        JsonNode arr = JSON.readTree(js.out());
        assertThat(arr.size()).isEqualTo(2);
        assertThat(arr.get(0).get("ts").asText()).isEqualTo("2026-03-03T00:00:00Z");
        assertThat(arr.get(1).get("ts").asText()).isEqualTo("2026-03-03T00:00:02.400Z");
        assertThat(arr.get(1).get("price").asDouble()).isEqualTo(100.03);

        Path bars = dir.resolve("bars.csv");
        Run b = run("bars", "--data-dir", data.toString(), "--symbol", "SPY", "--interval", "5m",
                "--from", "2026-03-03", "--to", "2026-03-03T00:30:00Z", "--out", bars.toString());
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("wrote 6 5m bars of SPY");
        // naive: volume and VWAP per 5-minute bucket of the SPY rows in [00:00, 00:30)
        TreeMap<Long, double[]> exp = new TreeMap<>();
        for (int i = 0; i < 3000; i++) {
            long ts = T0 + i * 800_000_000L;
            if (i % 3 != 0 && ts < T0 + 1800 * S) {
                double[] v = exp.computeIfAbsent(ts / (300 * S) * (300 * S), k -> new double[2]);
                v[0] += 1 + i % 9;
                v[1] += (100 + (i % 50) * 0.01) * (1 + i % 9);
            }
        }
        List<String> lines = Files.readAllLines(bars);
        assertThat(lines.get(0)).isEqualTo("ts,symbol,open,high,low,close,volume,vwap,last_bid,last_ask");
        assertThat(lines).hasSize(7);
        int k = 1;
        for (Map.Entry<Long, double[]> e : exp.entrySet()) {
            String[] c = lines.get(k++).split(",", -1);
            assertThat(Long.parseLong(c[0])).isEqualTo(e.getKey());
            assertThat(c[1]).isEqualTo("SPY");
            assertThat(c[2]).isEmpty(); // no quotes: no mid
            assertThat(Double.parseDouble(c[6])).isEqualTo(e.getValue()[0]);
            assertThat(Double.parseDouble(c[7])).isCloseTo(e.getValue()[1] / e.getValue()[0],
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void aBadRowIsRejectedWithFileAndLineAndItsBatchIsNotWritten() throws Exception {
        Path data = dir.resolve("data");
        Path bad = tradesFile("bad.csv", true);
        Run r = run("ingest", "--data-dir", data.toString(), "--trades", bad.toString(), "--batch-rows", "2");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(bad.toString() + ":5:").contains("price").contains("2 rows of earlier batches were committed");
        Run sql = run("sql", "--data-dir", data.toString(), "SELECT count() FROM trades");
        // rows 1-2 committed as a batch; row 3 was pending when line 5 (row 4) failed: rolled back
        assertThat(sql.out().split("\n")).containsExactly("count()", "2");
    }

    @Test
    void booksQuotesAndEventsIngestAndReadBack() throws Exception {
        Path data = dir.resolve("data");
        Path books = dir.resolve("books.csv");
        Path quotes = dir.resolve("quotes.csv.gz");
        Path events = dir.resolve("events.csv");
        try (CanonicalCsvWriter w = CanonicalCsvWriter.books(books, 2)) {
            for (int i = 0; i < 100; i++) {
                double bid = 100 + (i % 5) * 0.01;
                w.book(T0 + i * S, "SPY", new double[] {bid, bid - 0.01}, new double[] {100 + i, 200},
                        new double[] {bid + 0.01, bid + 0.02}, new double[] {300, 400 + i});
            }
        }
        try (CanonicalCsvWriter w = CanonicalCsvWriter.quotes(quotes, true)) {
            for (int i = 0; i < 50; i++) {
                w.quote(T0 + i * 2 * S, "QQQ", 50.0, 50.02, 10 + i, 20);
            }
        }
        try (CanonicalCsvWriter w = CanonicalCsvWriter.orderEvents(events)) {
            for (int i = 0; i < 30; i++) {
                w.orderEvent(new org.eimas.micro.domain.market.OrderEvent(T0 + i, "SPY",
                        i % 2 == 0 ? org.eimas.micro.domain.market.OrderEventType.NEW
                                : org.eimas.micro.domain.market.OrderEventType.EXECUTION,
                        Side.BUY, 100.0, 10, i));
            }
        }
        for (int rep = 0; rep < 2; rep++) {
            assertThat(run("ingest", "--data-dir", data.toString(), "--book", books.toString(), "--json").code()).isZero();
            assertThat(run("ingest", "--data-dir", data.toString(), "--quotes", quotes.toString(), "--json").code()).isZero();
            assertThat(run("ingest", "--data-dir", data.toString(), "--events", events.toString(), "--json").code()).isZero();
        }
        // sums of the generated columns: 100+i and 400+i over i < 100, 10+i over i < 50
        assertThat(scalar(data, "SELECT count(), sum(bid_sz_1), sum(ask_sz_2) FROM books"))
                .isEqualTo("100," + (100 * 100 + 4950.0) + "," + (400 * 100 + 4950.0));
        assertThat(scalar(data, "SELECT count(), sum(bid_size) FROM quotes")).isEqualTo("50," + (10 * 50 + 1225.0));
        assertThat(scalar(data, "SELECT count() FROM order_events")).isEqualTo("30");
        assertThat(scalar(data, "SELECT count() FROM order_events WHERE event_type = 'EXECUTION'")).isEqualTo("15");
        Path bars = dir.resolve("bars.csv");
        assertThat(run("bars", "--data-dir", data.toString(), "--symbol", "SPY", "--interval", "1m",
                "--out", bars.toString()).code()).isZero();
        List<String> lines = Files.readAllLines(bars);
        assertThat(lines).hasSize(3); // 100 s of books: 2 one-minute bars of level-1 mids
        String[] first = lines.get(1).split(",", -1);
        // minute 0: mids 100.005 + (i % 5) * 0.01 for i < 60; open i=0, close i=59, last bid of i=59
        double bid0 = 100 + 0 * 0.01;
        double bid4 = 100 + 4 * 0.01;
        assertThat(Double.parseDouble(first[2])).isEqualTo((bid0 + (bid0 + 0.01)) / 2);
        assertThat(Double.parseDouble(first[3])).isEqualTo((bid4 + (bid4 + 0.01)) / 2);
        assertThat(Double.parseDouble(first[4])).isEqualTo((bid0 + (bid0 + 0.01)) / 2);
        assertThat(Double.parseDouble(first[5])).isEqualTo((bid4 + (bid4 + 0.01)) / 2);
        assertThat(Double.parseDouble(first[6])).isZero(); // no trades
        assertThat(first[7]).isEmpty();
        assertThat(Double.parseDouble(first[8])).isEqualTo(bid4);
        assertThat(Double.parseDouble(first[9])).isEqualTo(bid4 + 0.01);
    }

    static String scalar(Path data, String sql) {
        Run r = run("sql", "--data-dir", data.toString(), sql);
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(2);
        return lines[1];
    }

    @Test
    void theProgressBarEstimatesTheRowCountOfPlainAndGzipFiles() throws Exception {
        for (String name : new String[] {"est.csv", "est.csv.gz"}) {
            long est = IngestCommand.TickIngest.Progress.estimateRows(tradesFile(name, false));
            assertThat(est).as(name).isBetween(2850L, 3150L); // 3000 rows, lines of slightly varying length
        }
        Files.writeString(dir.resolve("empty.csv"), "ts,symbol,price,size\n");
        assertThat(IngestCommand.TickIngest.Progress.estimateRows(dir.resolve("empty.csv"))).isEqualTo(-1);
        StringWriter sw = new StringWriter();
        IngestCommand.TickIngest.Progress p = new IngestCommand.TickIngest.Progress(new PrintWriter(sw), 1000);
        Thread.sleep(600);
        p.update(500);
        assertThat(sw.toString()).startsWith("\r[===============               ]  50% 500 rows");
    }

    @Test
    void badArgumentsAreOneLineErrors() {
        Run r = run("bars", "--data-dir", dir.resolve("d").toString(), "--symbol", "SPY", "--interval", "7x",
                "--out", dir.resolve("o.csv").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("eimas bars: --interval '7x' is not an interval: use e.g. 1m, 5m, 15m, 30s, 1h, 250ms");
        Run q = run("sql", "--data-dir", dir.resolve("d").toString(), "SELECT nope FROM trades");
        assertThat(q.code()).isEqualTo(1);
        assertThat(q.err()).contains("query failed at position 7").contains("nope");
        Run m = run("ingest", "--data-dir", dir.resolve("d").toString(), "--trades", dir.resolve("missing.csv").toString());
        assertThat(m.code()).isEqualTo(1);
        assertThat(m.err()).contains("missing.csv does not exist");
    }

    @Test
    void listCommandsShowWhatTheRelationalStoreHolds() throws Exception {
        Path data = dir.resolve("rel");
        try (RelationalDatabase db = RelationalDatabase.openEmbedded(data, T0)) {
            new JooqModelStore(db).save(new StoredModel(0, "lasso", "SPY", "5m", T0, T0 - 3600 * S, T0,
                    Map.of("ofi", 0.5), Map.of("ofi", 0.0), Map.of("ofi", 1.0), Map.of("r2", 0.12)));
            new JooqAlertStore(db).save(new StoredAlert(0, T0 + S, "SPY", "path18", "HIGH", "stress",
                    Map.of("vpin", 0.9)));
            new JooqNetworkStore(db).save(new StoredNetwork(0, T0, "SPY_ret", 0.05, Map.of("lags", "3"),
                    List.of(new StoredNetwork.Edge("ofi_SPY", "SPY_ret", "micro->return", 0.4, 0.01, 1))));
            new JooqBacktestRunStore(db).save(new StoredBacktestRun(0, T0, "lasso-threshold", "SPY", T0 - S, T0,
                    Map.of("threshold", "0.1"), Map.of("sharpe", 1.5),
                    List.of(new StoredBacktestRun.Fill(T0, Side.BUY, 100.0, 10, 0.1, 0))));
        }
        Run models = run("models", "--data-dir", data.toString());
        assertThat(models.out().split("\n")).containsExactly(
                "id,kind,symbol,horizon,created,train_from,train_to,parameters,metrics",
                "1,lasso,SPY,5m,2026-03-03T00:00:00Z,2026-03-02T23:00:00Z,2026-03-03T00:00:00Z,1,\"r2=0.12\"");
        JsonNode mj = JSON.readTree(run("models", "--data-dir", data.toString(), "--json").out());
        assertThat(mj.get(0).get("parameters").get("ofi").asDouble()).isEqualTo(0.5);
        assertThat(mj.get(0).get("metrics").get("r2").asDouble()).isEqualTo(0.12);

        JsonNode aj = JSON.readTree(run("alerts", "--data-dir", data.toString(), "--json").out());
        assertThat(aj.get(0).get("source").asText()).isEqualTo("path18");
        assertThat(aj.get(0).get("inputs").get("vpin").asDouble()).isEqualTo(0.9);
        assertThat(JSON.readTree(run("alerts", "--data-dir", data.toString(), "--json", "--since",
                "2026-03-03T00:00:02Z").out()).size()).isZero();

        JsonNode nj = JSON.readTree(run("networks", "--data-dir", data.toString(), "--json").out());
        assertThat(nj.get(0).get("edges").get(0).get("p_value").asDouble()).isEqualTo(0.01);
        assertThat(run("networks", "--data-dir", data.toString()).out()).contains("1,2026-03-03T00:00:00Z,SPY_ret,0.05,1");

        JsonNode rj = JSON.readTree(run("runs", "--data-dir", data.toString(), "--json", "--trades").out());
        assertThat(rj.get(0).get("metrics").get("sharpe").asDouble()).isEqualTo(1.5);
        assertThat(rj.get(0).get("trades").get(0).get("side").asText()).isEqualTo("BUY");
        assertThat(rj.get(0).get("trade_count").asInt()).isEqualTo(1);
    }
}
