package org.eimas.micro.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path dir;

    /** A local server speaking Polygon's WebSocket protocol: auth, subscribe, then 40 s of SPY quotes and trades. */
    static final class FakePolygon extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final List<String> received = new CopyOnWriteArrayList<>();

        FakePolygon() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.send("[{\"ev\":\"status\",\"status\":\"connected\",\"message\":\"Connected Successfully\"}]");
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
            if (message.contains("\"auth\"")) {
                conn.send(message.contains("test-key-123")
                        ? "[{\"ev\":\"status\",\"status\":\"auth_success\",\"message\":\"authenticated\"}]"
                        : "[{\"ev\":\"status\",\"status\":\"auth_failed\",\"message\":\"authentication failed\"}]");
            } else if (message.contains("\"subscribe\"")) {
                conn.send("[{\"ev\":\"status\",\"status\":\"success\",\"message\":\"subscribed to: Q.SPY,T.SPY\"}]");
                long t0 = 1_717_421_400_000L;
                for (int i = 0; i < 40; i++) {
                    double bid = 450 + (i % 7) * 0.01;
                    conn.send("[{\"ev\":\"Q\",\"sym\":\"SPY\",\"bp\":" + bid + ",\"bs\":3,\"ap\":" + (bid + 0.01)
                            + ",\"as\":4,\"t\":" + (t0 + i * 1000L) + "},{\"ev\":\"T\",\"sym\":\"SPY\",\"p\":" + (bid + 0.01)
                            + ",\"s\":100,\"t\":" + (t0 + i * 1000L + 500) + "}]");
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

    @Test
    void polygonFeedsTheDashboardAndTheKeyStaysOut() throws Exception {
        Assumptions.assumeTrue(System.getenv("POLYGON_API_KEY") == null, "POLYGON_API_KEY is set in the environment");
        FakePolygon server = new FakePolygon();
        server.start();
        try {
            assertThat(server.started.await(10, TimeUnit.SECONDS)).isTrue();
            Path cfg = dir.resolve("eimas.yaml");
            Files.writeString(cfg, "polygon:\n  apiKey: test-key-123\n");
            CliRun r = CliRun.run("serve", "--source", "polygon", "--symbols", "SPY", "--config", cfg.toString(),
                    "--url", "ws://127.0.0.1:" + server.getPort(), "--port", "0", "--duration", "3");
            assertThat(r.code).as(r.err).isZero();
            assertThat(r.err).contains("(source polygon, symbols SPY)");
            Matcher m = Pattern.compile("stopping after 3 s: (\\d+) updates").matcher(r.err);
            assertThat(m.find()).as(r.err).isTrue();
            // 40 s of quotes and trades at one update per 5 s of event time: 7 interval boundaries crossed
            assertThat(Long.parseLong(m.group(1))).isEqualTo(7);
            assertThat(server.received.get(0)).contains("test-key-123");
            assertThat(r.err + r.out).doesNotContain("test-key-123");
        } finally {
            server.stop(1000);
        }
    }

    @Test
    void polygonWithoutAKeyIsAClearError() {
        Assumptions.assumeTrue(System.getenv("POLYGON_API_KEY") == null, "POLYGON_API_KEY is set in the environment");
        CliRun r = CliRun.run("serve", "--source", "polygon", "--port", "0");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("Polygon needs an API key: set POLYGON_API_KEY");
    }

    @Test
    void replayNeedsFilesAndOffLoopbackNeedsAToken() {
        CliRun r = CliRun.run("serve", "--source", "replay", "--port", "0");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--source replay needs --book FILE and/or --trades FILE");
        CliRun missing = CliRun.run("serve", "--source", "replay", "--trades", dir.resolve("none.csv").toString(), "--port", "0");
        assertThat(missing.code).isEqualTo(1);
        assertThat(missing.err).contains("none.csv").contains("no such file");
        Assumptions.assumeTrue(System.getenv("EIMAS_DASHBOARD_TOKEN") == null, "EIMAS_DASHBOARD_TOKEN is set");
        CliRun open = CliRun.run("serve", "--host", "0.0.0.0", "--port", "0");
        assertThat(open.code).isEqualTo(2);
        assertThat(open.err).contains("requires a token");
    }

    /** A simulated file replayed through the monitor as fast as possible; its alerts land in H2 and list back. */
    @Test
    void replayServesAndStoresAlertsInTheDataDir() {
        Path sim = dir.resolve("sim");
        assertThat(CliRun.run("simulate", "--symbols", "SPY", "--hours", "0.5", "--out", sim.toString()).code).isZero();
        Path data = dir.resolve("data");
        CliRun r = CliRun.run("serve", "--source", "replay", "--symbols", "SPY", "--book", sim.resolve("books.csv").toString(),
                "--trades", sim.resolve("trades.csv").toString(), "--speed", "0", "--port", "0", "--duration", "4",
                "--data-dir", data.toString());
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.err).containsPattern("dashboard at http://127\\.0\\.0\\.1:\\d+/ \\(source replay, symbols SPY, alerts stored in ")
                .contains("feed CLOSED (end of the recorded files)");
        Matcher m = Pattern.compile("stopping after 4 s: (\\d+) updates, (\\d+) alerts").matcher(r.err);
        assertThat(m.find()).as(r.err).isTrue();
        long updates = Long.parseLong(m.group(1));
        long alerts = Long.parseLong(m.group(2));
        assertThat(updates).as("half an hour at 5 s per update").isBetween(340L, 370L);
        CliRun listed = CliRun.run("alerts", "--data-dir", data.toString(), "--json");
        assertThat(listed.code).isZero();
        int stored = listed.out.isBlank() || listed.out.trim().equals("[]") ? 0 : listed.out.split("\"id\"").length - 1;
        assertThat(stored).isEqualTo((int) alerts);
    }
}
