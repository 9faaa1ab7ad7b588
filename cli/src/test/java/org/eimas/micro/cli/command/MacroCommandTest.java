package org.eimas.micro.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MacroCommandTest {
    private static final String CONFIG_KEY = "cfgkey0123456789cfgkey0123456789";

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());

    /** A FRED stand-in on 127.0.0.1: VIXCLS and DGS10 in FRED's JSON, anything else FRED's 400. */
    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fred/series/observations", ex -> {
            Map<String, String> q = new LinkedHashMap<>();
            for (String kv : ex.getRequestURI().getRawQuery().split("&")) {
                String[] p = kv.split("=", 2);
                q.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8));
            }
            requests.add(q);
            String rt = q.getOrDefault("realtime_start", "2026-11-25");
            String obs;
            int status = 200;
            switch (q.get("series_id")) {
                case "VIXCLS" -> obs = o(rt, "2024-01-02", "13.20") + "," + o(rt, "2024-01-03", "14.04") + ","
                        + o(rt, "2024-07-03", "12.09");
                case "DGS10" -> obs = o(rt, "2024-01-02", "3.95") + "," + o(rt, "2024-01-03", ".");
                default -> {
                    status = 400;
                    obs = null;
                }
            }
            String body = obs == null
                    ? "{\"error_code\":400,\"error_message\":\"Bad Request.  The series does not exist.\"}"
                    : "{\"realtime_start\":\"" + rt + "\",\"realtime_end\":\"" + rt + "\",\"observation_start\":\""
                    + q.get("observation_start") + "\",\"observation_end\":\"" + q.get("observation_end")
                    + "\",\"units\":\"lin\",\"output_type\":1,\"file_type\":\"json\",\"order_by\":\"observation_date\","
                    + "\"sort_order\":\"asc\",\"count\":" + (obs.split("\\{").length - 1) + ",\"offset\":0,\"limit\":100000,"
                    + "\"observations\":[" + obs + "]}";
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
    }

    private static String o(String rt, String date, String value) {
        return "{\"realtime_start\":\"" + rt + "\",\"realtime_end\":\"" + rt + "\",\"date\":\"" + date
                + "\",\"value\":\"" + value + "\"}";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private Path config() throws Exception {
        return CliRun.write(dir, "eimas.yaml", "fred:", "  apiKey: " + CONFIG_KEY);
    }

    /** ts = New York midnight, written out by hand: EST is UTC-5, EDT UTC-4. */
    private static String ns(String utc) {
        return Long.toString(Instant.parse(utc).getEpochSecond() * 1_000_000_000L);
    }

    @Test
    void fetchWritesTheTableAndASecondRunNeedsNoNetwork() throws Exception {
        Path out = dir.resolve("macro.csv");
        String[] args = {"macro", "fetch", "--series", "VIXCLS,DGS10", "--from", "2024-01-02", "--to", "2024-12-31",
                "--url", url(), "--out", out.toString(), "--config", config().toString(), "--data-dir",
                dir.resolve("data").toString()};
        CliRun r = CliRun.run(args);
        assertThat(r.code).as(r.err).isZero();
        List<String> expected = List.of("ts,VIXCLS,DGS10",
                ns("2024-01-02T05:00:00Z") + ",13.2,3.95",
                ns("2024-01-03T05:00:00Z") + ",14.04,",
                ns("2024-07-03T04:00:00Z") + ",12.09,");
        assertThat(CliRun.lines(out)).containsExactlyElementsOf(expected);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).containsEntry("api_key", System.getenv().getOrDefault("FRED_API_KEY", CONFIG_KEY))
                .containsEntry("observation_start", "2024-01-02").containsEntry("observation_end", "2024-12-31")
                .containsEntry("file_type", "json");
        assertThat(r.out).contains("2 HTTP requests, 0 series from cache").doesNotContain(CONFIG_KEY);
        assertThat(Files.exists(dir.resolve("data/macro-cache/VIXCLS@latest.csv"))).isTrue();

        server.stop(0); // no network now
        Files.delete(out);
        CliRun again = CliRun.run(args);
        assertThat(again.code).as(again.err).isZero();
        assertThat(CliRun.lines(out)).containsExactlyElementsOf(expected);
        assertThat(again.out).contains("0 HTTP requests, 2 series from cache");
    }

    @Test
    void asOfAsksForTheVintageAndJsonSummary() throws Exception {
        Path out = dir.resolve("m.csv");
        CliRun r = CliRun.run("macro", "fetch", "--series", "DGS10", "--from", "2024-01-01", "--to", "2024-01-31",
                "--as-of", "2024-02-15", "--url", url(), "--out", out.toString(), "--config", config().toString(),
                "--no-cache", "--json");
        assertThat(r.code).as(r.err).isZero();
        assertThat(requests.get(0)).containsEntry("realtime_start", "2024-02-15").containsEntry("realtime_end", "2024-02-15");
        JsonNode j = new ObjectMapper().readTree(r.out);
        assertThat(j.get("rows").asInt()).isEqualTo(2);
        assertThat(j.get("as_of").asText()).isEqualTo("2024-02-15");
        assertThat(j.get("series").get(0).get("missing").asInt()).isEqualTo(1);
        assertThat(j.get("series").get(0).get("last_value").asDouble()).isEqualTo(3.95);
        assertThat(j.get("cache_dir").isNull()).isTrue();
    }

    @Test
    void unknownSeriesIsOneClearLineNamingItAndNeverTheKey() throws Exception {
        CliRun r = CliRun.run("macro", "fetch", "--series", "VIXCLS,NOSUCH", "--from", "2024-01-02", "--to", "2024-01-03",
                "--url", url(), "--out", dir.resolve("x.csv").toString(), "--config", config().toString(), "--no-cache");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err.strip()).isEqualTo("eimas fetch: FRED rejected the request for series NOSUCH (HTTP 400): "
                + "Bad Request. The series does not exist.");
        assertThat(r.err + r.out).doesNotContain(CONFIG_KEY);
        CliRun bad = CliRun.run("macro", "fetch", "--series", "DGS10", "--from", "2024-02-01", "--to", "2024-01-01",
                "--out", dir.resolve("y.csv").toString());
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.err).contains("--from 2024-02-01 is after --to 2024-01-01");
    }

    @Test
    void importReadsBothHeaderStyles() throws Exception {
        Path a = CliRun.write(dir, "VIXCLS.csv", "observation_date,VIXCLS", "2024-01-02,13.20", "2024-01-03,.",
                "2024-01-04,14.10");
        Path b = CliRun.write(dir, "DGS10.csv", "DATE,DGS10", "2024-01-02,3.95", "2024-01-05,4.05");
        Path out = dir.resolve("macro.csv");
        CliRun r = CliRun.run("macro", "import", "--csv", a + "," + b, "--out", out.toString(), "--to", "2024-01-04");
        assertThat(r.code).as(r.err).isZero();
        assertThat(CliRun.lines(out)).containsExactly("ts,VIXCLS,DGS10",
                ns("2024-01-02T05:00:00Z") + ",13.2,3.95",
                ns("2024-01-03T05:00:00Z") + ",,",
                ns("2024-01-04T05:00:00Z") + ",14.1,");
        assertThat(r.out).contains("wrote " + out + ": 3 rows, columns ts,VIXCLS,DGS10");
        CliRun dup = CliRun.run("macro", "import", "--csv", a + "," + a, "--out", out.toString());
        assertThat(dup.code).isEqualTo(1);
        assertThat(dup.err).contains("series VIXCLS is in both");
        Path broken = CliRun.write(dir, "broken.csv", "observation_date,VIXCLS", "2024-01-02,abc");
        CliRun br = CliRun.run("macro", "import", "--csv", broken.toString(), "--out", out.toString());
        assertThat(br.code).isEqualTo(1);
        assertThat(br.err).contains(broken + ":2:2: value of VIXCLS is neither a number nor '.'");
    }
    @Test
    void alignUsesAnObservationOnlyFromTheNextSessionOpen() throws Exception {
        Path vix = CliRun.write(dir, "VIXCLS.csv", "observation_date,VIXCLS", "2024-01-02,13.20", "2024-01-03,.",
                "2024-01-04,14.10");
        Path macro = dir.resolve("macro.csv");
        assertThat(CliRun.run("macro", "import", "--csv", vix.toString(), "--out", macro.toString()).code).isZero();
        Path bars = CliRun.write(dir, "bars.csv", "ts,ret",
                ns("2024-01-02T15:00:00Z") + ",0.1",   // Tue 10:00 EST: the 2nd's close is not known yet
                ns("2024-01-03T14:29:00Z") + ",0.2",   // Wed 09:29: before the open
                ns("2024-01-03T14:30:00Z") + ",0.3",   // Wed open: the 2nd's value
                ns("2024-01-04T15:00:00Z") + ",0.4",   // Thu: the 3rd is missing, keep the 2nd's
                ns("2024-01-05T15:00:00Z") + ",0.5");  // Fri: the 4th's
        Path out = dir.resolve("aligned.csv");
        CliRun r = CliRun.run("macro", "align", "--macro", macro.toString(), "--onto", bars.toString(), "--out", out.toString());
        assertThat(r.code).as(r.err).isZero();
        // numeric tables keep their column names as written
        assertThat(CliRun.lines(out)).containsExactly("ts,ret,VIXCLS",
                ns("2024-01-02T15:00:00Z") + ",0.1,",
                ns("2024-01-03T14:29:00Z") + ",0.2,",
                ns("2024-01-03T14:30:00Z") + ",0.3,13.2",
                ns("2024-01-04T15:00:00Z") + ",0.4,13.2",
                ns("2024-01-05T15:00:00Z") + ",0.5,14.1");
        assertThat(r.out).contains("VIXCLS     first filled at ts " + ns("2024-01-03T14:30:00Z"));
        // two days of lag: the 2nd from Thursday's open, the 4th only from Monday the 8th
        CliRun lag = CliRun.run("macro", "align", "--macro", macro.toString(), "--onto", bars.toString(), "--out",
                out.toString(), "--lag-days", "2");
        assertThat(lag.code).as(lag.err).isZero();
        assertThat(CliRun.lines(out)).extracting(l -> l.substring(l.lastIndexOf(',') + 1))
                .containsExactly("VIXCLS", "", "", "", "13.2", "13.2");
        CliRun clash = CliRun.run("macro", "align", "--macro", macro.toString(), "--onto", macro.toString(), "--out",
                out.toString());
        assertThat(clash.code).isEqualTo(1);
        assertThat(clash.err).contains("column VIXCLS is in both");
        Path other = CliRun.write(dir, "other.csv", "ts,x", ns("2024-01-05T15:00:00Z") + ",1");
        CliRun notMidnight = CliRun.run("macro", "align", "--macro", bars.toString(), "--onto", other.toString(), "--out",
                out.toString());
        assertThat(notMidnight.code).isEqualTo(1);
        assertThat(notMidnight.err).contains(bars + ": daily macro table row 1: ts " + ns("2024-01-02T15:00:00Z")
                + " is not a New York midnight");
        CliRun noTs = CliRun.run("macro", "align", "--macro", macro.toString(), "--onto", vix.toString(), "--out",
                out.toString());
        assertThat(noTs.err).contains(vix + ":2:1:"); // a FRED download is not a numeric table: import it first
    }
}
