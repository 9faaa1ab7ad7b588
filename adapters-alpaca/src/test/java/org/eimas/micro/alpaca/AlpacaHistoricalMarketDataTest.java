package org.eimas.micro.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.zip.GZIPInputStream;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** REST history against a local HTTP server. */
class AlpacaHistoricalMarketDataTest {
    static final String KEY = "AKREST00001";
    static final String SECRET = "rest-secret-0042";
    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> headers = new CopyOnWriteArrayList<>();

    interface Handler {
        void handle(HttpExchange ex, String pathAndQuery) throws IOException;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    int start(Handler h) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String pq = ex.getRequestURI().getRawPath() + "?" + ex.getRequestURI().getRawQuery();
            requests.add(pq);
            headers.add(ex.getRequestHeaders().getFirst("APCA-API-KEY-ID") + "/" + ex.getRequestHeaders().getFirst("APCA-API-SECRET-KEY"));
            h.handle(ex, pq);
        });
        server.start();
        return server.getAddress().getPort();
    }

    static void reply(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    AlpacaHistoricalMarketData client(int port, int limit) {
        return new AlpacaHistoricalMarketData(AlpacaConfig.of(KEY, SECRET).withFeed("sip")
                .withRestUrl(URI.create("http://127.0.0.1:" + port)).withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)), limit);
    }

    static final long T0 = 1_717_421_400_000_000_000L; // 2024-06-03T13:30:00Z

    @Test
    void threePagesWithA429() throws Exception {
        AtomicInteger p2 = new AtomicInteger();
        int port = start((ex, pq) -> {
            if (!pq.contains("page_token")) {
                reply(ex, 200, "{\"trades\":[{\"t\":\"2024-06-03T13:30:00.000000001Z\",\"x\":\"V\",\"p\":450.01,\"s\":100,\"c\":[\"@\"],\"i\":1,\"z\":\"B\"}],"
                        + "\"symbol\":\"SPY\",\"next_page_token\":\"tok/2=\"}");
            } else if (pq.contains("page_token=tok%2F2%3D")) {
                if (p2.getAndIncrement() == 0) {
                    reply(ex, 429, "{\"message\":\"too many requests.\"}");
                } else {
                    reply(ex, 200, "{\"trades\":[{\"t\":\"2024-06-03T13:30:01Z\",\"p\":450.02,\"s\":5}],\"symbol\":\"SPY\",\"next_page_token\":\"tok3\"}");
                }
            } else {
                // the last page also holds a row at the end bound, which [from, to) excludes
                reply(ex, 200, "{\"trades\":[{\"t\":\"2024-06-03T13:30:02Z\",\"p\":450.03,\"s\":7},{\"t\":\"2024-06-03T13:31:00Z\",\"p\":1,\"s\":1}],"
                        + "\"symbol\":\"SPY\",\"next_page_token\":null}");
            }
        });
        List<Trade> got = new ArrayList<>();
        long n = client(port, 1).trades("SPY", T0, T0 + 60_000_000_000L, got::add);
        assertThat(n).isEqualTo(3);
        assertThat(got).containsExactly(new Trade(T0 + 1, "SPY", 450.01, 100), new Trade(T0 + 1_000_000_000L, "SPY", 450.02, 5),
                new Trade(T0 + 2_000_000_000L, "SPY", 450.03, 7));
        assertThat(requests).hasSize(4);
        assertThat(requests.get(0)).isEqualTo("/v2/stocks/SPY/trades?start=2024-06-03T13%3A30%3A00Z"
                + "&end=2024-06-03T13%3A30%3A59.999999999Z&limit=1&feed=sip");
        assertThat(requests.get(1)).isEqualTo(requests.get(0) + "&page_token=tok%2F2%3D");
        assertThat(requests.get(2)).isEqualTo(requests.get(1));
        assertThat(requests.get(3)).endsWith("&page_token=tok3");
        assertThat(headers).containsOnly(KEY + "/" + SECRET);
    }

    @Test
    void realResponsesFromAlpacasClientTests() throws Exception {
        String dir = System.getProperty("eimas.shared.dir");
        Path trades = dir == null ? null : Path.of(dir, "data", "alpaca", "go_testdata_trades_AAPL_2021-10-13.json.gz");
        Assumptions.assumeTrue(trades != null && Files.exists(trades));
        String body;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(trades))) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String last = "{\"trades\":{},\"next_page_token\":null}";
        String quotes = "{\"quotes\": {\"AAPL\": [{\"t\": \"2022-03-09T09:00:00.000059Z\", \"ax\": \"K\", \"ap\": 158.65, \"as\": 1,"
                + " \"bx\": \"Q\", \"bp\": 159.52, \"bs\": 4, \"c\": [\"R\"], \"z\": \"C\"}]}, \"next_page_token\": null}";
        int port = start((ex, pq) -> reply(ex, 200, pq.contains("/quotes") ? quotes : pq.contains("page_token") ? last : body));
        List<Trade> got = new ArrayList<>();
        long from = 1_634_112_000_000_000_000L; // 2021-10-13T08:00:00Z
        client(port, 5).trades("AAPL", from, from + 3_600_000_000_000L, got::add);
        // the Go client's 5 real AAPL trades (multi-symbol body), then an empty last page
        assertThat(got).hasSize(5);
        assertThat(got.get(0)).isEqualTo(new Trade(from + 89_607_680L, "AAPL", 140.2, 595));
        assertThat(got.get(4)).isEqualTo(new Trade(from + 1_447_670_272L, "AAPL", 140, 29));
        List<Quote> q = new ArrayList<>();
        long qFrom = 1_646_816_400_000_000_000L; // 2022-03-09T09:00:00Z
        client(port, 5).quotes("AAPL", qFrom, qFrom + 1_000_000_000L, q::add);
        // a crossed pre-market quote, as recorded: kept and flagged by Quote.isCrossed
        assertThat(q).containsExactly(new Quote(qFrom + 59_000L, "AAPL", 159.52, 4, 158.65, 1));
        assertThat(q.get(0).isCrossed()).isTrue();
    }

    @Test
    void forbiddenIsFatalAndClear() throws Exception {
        int port = start((ex, pq) -> reply(ex, 403, "{\"message\":\"forbidden.\"}"));
        assertThatThrownBy(() -> client(port, 10).quotes("SPY", 1, 2, x -> { }))
                .hasMessageContaining("Alpaca rejected the credentials (HTTP 403)")
                .hasMessageContaining("APCA_API_KEY_ID")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(KEY));
        assertThat(requests).hasSize(1);
    }
}
