package org.eimas.micro.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.cli.CliRunner;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamHistoryCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "cli-test-key-5521";

    @TempDir
    Path tmp;

    Path config() throws Exception {
        Path c = tmp.resolve("eimas.yaml");
        Files.writeString(c, "polygon:\n  apiKey: " + KEY + "\n");
        return c;
    }

    @Test
    void streamFromTheSyntheticMarket() {
        CliRunner.Result r = CliRunner.run("stream", "--source", "sim", "--symbols", "SPY,QQQ", "--duration", "1s",
                "--speed", "0", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = readJson(r.out());
        assertThat(j.path("source").asText()).isEqualTo("sim");
        assertThat(j.path("quotes").asLong()).isPositive();
        assertThat(j.path("trades").asLong()).isPositive();
    }

    @Test
    void streamFromAPolygonServerCountsWhatItSent() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        WebSocketServer ws = new WebSocketServer(new InetSocketAddress("127.0.0.1", 0)) {
            @Override
            public void onOpen(WebSocket conn, ClientHandshake h) {
                conn.send("[{\"ev\":\"status\",\"status\":\"connected\",\"message\":\"Connected Successfully\"}]");
            }

            @Override
            public void onMessage(WebSocket conn, String m) {
                if (m.contains("\"auth\"")) {
                    conn.send(m.contains(KEY) ? "[{\"ev\":\"status\",\"status\":\"auth_success\",\"message\":\"authenticated\"}]"
                            : "[{\"ev\":\"status\",\"status\":\"auth_failed\",\"message\":\"authentication failed\"}]");
                } else if (m.contains("\"subscribe\"")) {
                    conn.send("[{\"ev\":\"status\",\"status\":\"success\",\"message\":\"subscribed to: Q.SPY,T.SPY\"}]");
                    conn.send("[{\"ev\":\"Q\",\"sym\":\"SPY\",\"bp\":450.1,\"bs\":2,\"ap\":450.11,\"as\":3,\"t\":1700000000000},"
                            + "{\"ev\":\"T\",\"sym\":\"SPY\",\"p\":450.11,\"s\":100,\"t\":1700000000001},"
                            + "{\"ev\":\"T\",\"sym\":\"SPY\",\"p\":450.1,\"s\":200,\"t\":1700000000002}]");
                }
            }

            @Override
            public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            }

            @Override
            public void onError(WebSocket conn, Exception ex) {
            }

            @Override
            public void onStart() {
                started.countDown();
            }
        };
        ws.start();
        try {
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            CliRunner.Result r = CliRunner.run("stream", "--source", "polygon", "--symbols", "SPY", "--duration", "2s",
                    "--url", "ws://127.0.0.1:" + ws.getPort(), "--config", config().toString(), "--json");
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode j = readJson(r.out());
            assertThat(j.path("quotes").asLong()).isEqualTo(1);
            assertThat(j.path("trades").asLong()).isEqualTo(2);
            assertThat(r.out() + r.err()).doesNotContain(KEY);

            Path bad = tmp.resolve("bad.yaml");
            Files.writeString(bad, "polygon:\n  apiKey: not-the-key\n");
            CliRunner.Result f = CliRunner.run("stream", "--source", "polygon", "--symbols", "SPY", "--duration", "10s",
                    "--url", "ws://127.0.0.1:" + ws.getPort(), "--config", bad.toString());
            assertThat(f.exitCode()).isEqualTo(1);
            assertThat(f.err()).contains("polygon stream failed: Polygon authentication failed").doesNotContain("not-the-key");
        } finally {
            ws.stop(1000);
        }
    }

    @Test
    void historyFromAPolygonServerToCsv() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", ex -> {
            String q = ex.getRequestURI().getRawQuery();
            String body = ex.getRequestURI().getPath().startsWith("/v3/trades/SPY")
                    ? (q.contains("cursor") ? "{\"results\":[{\"sip_timestamp\":1717421400000000002,\"price\":450.02,\"size\":3}]}"
                    : "{\"results\":[{\"sip_timestamp\":1717421400000000001,\"price\":450.01,\"size\":100}],"
                    + "\"next_url\":\"https://api.polygon.io/v3/trades/SPY?cursor=2\"}")
                    : "{\"results\":[{\"sip_timestamp\":1717421400000000000,\"bid_price\":450.0,\"bid_size\":2,\"ask_price\":450.02,\"ask_size\":1}]}";
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        http.start();
        try {
            Path out = tmp.resolve("out");
            CliRunner.Result r = CliRunner.run("history", "--source", "polygon", "--symbol", "SPY", "--from", "2024-06-03",
                    "--to", "2024-06-04", "--out", out.toString(), "--url", "http://127.0.0.1:" + http.getAddress().getPort(),
                    "--config", config().toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("polygon SPY: 2 trades, 1 quotes");
            assertThat(Files.readAllLines(out.resolve("trades.csv"))).containsExactly("ts,symbol,price,size",
                    "1717421400000000001,SPY,450.01,100", "1717421400000000002,SPY,450.02,3");
            assertThat(Files.readAllLines(out.resolve("quotes.csv"))).containsExactly("ts,symbol,bid,ask,bid_sz,ask_sz",
                    "1717421400000000000,SPY,450,450.02,200,100");
            // the same download into the embedded tick store, read back through the TickStore port
            Path data = tmp.resolve("data");
            CliRunner.Result d = CliRunner.run("history", "--source", "polygon", "--symbol", "SPY", "--from", "2024-06-03",
                    "--to", "2024-06-04", "--data-dir", data.toString(), "--url", "http://127.0.0.1:" + http.getAddress().getPort(),
                    "--config", config().toString(), "--json");
            assertThat(d.exitCode()).as(d.err()).isZero();
            assertThat(readJson(d.out()).path("trades").asLong()).isEqualTo(2);
            try (org.eimas.micro.storage.QuestDbTickStore store = org.eimas.micro.storage.QuestDbTickStore.open(data)) {
                java.util.List<org.eimas.micro.domain.market.Trade> back = new java.util.ArrayList<>();
                store.readTrades("SPY", 0, Long.MAX_VALUE, back::add);
                assertThat(back).extracting(org.eimas.micro.domain.market.Trade::price).containsExactly(450.01, 450.02);
                java.util.List<org.eimas.micro.domain.market.Quote> quotes = new java.util.ArrayList<>();
                store.readQuotes("SPY", 0, Long.MAX_VALUE, quotes::add);
                assertThat(quotes).hasSize(1);
                assertThat(quotes.get(0).bidSize()).isEqualTo(200);
            }
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aMissingConfigFileIsAClearError() {
        CliRunner.Result r = CliRunner.run("history", "--source", "alpaca", "--symbol", "SPY", "--from", "2024-06-03",
                "--to", "2024-06-04", "--out", tmp.toString(), "--config", tmp.resolve("none.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("none.yaml does not exist");
    }

    static JsonNode readJson(String out) {
        try {
            String[] lines = out.trim().split("\n");
            return JSON.readTree(lines[lines.length - 1]);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + out, e);
        }
    }
}
