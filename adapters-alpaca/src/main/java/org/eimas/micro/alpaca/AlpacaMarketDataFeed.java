package org.eimas.micro.alpaca;

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
 * Alpaca's market data v2 stream as a {@link MarketDataFeed}, on the JDK's WebSocket client.
 *
 * <p>Protocol (Alpaca "Real-time Stock Pricing Data"): the server greets with
 * {@code [{"T":"success","msg":"connected"}]}; the client sends
 * {@code {"action":"auth","key":..,"secret":..}}; after {@code authenticated} it sends
 * {@code {"action":"subscribe","trades":[..],"quotes":[..]}} and the server echoes the
 * {@code subscription}. Trades carry no aggressor: they are signed with Lee-Ready (Lee &amp;
 * Ready 1991) against the symbol's prevailing quote. Quotes also become level-1 books.
 *
 * <p>Error codes (same page, "Errors"): fatal, reported as FAILED without reconnecting —
 * 402 auth failed, 405 symbol limit exceeded, 408 v2 not enabled, 409 insufficient subscription;
 * retryable, the connection is dropped and re-established with backoff — 404 auth timeout,
 * 406 connection limit exceeded (another session may still be closing), 407 slow client,
 * 500 internal error; 400, 401 and 403 are protocol slips reported as warnings. Reconnects use
 * exponential backoff with jitter, re-authenticate and resubscribe, and the first event after a
 * reconnect reports the gap. Unknown message types (bars, statuses, corrections, ...) are counted
 * and skipped; malformed JSON is reported and skipped. Key id and secret never appear in a status,
 * a warning or {@code toString()}.
 */
public final class AlpacaMarketDataFeed implements MarketDataFeed {
    private final AlpacaConfig config;
    private final HttpClient http;

    public AlpacaMarketDataFeed(AlpacaConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public String name() {
        return "alpaca";
    }

    @Override
    public AlpacaSubscription subscribe(Collection<String> symbols, MarketDataListener listener) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("subscribe needs at least one symbol");
        }
        AlpacaSubscription s = new AlpacaSubscription(List.copyOf(symbols), listener);
        s.connect(false);
        return s;
    }

    /** A live connection with its counters. */
    public final class AlpacaSubscription implements Subscription, WebSocket.Listener, AlpacaFrameParser.Handler {
        private final List<String> symbols;
        private final MarketDataListener out;
        private final AlpacaFrameParser parser = new AlpacaFrameParser();
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

        AlpacaSubscription(List<String> symbols, MarketDataListener out) {
            this.symbols = symbols;
            this.out = out;
            this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "alpaca-reconnect");
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

        public long unknownMessages() {
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
                    out.onWarning("malformed Alpaca message skipped: " + config.scrub(e.getMessage()) + ": "
                            + config.scrub(frame.length() > 120 ? frame.substring(0, 117) + "..." : frame));
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
            WebSocket w = ws;
            ws = null;
            if (w != null) {
                w.abort();
            }
            out.onStatus(ConnectionStatus.DISCONNECTED, config.scrub(why));
            long delay = Backoff.delayMillis(config.initialBackoff(), config.maxBackoff(), attempt++);
            reconnects.incrementAndGet();
            gapPending = lastEventNs != Long.MIN_VALUE;
            out.onStatus(ConnectionStatus.RECONNECTING, "in " + delay + " ms (attempt " + attempt + ")");
            scheduler.schedule(() -> connect(true), delay, TimeUnit.MILLISECONDS);
        }

        @Override
        public void success(String msg) {
            if ("connected".equals(msg)) {
                send(auth());
            } else if ("authenticated".equals(msg)) {
                out.onStatus(ConnectionStatus.AUTHENTICATED, "authenticated");
                send(subscribeMessage());
            } else {
                out.onWarning("Alpaca success message '" + config.scrub(msg) + "'");
            }
        }

        @Override
        public void subscription(String description) {
            attempt = 0;
            out.onStatus(ConnectionStatus.SUBSCRIBED, description);
        }

        @Override
        public void error(int code, String msg) {
            String m = "Alpaca error " + code + " (" + config.scrub(msg) + ")";
            switch (code) {
                case 402 -> fatal(m + ": check APCA_API_KEY_ID and APCA_API_SECRET_KEY");
                case 405 -> fatal(m + ": the plan allows fewer symbols than subscribed " + symbols);
                case 408, 409 -> fatal(m + ": the account's data plan does not include this stream (" + config.wsUrl() + ")");
                case 404, 406, 407, 500 -> dropped(m + (code == 406 ? ": another session is connected with this key" : ""));
                default -> out.onWarning(m);
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

        private void event(long ts) {
            if (gapPending) {
                gapPending = false;
                out.onWarning("gap: no Alpaca data between " + lastEventNs + " and " + ts
                        + " ns (connection was lost and restored)");
            }
            if (ts > lastEventNs) {
                lastEventNs = ts;
            }
        }

        @Override
        public void quote(String sym, double bid, double bidSize, double ask, double askSize, long ts) {
            Quote q;
            try {
                q = new Quote(ts, sym, bid, bidSize * config.lotSize(), ask, askSize * config.lotSize());
            } catch (IllegalArgumentException e) {
                malformed.incrementAndGet();
                out.onWarning("Alpaca quote for " + sym + " skipped: " + e.getMessage());
                return;
            }
            event(ts);
            signers.computeIfAbsent(sym, k -> new LeeReady()).onQuote(bid, ask);
            quotes.incrementAndGet();
            out.onQuote(q);
            out.onBook(q.toSnapshot());
        }

        @Override
        public void trade(String sym, double price, double size, long ts) {
            Trade t;
            try {
                LeeReady signer = signers.computeIfAbsent(sym, k -> new LeeReady());
                int sign = signer.sign(price);
                // no quote and no earlier trade: nothing to sign with (the tick rule's +1 is only a convention)
                boolean first = !signer.hasQuote() && tickSeeded.add(sym);
                t = new Trade(ts, sym, price, size, first ? Side.UNKNOWN : Side.ofSign(sign));
            } catch (IllegalArgumentException e) {
                malformed.incrementAndGet();
                out.onWarning("Alpaca trade for " + sym + " skipped: " + e.getMessage());
                return;
            }
            event(ts);
            trades.incrementAndGet();
            out.onTrade(t);
        }

        @Override
        public void unknown(String type) {
            unknown.incrementAndGet();
        }

        private void send(String text) {
            WebSocket w = ws;
            if (w != null) {
                w.sendText(text, true);
            }
        }

        private String auth() {
            return json(g -> {
                g.writeStringField("action", "auth");
                g.writeStringField("key", config.keyId());
                g.writeStringField("secret", config.secret());
            });
        }

        private String subscribeMessage() {
            return json(g -> {
                g.writeStringField("action", "subscribe");
                for (String field : new String[] {"trades", "quotes"}) {
                    g.writeArrayFieldStart(field);
                    for (String s : symbols) {
                        g.writeString(s);
                    }
                    g.writeEndArray();
                }
            });
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

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String json(Fields f) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
            g.writeStartObject();
            f.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
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
        return "AlpacaMarketDataFeed[" + config + "]";
    }
}
