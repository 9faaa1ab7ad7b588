package org.eimas.micro.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol with the JDK WebSocket client: launches the
 * browser on a URL, evaluates expressions in the page and takes screenshots.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket ws;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /** The browser binary: $EIMAS_CHROMIUM, else chromium or chromium-browser in /usr/bin; null when absent. */
    static Path find() {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("EIMAS_CHROMIUM");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        candidates.add("/usr/bin/chromium");
        candidates.add("/usr/bin/chromium-browser");
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    Chromium(Path binary, String url, Path userDataDir, int width, int height) throws Exception {
        List<String> cmd = List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + userDataDir, "--remote-debugging-port=0",
                "--remote-allow-origins=*", "--window-size=" + width + "," + height, url);
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(userDataDir.resolve("chromium.log").toFile()).start();
        Path portFile = userDataDir.resolve("DevToolsActivePort");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("chromium exited with " + process.exitValue() + ": "
                        + Files.readString(userDataDir.resolve("chromium.log")));
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("chromium wrote no DevToolsActivePort within 30 s");
            }
            Thread.sleep(50);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String wsUrl = null;
        for (int attempt = 0; attempt < 100 && wsUrl == null; attempt++) {
            String list = Http.get("http://127.0.0.1:" + port + "/json/list").body();
            for (JsonNode t : JSON.readTree(list)) {
                if (t.path("type").asText().equals("page") && t.path("url").asText().startsWith(url)) {
                    wsUrl = t.path("webSocketDebuggerUrl").asText();
                }
            }
            if (wsUrl == null) {
                Thread.sleep(100);
            }
        }
        if (wsUrl == null) {
            throw new IllegalStateException("no DevTools page target for " + url);
        }
        ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(wsUrl), new Listener()).get(10, TimeUnit.SECONDS);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buf = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            buf.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(buf.toString());
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    }
                } catch (Exception e) {
                    // an unparsable event: ignore
                }
                buf.setLength(0);
            }
            w.request(1);
            return null;
        }
    }

    /** Sends a DevTools command and returns its result object. */
    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", params == null ? JSON.createObjectNode() : params);
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ws.sendText(JSON.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
        JsonNode r = f.get(30, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IllegalStateException(method + " failed: " + r.get("error"));
        }
        return r.get("result");
    }

    /** Evaluates a JavaScript expression in the page; returns its value as text (null for null/undefined). */
    String eval(String expression) throws Exception {
        ObjectNode p = JSON.createObjectNode();
        p.put("expression", expression);
        p.put("returnByValue", true);
        JsonNode v = call("Runtime.evaluate", p).path("result").path("value");
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** A PNG of the whole page at the given width. */
    void screenshot(Path png, int width) throws Exception {
        int height = (int) Double.parseDouble(eval("String(document.documentElement.scrollHeight)"));
        ObjectNode m = JSON.createObjectNode();
        m.put("width", width);
        m.put("height", height);
        m.put("deviceScaleFactor", 1);
        m.put("mobile", false);
        call("Emulation.setDeviceMetricsOverride", m);
        Thread.sleep(500);
        ObjectNode p = JSON.createObjectNode();
        p.put("format", "png");
        p.put("captureBeyondViewport", true);
        String data = call("Page.captureScreenshot", p).get("data").asText();
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(data));
    }

    @Override
    public void close() {
        try {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        } catch (Exception e) {
            // the browser may be gone already
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
