package org.eimas.micro.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MarketDataListener;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The v2 stream against a local server that speaks Alpaca's documented protocol. */
class AlpacaMarketDataFeedTest {
    static final String KEY = "AKTESTKEY0001";
    static final String SECRET = "s3cr3t-value-xyz";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Written for this test: quote, trades at bid / ask, a bar (not handled), broken JSON. */
    static final List<String> BURST = List.of(
            "[{\"T\":\"q\",\"S\":\"SPY\",\"bx\":\"V\",\"bp\":450.10,\"bs\":3,\"ax\":\"V\",\"ap\":450.12,\"as\":5,\"c\":[\"R\"],\"z\":\"B\",\"t\":\"2024-06-03T13:30:00.000000100Z\"}]",
            "[{\"T\":\"t\",\"S\":\"SPY\",\"i\":1,\"x\":\"V\",\"p\":450.10,\"s\":20,\"c\":[\"@\"],\"z\":\"B\",\"t\":\"2024-06-03T13:30:00.5Z\"},"
                    + "{\"T\":\"t\",\"S\":\"SPY\",\"i\":2,\"x\":\"V\",\"p\":450.12,\"s\":7,\"c\":[\"@\"],\"z\":\"B\",\"t\":\"2024-06-03T13:30:00.500000001Z\"}]",
            "[{\"T\":\"b\",\"S\":\"SPY\",\"o\":450.1,\"h\":450.2,\"l\":450.0,\"c\":450.1,\"v\":1000,\"t\":\"2024-06-03T13:30:00Z\"}]",
            "[{\"T\":\"t\",\"S\":\"SPY\",\"p\":");

    final class Server extends WebSocketServer {
        final List<String> received = new CopyOnWriteArrayList<>();
        final AtomicInteger connections = new AtomicInteger();
        final CountDownLatch started = new CountDownLatch(1);
        final List<String> real;

        Server(List<String> real) {
            super(new InetSocketAddress("127.0.0.1", 0));
            this.real = real;
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connections.incrementAndGet();
            conn.send("[{\"T\":\"success\",\"msg\":\"connected\"}]");
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
            JsonNode m;
            try {
                m = JSON.readTree(message);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            String action = m.path("action").asText();
            if (action.equals("auth")) {
                conn.send(m.path("key").asText().equals(KEY) && m.path("secret").asText().equals(SECRET)
                        ? "[{\"T\":\"success\",\"msg\":\"authenticated\"}]"
                        : "[{\"T\":\"error\",\"code\":402,\"msg\":\"auth failed\"}]");
            } else if (action.equals("subscribe")) {
                conn.send("[{\"T\":\"subscription\",\"trades\":" + m.path("trades") + ",\"quotes\":" + m.path("quotes")
                        + ",\"bars\":[]}]");
                if (connections.get() == 1) {
                    real.forEach(conn::send);
                    BURST.forEach(conn::send);
                    conn.send("[{\"T\":\"error\",\"code\":406,\"msg\":\"connection limit exceeded\"}]");
                    conn.close();
                } else {
                    conn.send("[{\"T\":\"t\",\"S\":\"SPY\",\"p\":450.2,\"s\":1,\"t\":\"2024-06-03T13:31:00Z\"}]");
                }
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
    }

    static final class Recorder implements MarketDataListener {
        final List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
        final List<String> texts = new CopyOnWriteArrayList<>();
        final List<String> warnings = new CopyOnWriteArrayList<>();
        final List<Quote> quotes = new CopyOnWriteArrayList<>();
        final List<Trade> trades = new CopyOnWriteArrayList<>();
        final CountDownLatch lastTrade = new CountDownLatch(1);
        final CountDownLatch failed = new CountDownLatch(1);

        @Override
        public void onStatus(ConnectionStatus status, String detail) {
            statuses.add(status);
            texts.add(status + " " + detail);
            if (status == ConnectionStatus.FAILED) {
                failed.countDown();
            }
        }

        @Override
        public void onWarning(String message) {
            warnings.add(message);
            texts.add(message);
        }

        @Override
        public void onQuote(Quote q) {
            quotes.add(q);
        }

        @Override
        public void onTrade(Trade t) {
            trades.add(t);
            if (t.price() == 450.2) {
                lastTrade.countDown();
            }
        }
    }

    Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop(1000);
        }
    }

    void start(List<String> real) throws Exception {
        server = new Server(real);
        server.start();
        assertThat(server.started.await(10, TimeUnit.SECONDS)).isTrue();
    }

    AlpacaConfig config(String key, String secret) {
        return AlpacaConfig.of(key, secret).withWsUrl(URI.create("ws://127.0.0.1:" + server.getPort()))
                .withBackoff(Duration.ofMillis(40), Duration.ofMillis(200));
    }

