package org.eimas.micro.polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.market.Trade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** REST v3 history against a local HTTP server. */
class PolygonHistoricalMarketDataTest {
    static final String KEY = "rest-key-91c2";
    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> authHeaders = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    interface Handler {
        void handle(HttpExchange ex, String pathAndQuery) throws IOException;
    }

    int start(Handler h) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String pq = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
            requests.add(pq);
            authHeaders.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            h.handle(ex, pq);
        });
        server.start();
        return server.getAddress().getPort();
    }

    static void reply(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    static String trade(long ts, double px, int size) {
        return "{\"conditions\":[12,37],\"exchange\":11,\"id\":\"" + ts + "\",\"participant_timestamp\":" + (ts - 300)
                + ",\"price\":" + px + ",\"sequence_number\":1,\"sip_timestamp\":" + ts + ",\"size\":" + size + ",\"tape\":3}";
    }

    PolygonHistoricalMarketData client(int port) {
        return new PolygonHistoricalMarketData(PolygonConfig.of(KEY).withRestUrl(URI.create("http://127.0.0.1:" + port))
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)), 2);
    }

    @Test
    void threePagesWithA429InTheMiddle() throws Exception {
        AtomicInteger page2Calls = new AtomicInteger();
        int port = start((ex, pq) -> {
            if (pq.startsWith("/v3/trades/SPY?timestamp.gte=")) {
                // next_url points at the vendor's host, as Polygon does; the client re-bases it
                reply(ex, 200, "{\"results\":[" + trade(1000, 450.01, 100) + "," + trade(1001, 450.02, 5)
                        + "],\"status\":\"OK\",\"request_id\":\"a\",\"next_url\":\"https://api.polygon.io/v3/trades/SPY?cursor=P2&apiKey=leaked\"}");
            } else if (pq.equals("/v3/trades/SPY?cursor=P2")) {
                if (page2Calls.getAndIncrement() == 0) {
                    reply(ex, 429, "{\"status\":\"ERROR\",\"error\":\"You've exceeded the maximum requests per minute\"}");
                } else {
                    reply(ex, 200, "{\"results\":[" + trade(1002, 450.03, 7) + "," + trade(1003, 450.0, 1)
                            + "],\"status\":\"OK\",\"next_url\":\"https://api.polygon.io/v3/trades/SPY?cursor=P3\"}");
                }
            } else if (pq.equals("/v3/trades/SPY?cursor=P3")) {
                reply(ex, 200, "{\"results\":[" + trade(1004, 449.99, 300) + "],\"status\":\"OK\"}");
            } else {
                reply(ex, 404, "{\"status\":\"NOT_FOUND\"}");
            }
        });
        PolygonHistoricalMarketData h = client(port);
        List<Trade> got = new ArrayList<>();
        long n = h.trades("SPY", 1000, 2000, got::add);
        assertThat(n).isEqualTo(5);
        assertThat(got).containsExactly(new Trade(1000, "SPY", 450.01, 100, Side.UNKNOWN), new Trade(1001, "SPY", 450.02, 5),
                new Trade(1002, "SPY", 450.03, 7), new Trade(1003, "SPY", 450.0, 1), new Trade(1004, "SPY", 449.99, 300));
        assertThat(requests).containsExactly("/v3/trades/SPY?timestamp.gte=1000&timestamp.lt=2000&limit=2&order=asc&sort=timestamp",
                "/v3/trades/SPY?cursor=P2", "/v3/trades/SPY?cursor=P2", "/v3/trades/SPY?cursor=P3");
        assertThat(authHeaders).containsOnly("Bearer " + KEY);
        assertThat(h.requests()).isEqualTo(4);
    }

    @Test
    void realQuotePagesFromPolygonsClientTests() throws Exception {
        String dir = System.getProperty("eimas.shared.dir");
        org.junit.jupiter.api.Assumptions.assumeTrue(dir != null && Files.exists(Path.of(dir, "data", "polygon", "rest_v3_quotes_AAPL.json")));
        String p1 = Files.readString(Path.of(dir, "data", "polygon", "rest_v3_quotes_AAPL.json"));
        String p2 = Files.readString(Path.of(dir, "data", "polygon", "rest_v3_quotes_AAPL_page2.json"));
        int port = start((ex, pq) -> reply(ex, 200, pq.contains("cursor=") ? p2 : p1));
        List<Quote> got = new ArrayList<>();
        long n = client(port).quotes("AAPL", 1, 2_000_000_000_000_000_000L, got::add);
        assertThat(n).isEqualTo(got.size()).isGreaterThan(10);
        // first row of page 1: bid 155.85 x 4 lots, ask 155.87 x 3 lots, sip_timestamp 1652191872800638700
        assertThat(got.get(0)).isEqualTo(new Quote(1_652_191_872_800_638_700L, "AAPL", 155.85, 400, 155.87, 300));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1)).startsWith("/v3/quotes/AAPL?cursor=");
    }

    @Test
    void unauthorizedIsFatalWithAClearMessage() throws Exception {
        int port = start((ex, pq) -> reply(ex, 401, "{\"status\":\"ERROR\",\"request_id\":\"x\",\"error\":\"Unknown API Key\"}"));
        assertThatThrownBy(() -> client(port).trades("SPY", 1, 2, t -> { }))
                .hasMessageContaining("Polygon rejected the API key (HTTP 401)")
                .hasMessageContaining("POLYGON_API_KEY")
                .hasMessageContaining("Unknown API Key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        assertThat(requests).hasSize(1);
    }

    @Test
    void persistentServerErrorsGiveUpAfterTheRetries() throws Exception {
        int port = start((ex, pq) -> reply(ex, 503, "{\"status\":\"ERROR\"}"));
        assertThatThrownBy(() -> client(port).trades("SPY", 1, 2, t -> { }))
                .hasMessageContaining("HTTP 503 after 5 attempts");
        assertThat(requests).hasSize(5);
    }

    @Test
    void aNextUrlPointingBackIsAnErrorNotAnEndlessLoop() throws Exception {
        int port = start((ex, pq) -> reply(ex, 200, "{\"results\":[],\"next_url\":\"https://api.polygon.io/v3/trades/SPY?cursor=same\"}"));
        assertThatThrownBy(() -> client(port).trades("SPY", 1, 2, t -> { })).hasMessageContaining("pagination loop");
    }

    @Test
    void malformedRowsAreClearErrors() throws Exception {
        int port = start((ex, pq) -> reply(ex, 200, "{\"results\":[{\"price\":1.0,\"size\":2}]}"));
        assertThatThrownBy(() -> client(port).trades("SPY", 1, 2, t -> { }))
                .hasMessageContaining("lacks sip_timestamp");
    }
}
