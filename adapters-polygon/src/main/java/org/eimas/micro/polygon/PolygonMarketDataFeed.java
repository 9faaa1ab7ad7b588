package org.eimas.micro.polygon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MarketDataFeed;
import org.eimas.micro.domain.port.MarketDataListener;
import org.eimas.micro.domain.port.Subscription;
import org.eimas.micro.domain.signing.LeeReady;

/**
 * Polygon's stocks WebSocket stream as a {@link MarketDataFeed}, on the JDK's WebSocket client.
 *
 * <p>Protocol (Polygon WebSocket docs): the server greets with status {@code connected}; the
 * client sends {@code {"action":"auth","params":KEY}}; {@code auth_success} is answered with
 * {@code {"action":"subscribe","params":"Q.SYM,T.SYM,..."}}; {@code auth_failed} and
 * {@code max_connections} are fatal (status FAILED, no reconnect). Quotes become a {@link Quote}
 * (sizes: round lots x lot size) and a level-1 book; trades carry no aggressor flag, so they are
 * signed with Lee-Ready (Lee &amp; Ready 1991) against the prevailing quote of their symbol
 * ({@code domain.signing.LeeReady}). {@code t} is Unix milliseconds as documented; values that
 * can only be micro- or nanoseconds (above 1e14 / 1e17) are scaled accordingly.
 *
 * <p>Resilience: a dropped connection (close or error) reports DISCONNECTED, then RECONNECTING
 * with exponential backoff and jitter, reconnects, re-authenticates and resubscribes; the first
 * event after a reconnect reports the gap in feed time through {@code onWarning}. Unknown event
 * types are counted and skipped; malformed JSON is reported (message and an excerpt) and
 * skipped. The API key is sent only in the auth message and never appears in a status, a
 * warning or {@code toString()}.
 */
public final class PolygonMarketDataFeed implements MarketDataFeed {
    private final PolygonConfig config;
    private final HttpClient http;