    /** Trade and quote messages from Alpaca's documentation, when ../shared/data is present. */
    static List<String> realFrames() throws Exception {
        String dir = System.getProperty("eimas.shared.dir");
        List<String> out = new ArrayList<>();
        Path f = dir == null ? null : Path.of(dir, "data", "alpaca", "ws_v2_stream_frames.jsonl");
        if (f == null || !Files.exists(f)) {
            return out;
        }
        for (String line : Files.readAllLines(f)) {
            JsonNode n = JSON.readTree(line);
            String frame = n.path("frame").asText();
            if (n.path("direction").asText().equals("server") && frame.contains("\"t\":\"20")
                    && (frame.contains("\"T\":\"t\"") || frame.contains("\"T\":\"q\""))) {
                out.add(frame);
            }
        }
        return out;
    }

    @Test
    void wholeSessionWithARetryableErrorReconnectAndResubscription() throws Exception {
        List<String> real = realFrames();
        start(real);
        Recorder r = new Recorder();
        try (AlpacaMarketDataFeed.AlpacaSubscription sub = new AlpacaMarketDataFeed(config(KEY, SECRET)).subscribe(List.of("SPY", "AAPL"), r)) {
            assertThat(r.lastTrade.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(sub.reconnects()).isGreaterThanOrEqualTo(1);
            assertThat(sub.malformedMessages()).isEqualTo(1);
            assertThat(sub.unknownMessages()).isEqualTo(1);
        }
        assertThat(JSON.readTree(server.received.get(0))).isEqualTo(
                JSON.readTree("{\"action\":\"auth\",\"key\":\"" + KEY + "\",\"secret\":\"" + SECRET + "\"}"));
        assertThat(JSON.readTree(server.received.get(1))).isEqualTo(
                JSON.readTree("{\"action\":\"subscribe\",\"trades\":[\"SPY\",\"AAPL\"],\"quotes\":[\"SPY\",\"AAPL\"]}"));
        assertThat(server.received.subList(2, 4)).isEqualTo(server.received.subList(0, 2)); // same handshake again
        assertThat(r.statuses).containsSubsequence(ConnectionStatus.CONNECTED, ConnectionStatus.AUTHENTICATED,
                ConnectionStatus.SUBSCRIBED, ConnectionStatus.DISCONNECTED, ConnectionStatus.RECONNECTING,
                ConnectionStatus.CONNECTED, ConnectionStatus.AUTHENTICATED, ConnectionStatus.SUBSCRIBED, ConnectionStatus.CLOSED);
        assertThat(r.texts).anySatisfy(t -> assertThat(t).contains("SUBSCRIBED trades=SPY,AAPL; quotes=SPY,AAPL"));
        assertThat(r.texts).anySatisfy(t -> assertThat(t).contains("DISCONNECTED Alpaca error 406 (connection limit exceeded)"));
        long t0 = 1_717_421_400_000_000_000L; // 2024-06-03T13:30:00Z
        assertThat(r.quotes).contains(new Quote(t0 + 100, "SPY", 450.10, 3, 450.12, 5));
        assertThat(r.trades.stream().filter(t -> t.symbol().equals("SPY")).toList()).containsExactly(
                new Trade(t0 + 500_000_000L, "SPY", 450.10, 20, Side.SELL),
                new Trade(t0 + 500_000_001L, "SPY", 450.12, 7, Side.BUY),
                new Trade(t0 + 60_000_000_000L, "SPY", 450.2, 1, Side.BUY));
        if (!real.isEmpty()) {
            // {"T":"t","i":96921,"S":"AAPL","x":"D","p":126.55,"s":1,"t":"2021-02-22T15:51:44.208Z",...} from the docs
            assertThat(r.trades).anySatisfy(t -> assertThat(t).isEqualTo(
                    new Trade(1_614_009_104_208_000_000L, "AAPL", 126.55, 1, Side.UNKNOWN)));
            assertThat(r.quotes).anySatisfy(q -> assertThat(q).isEqualTo(
                    new Quote(1_614_009_105_335_689_322L, "AMD", 87.66, 1, 87.68, 4)));
        }
        assertThat(r.warnings).anySatisfy(w -> assertThat(w).startsWith("malformed Alpaca message skipped"));
        assertThat(r.warnings).anySatisfy(w -> assertThat(w).startsWith("gap: no Alpaca data between"));
        assertThat(r.texts).noneMatch(t -> t.contains(SECRET) || t.contains(KEY));
    }

    @Test
    void authFailureIsFatal() throws Exception {
        start(List.of());
        Recorder r = new Recorder();
        try (AlpacaMarketDataFeed.AlpacaSubscription sub = new AlpacaMarketDataFeed(config(KEY, "wrong-secret-55")).subscribe(List.of("SPY"), r)) {
            assertThat(r.failed.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            assertThat(sub.reconnects()).isZero();
        }
        assertThat(r.texts).anySatisfy(t -> assertThat(t).contains("FAILED Alpaca error 402 (auth failed)")
                .contains("APCA_API_KEY_ID"));
        assertThat(r.statuses).doesNotContain(ConnectionStatus.RECONNECTING, ConnectionStatus.SUBSCRIBED);
        assertThat(r.texts).noneMatch(t -> t.contains("wrong-secret-55"));
    }
}
