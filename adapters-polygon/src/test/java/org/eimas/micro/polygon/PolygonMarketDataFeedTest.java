package org.eimas.micro.polygon;

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
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MarketDataListener;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stream against a local server that speaks Polygon's documented protocol. */
class PolygonMarketDataFeedTest {
    static final String KEY = "test-key-3f9a";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Frames written for this test: a quote, a trade at the bid, one at the ask, one at the mid. */
    static final List<String> BURST = List.of(
            "[{\"ev\":\"Q\",\"sym\":\"MSFT\",\"bx\":4,\"bp\":114.12,\"bs\":3,\"ax\":7,\"ap\":114.14,\"as\":2,\"c\":0,\"t\":1700000000123,\"q\":1,\"z\":3}]",
            "[{\"ev\":\"T\",\"sym\":\"MSFT\",\"x\":4,\"i\":\"1\",\"z\":3,\"p\":114.12,\"s\":100,\"c\":[0,12],\"t\":1700000000200,\"q\":2},"
                    + "{\"ev\":\"T\",\"sym\":\"MSFT\",\"x\":4,\"i\":\"2\",\"z\":3,\"p\":114.14,\"s\":50,\"t\":1700000000201,\"q\":3,\"trfi\":3,\"trft\":1700000000100}]",
            "[{\"ev\":\"T\",\"sym\":\"MSFT\",\"x\":4,\"i\":\"3\",\"z\":3,\"p\":114.13,\"s\":10,\"t\":1700000000202,\"q\":4}]",
            "[{\"ev\":\"T\",\"sym\":\"MSFT\",\"p\":114.1", // malformed: cut off
            "[{\"ev\":\"LULD\",\"sym\":\"MSFT\"},{\"ev\":\"AM\",\"sym\":\"MSFT\",\"v\":10}]"); // unknown types

    final class Server extends WebSocketServer {
        final List<String> received = new CopyOnWriteArrayList<>();
        final AtomicInteger connections = new AtomicInteger();
        final CountDownLatch started = new CountDownLatch(1);
        final List<String> realFrames;