    public PolygonMarketDataFeed(PolygonConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public String name() {
        return "polygon";
    }

    @Override
    public PolygonSubscription subscribe(Collection<String> symbols, MarketDataListener listener) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("subscribe needs at least one symbol");
        }
        PolygonSubscription s = new PolygonSubscription(List.copyOf(symbols), listener);
        s.connect(false);
        return s;
    }

    /** A live connection with its counters. */
    public final class PolygonSubscription implements Subscription, WebSocket.Listener, PolygonFrameParser.Handler {
        private final List<String> symbols;
        private final MarketDataListener out;
        private final PolygonFrameParser parser = new PolygonFrameParser();
        private final Map<String, LeeReady> signers = new HashMap<>();
        private final java.util.Set<String> tickSeeded = new java.util.HashSet<>();
        private final ScheduledExecutorService scheduler;
        private final StringBuilder buffer = new StringBuilder();
        private final AtomicLong quotes = new AtomicLong();
        private final AtomicLong trades = new AtomicLong();
        private final AtomicLong unknown = new AtomicLong();
        private final AtomicLong malformed = new AtomicLong();
        private final AtomicLong reconnects = new AtomicLong();
        private volatile boolean closed;
        private volatile WebSocket ws;
        private int attempt;
        private boolean gapPending;
        private long lastEventNs = Long.MIN_VALUE;

        PolygonSubscription(List<String> symbols, MarketDataListener out) {
            this.symbols = symbols;
            this.out = out;
            this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "polygon-reconnect");
                t.setDaemon(true);
                return t;
            });
        }

        public long quotes() {
            return quotes.get();
        }

        public long trades() {
            return trades.get();
        }

        /** Events of types this adapter does not handle, skipped. */
        public long unknownEvents() {
            return unknown.get();
        }

        public long malformedMessages() {
            return malformed.get();
        }

        public long reconnects() {
            return reconnects.get();
        }

        void connect(boolean again) {
            if (closed) {
                return;
            }
            out.onStatus(again ? ConnectionStatus.RECONNECTING : ConnectionStatus.CONNECTING, "to " + config.wsUrl());
            http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(config.wsUrl(), this)
                    .whenComplete((socket, err) -> {
                        if (err != null) {
                            dropped("connect to " + config.wsUrl() + " failed: " + rootMessage(err));
                        }
                    });
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            this.ws = webSocket;
            out.onStatus(ConnectionStatus.CONNECTED, "connected to " + config.wsUrl());
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String frame = buffer.toString();
                buffer.setLength(0);
                try {
                    parser.parse(frame, this);
                } catch (IOException | RuntimeException e) {
                    malformed.incrementAndGet();
                    out.onWarning("malformed Polygon message skipped: " + scrub(e.getMessage()) + ": " + scrub(excerpt(frame)));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (webSocket != ws) {
                return null; // a connection already given up
            }
            dropped("closed by the server (code " + statusCode + (reason.isEmpty() ? "" : ", " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (webSocket != ws) {
                return;
            }
            dropped("connection error: " + rootMessage(error));
        }

        private synchronized void dropped(String why) {
            if (closed) {
                return;
            }
            ws = null;
            out.onStatus(ConnectionStatus.DISCONNECTED, scrub(why));
            long delay = Backoff.delayMillis(config.initialBackoff(), config.maxBackoff(), attempt++);
            reconnects.incrementAndGet();
            gapPending = lastEventNs != Long.MIN_VALUE;
            out.onStatus(ConnectionStatus.RECONNECTING, "in " + delay + " ms (attempt " + attempt + ")");
            scheduler.schedule(() -> connect(true), delay, TimeUnit.MILLISECONDS);
        }

        @Override
        public void status(String status, String message) {
            String m = message == null ? "" : scrub(message);
            switch (status == null ? "" : status) {
                case "connected" -> send(action("auth", config.apiKey()));
                case "auth_success" -> {
                    out.onStatus(ConnectionStatus.AUTHENTICATED, m);
                    StringBuilder params = new StringBuilder();
                    for (String s : symbols) {
                        params.append(params.length() == 0 ? "" : ",").append("Q.").append(s).append(",T.").append(s);
                    }
                    send(action("subscribe", params.toString()));
                }
                case "auth_failed" -> fatal("Polygon authentication failed (" + m + "): check POLYGON_API_KEY");
                case "max_connections" -> fatal("Polygon refused the connection: " + m
                        + " (close other connections that use this key)");
                case "success" -> {
                    attempt = 0;
                    if (m.startsWith("subscribed to")) {
                        out.onStatus(ConnectionStatus.SUBSCRIBED, m);
                    }
                }
                default -> out.onWarning("Polygon status '" + status + "': " + m);
            }
        }

        private void fatal(String message) {
            closed = true;
            out.onStatus(ConnectionStatus.FAILED, message);
            WebSocket w = ws;
            if (w != null) {
                w.sendClose(WebSocket.NORMAL_CLOSURE, "fatal");
            }
            scheduler.shutdownNow();
        }

        private long nanos(long t) {
            if (t > 100_000_000_000_000_000L) {
                return t; // already nanoseconds
            }
            if (t > 100_000_000_000_000L) {
                return t * 1_000L; // microseconds
            }
            return t * 1_000_000L; // documented: Unix milliseconds
        }

        private void event(long ts) {
            if (gapPending) {
                gapPending = false;
                out.onWarning("gap: no Polygon data between " + lastEventNs + " and " + ts
                        + " ns (connection was lost and restored)");
            }
            if (ts > lastEventNs) {
                lastEventNs = ts;
            }
        }

        @Override
        public void quote(String sym, double bid, double bidLots, double ask, double askLots, long tMillis) {
            long ts = nanos(tMillis);
            Quote q;
            try {
                q = new Quote(ts, sym, bid, bidLots * config.lotSize(), ask, askLots * config.lotSize());
            } catch (IllegalArgumentException e) {
                malformed.incrementAndGet();
                out.onWarning("Polygon quote for " + sym + " skipped: " + e.getMessage());
                return;
            }
            event(ts);
            signers.computeIfAbsent(sym, k -> new LeeReady()).onQuote(bid, ask);
            quotes.incrementAndGet();
            out.onQuote(q);
            out.onBook(q.toSnapshot());
        }

        @Override
        public void trade(String sym, double price, double size, long tMillis) {
            long ts = nanos(tMillis);
            Trade t;
            try {
                LeeReady signer = signers.computeIfAbsent(sym, k -> new LeeReady());
                int sign = signer.sign(price);
                // no quote and no earlier trade: nothing to sign with (the tick rule's +1 is only a convention)
                boolean first = !signer.hasQuote() && tickSeeded.add(sym);
                t = new Trade(ts, sym, price, size, first ? Side.UNKNOWN : Side.ofSign(sign));
            } catch (IllegalArgumentException e) {
                malformed.incrementAndGet();
                out.onWarning("Polygon trade for " + sym + " skipped: " + e.getMessage());
                return;
            }
            event(ts);
            trades.incrementAndGet();
            out.onTrade(t);
        }

        @Override
        public void unknown(String ev) {
            unknown.incrementAndGet();
        }

        private void send(String text) {
            WebSocket w = ws;
            if (w != null) {
                w.sendText(text, true);
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            scheduler.shutdownNow();
            WebSocket w = ws;
            if (w != null) {
                w.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            }
            out.onStatus(ConnectionStatus.CLOSED, "closed by the subscriber");
        }
    }

    private static String action(String action, String params) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("action", action);
            g.writeStringField("params", params);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    /**
     * Removes the key from any text that might echo it (keys shorter than 8 characters are not real
     * Polygon keys and are left alone, so that replacing them cannot garble the text).
     */
    String scrub(String s) {
        if (s == null) {
            return "";
        }
        return config.apiKey().length() < 8 ? s : s.replace(config.apiKey(), "****");
    }

    static String excerpt(String frame) {
        return frame.length() > 120 ? frame.substring(0, 117) + "..." : frame;
    }

    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }

    @Override
    public String toString() {
        return "PolygonMarketDataFeed[" + config + "]";
    }
}