        Server(List<String> realFrames) {
            super(new InetSocketAddress("127.0.0.1", 0));
            this.realFrames = realFrames;
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connections.incrementAndGet();
            conn.send("[{\"ev\":\"status\",\"status\":\"connected\",\"message\":\"Connected Successfully\"}]");
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
            if (m.path("action").asText().equals("auth")) {
                conn.send(m.path("params").asText().equals(KEY)
                        ? "[{\"ev\":\"status\",\"status\":\"auth_success\",\"message\":\"authenticated\"}]"
                        : "[{\"ev\":\"status\",\"status\":\"auth_failed\",\"message\":\"authentication failed\"}]");
            } else if (m.path("action").asText().equals("subscribe")) {
                conn.send("[{\"ev\":\"status\",\"status\":\"success\",\"message\":\"subscribed to: " + m.path("params").asText() + "\"}]");
                if (connections.get() == 1) {
                    realFrames.forEach(conn::send);
                    BURST.forEach(conn::send);
                    conn.close(); // the drop
                } else {
                    conn.send("[{\"ev\":\"T\",\"sym\":\"MSFT\",\"p\":114.2,\"s\":1,\"t\":1700000060000}]");
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
        final List<LobSnapshot> books = new CopyOnWriteArrayList<>();
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
        public void onBook(LobSnapshot b) {
            books.add(b);
        }

        @Override
        public void onTrade(Trade t) {
            trades.add(t);
            if (t.ts() == 1_700_000_060_000_000_000L) {
                lastTrade.countDown();
            }
        }
    }

    Server server;

    Server start(List<String> realFrames) throws Exception {
        server = new Server(realFrames);
        server.start();
        assertThat(server.started.await(10, TimeUnit.SECONDS)).isTrue();
        return server;
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop(1000);
        }
    }

    PolygonConfig config(String key) {
        return PolygonConfig.of(key).withWsUrl(URI.create("ws://127.0.0.1:" + server.getPort()))
                .withBackoff(Duration.ofMillis(40), Duration.ofMillis(200));
    }

    /** Trade and quote frames from Polygon's own client tests and spec, when ../shared/data is present. */
    static List<String> realFrames() throws Exception {
        String dir = System.getProperty("eimas.shared.dir");
        List<String> out = new ArrayList<>();
        if (dir == null) {
            return out;
        }
        Path f = Path.of(dir, "data", "polygon", "ws_stocks_frames.jsonl");
        if (!Files.exists(f)) {
            return out;
        }
        for (String line : Files.readAllLines(f)) {
            JsonNode n = JSON.readTree(line);
            String frame = n.path("frame").asText();
            if (n.path("direction").asText().equals("server") && (frame.contains("\"ev\":\"T\"") || frame.contains("\"ev\":\"Q\""))) {
                out.add(frame);
            }
        }
        return out;
    }

    @Test
    void wholeSessionWithDropReconnectAndResubscription() throws Exception {
        List<String> real = realFrames();
        start(real);
        Recorder r = new Recorder();
        PolygonMarketDataFeed feed = new PolygonMarketDataFeed(config(KEY));
        try (PolygonMarketDataFeed.PolygonSubscription sub = feed.subscribe(List.of("MSFT", "AAPL"), r)) {
            assertThat(r.lastTrade.await(20, TimeUnit.SECONDS)).as("trade after the reconnect").isTrue();
            assertThat(sub.reconnects()).isEqualTo(1);
            assertThat(sub.malformedMessages()).isEqualTo(1);
            assertThat(sub.unknownEvents()).isEqualTo(2);
        }
        // handshake twice: auth then subscribe to quotes and trades of both symbols
        assertThat(server.received).hasSize(4);
        for (int i = 0; i < 4; i += 2) {
            assertThat(JSON.readTree(server.received.get(i))).isEqualTo(JSON.readTree("{\"action\":\"auth\",\"params\":\"" + KEY + "\"}"));
            assertThat(JSON.readTree(server.received.get(i + 1)))
                    .isEqualTo(JSON.readTree("{\"action\":\"subscribe\",\"params\":\"Q.MSFT,T.MSFT,Q.AAPL,T.AAPL\"}"));
        }
        assertThat(r.statuses).containsSubsequence(ConnectionStatus.CONNECTING, ConnectionStatus.CONNECTED,
                ConnectionStatus.AUTHENTICATED, ConnectionStatus.SUBSCRIBED, ConnectionStatus.DISCONNECTED,
                ConnectionStatus.RECONNECTING, ConnectionStatus.CONNECTED, ConnectionStatus.AUTHENTICATED,
                ConnectionStatus.SUBSCRIBED, ConnectionStatus.CLOSED);

        // the hand-written quote: t in ms -> ns, sizes in round lots -> shares, also a level-1 book
        Quote q = r.quotes.stream().filter(x -> x.ts() == 1_700_000_000_123_000_000L).findFirst().orElseThrow();
        assertThat(q).isEqualTo(new Quote(1_700_000_000_123_000_000L, "MSFT", 114.12, 300, 114.14, 200));
        assertThat(r.books).contains(q.toSnapshot());
        // Lee-Ready against that quote: at the bid sells, at the ask buys, at the mid the tick rule (up-tick from 114.12)
        List<Trade> mine = r.trades.stream().filter(t -> t.ts() >= 1_700_000_000_200_000_000L).toList();
        assertThat(mine).containsExactly(
                new Trade(1_700_000_000_200_000_000L, "MSFT", 114.12, 100, Side.SELL),
                new Trade(1_700_000_000_201_000_000L, "MSFT", 114.14, 50, Side.BUY),
                new Trade(1_700_000_000_202_000_000L, "MSFT", 114.13, 10, Side.SELL),
                new Trade(1_700_000_060_000_000_000L, "MSFT", 114.2, 1, Side.BUY));
        if (!real.isEmpty()) {
            // AAPL 300 @ 161.87 at 1651684192462 ms, from Polygon's client tests
            assertThat(r.trades).anySatisfy(t -> {
                assertThat(t.ts()).isEqualTo(1_651_684_192_462_000_000L);
                assertThat(t.symbol()).isEqualTo("AAPL");
                assertThat(t.price()).isEqualTo(161.87);
                assertThat(t.size()).isEqualTo(300);
                // no AAPL quote and no earlier AAPL trade: nothing to sign it with
                assertThat(t.aggressor()).isEqualTo(Side.UNKNOWN);
            });
            assertThat(r.quotes).anySatisfy(x -> assertThat(x).isEqualTo(
                    new Quote(1_536_036_818_784_000_000L, "MSFT", 114.125, 10_000, 114.128, 16_000)));
        }
        assertThat(r.warnings).anySatisfy(w -> assertThat(w).startsWith("malformed Polygon message skipped"));
        assertThat(r.warnings).anySatisfy(w -> assertThat(w).startsWith("gap: no Polygon data between"));
        assertThat(r.texts).noneMatch(t -> t.contains(KEY));
        assertThat(feed.toString()).doesNotContain(KEY);
    }

    @Test
    void authFailureIsFatalAndClear() throws Exception {
        start(List.of());
        Recorder r = new Recorder();
        try (PolygonMarketDataFeed.PolygonSubscription sub = new PolygonMarketDataFeed(config("wrong-key-77")).subscribe(List.of("SPY"), r)) {
            assertThat(r.failed.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            assertThat(sub.reconnects()).isZero();
        }
        assertThat(r.texts).anySatisfy(t -> assertThat(t).contains("FAILED Polygon authentication failed")
                .contains("POLYGON_API_KEY"));
        assertThat(r.statuses).doesNotContain(ConnectionStatus.RECONNECTING, ConnectionStatus.SUBSCRIBED);
        assertThat(r.texts).noneMatch(t -> t.contains("wrong-key-77"));
    }
}
