package org.eimas.micro.alpaca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.HistoricalMarketData;

/**
 * Alpaca market data v2 history: {@code /v2/stocks/{symbol}/trades} and {@code /quotes} with
 * {@code start}, {@code end} (RFC-3339), {@code limit}, optional {@code feed}, following
 * {@code next_page_token} (sent back as {@code page_token}) to the last page; keys in the
 * {@code APCA-API-KEY-ID} / {@code APCA-API-SECRET-KEY} headers. Alpaca's {@code end} is
 * inclusive, so [from, to) is asked as [from, to - 1 ns]. Each page is read with Jackson's
 * streaming parser and delivered row by row; both the single-symbol body
 * ({@code "trades":[...]}) and the multi-symbol one ({@code "trades":{"SYM":[...]}}) are read.
 * Trades come with aggressor UNKNOWN (sign them against the quotes downstream). HTTP 429 and 5xx
 * are retried with exponential backoff and jitter; 401/403 fail at once with a clear message.
 */
public final class AlpacaHistoricalMarketData implements HistoricalMarketData {
    private final AlpacaConfig config;
    private final HttpClient http;
    private final JsonFactory json = new JsonFactory();
    private final int limit;
    private long requests;

    public AlpacaHistoricalMarketData(AlpacaConfig config) {
        this(config, 10_000);
    }

    /** @param limit rows per page (Alpaca allows 1..10000) */
    public AlpacaHistoricalMarketData(AlpacaConfig config, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be in 1..10000, got " + limit);
        }
        this.config = config;
        this.limit = limit;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public long requests() {
        return requests;
    }

    @Override
    public long trades(String symbol, long fromNs, long toNs, Consumer<Trade> sink) {
        return fetch("trades", symbol, fromNs, toNs, r -> sink.accept(new Trade(r.ts, symbol, r.a, r.b)));
    }

    @Override
    public long quotes(String symbol, long fromNs, long toNs, Consumer<Quote> sink) {
        return fetch("quotes", symbol, fromNs, toNs, r -> sink.accept(new Quote(r.ts, symbol, r.a, r.b * config.lotSize(),
                r.c, r.d * config.lotSize())));
    }

    private static final class Row {
        long ts;
        double a;
        double b;
        double c;
        double d;
    }

    private long fetch(String kind, String symbol, long fromNs, long toNs, Consumer<Row> sink) {
        if (fromNs >= toNs) {
            throw new IllegalArgumentException("empty time range: from " + fromNs + " >= to " + toNs);
        }
        String base = "/v2/stocks/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8) + "/" + kind
                + "?start=" + enc(Rfc3339.of(fromNs)) + "&end=" + enc(Rfc3339.of(toNs - 1)) + "&limit=" + limit
                + (config.feed() == null ? "" : "&feed=" + enc(config.feed()));
        String token = null;
        long[] n = {0};
        Row row = new Row();
        do {
            URI uri = config.restUrl().resolve(base + (token == null ? "" : "&page_token=" + enc(token)));
            HttpResponse<InputStream> resp = get(uri);
            String next;
            try (InputStream body = resp.body(); JsonParser p = json.createParser(body)) {
                next = page(p, kind, row, r -> {
                    if (r.ts >= fromNs && r.ts < toNs) {
                        sink.accept(r);
                        n[0]++;
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException("Alpaca " + kind + " page " + uri + " is not valid JSON: " + e.getMessage(), e);
            }
            if (next != null && next.equals(token)) {
                throw new IllegalStateException("Alpaca pagination loop: next_page_token repeats '" + next + "'");
            }
            token = next == null || next.isEmpty() ? null : next;
        } while (token != null);
        return n[0];
    }

    private String page(JsonParser p, String kind, Row row, Consumer<Row> sink) throws IOException {
        String next = null;
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("expected a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            if (f.equals("next_page_token")) {
                next = t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
            } else if (f.equals(kind) && t == JsonToken.START_ARRAY) {
                rows(p, kind, row, sink);
            } else if (f.equals(kind) && t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    if (p.nextToken() == JsonToken.START_ARRAY) {
                        rows(p, kind, row, sink);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        return next;
    }

    private void rows(JsonParser p, String kind, Row row, Consumer<Row> sink) throws IOException {
        boolean trades = kind.equals("trades");
        while (p.nextToken() == JsonToken.START_OBJECT) {
            row.ts = Long.MIN_VALUE;
            row.a = Double.NaN;
            row.b = Double.NaN;
            row.c = Double.NaN;
            row.d = Double.NaN;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "t" -> row.ts = Rfc3339.toNanos(p.getValueAsString());
                    case "p" -> row.a = trades ? p.getDoubleValue() : row.a;
                    case "s" -> row.b = trades ? p.getDoubleValue() : row.b;
                    case "bp" -> row.a = p.getDoubleValue();
                    case "bs" -> row.b = p.getDoubleValue();
                    case "ap" -> row.c = p.getDoubleValue();
                    case "as" -> row.d = p.getDoubleValue();
                    default -> p.skipChildren();
                }
            }
            if (row.ts == Long.MIN_VALUE || Double.isNaN(row.a) || Double.isNaN(row.b)
                    || (!trades && (Double.isNaN(row.c) || Double.isNaN(row.d)))) {
                throw new IOException("a " + kind + " row lacks t or a " + (trades ? "p/s" : "bp/bs/ap/as") + " field");
            }
            sink.accept(row);
        }
    }

    private HttpResponse<InputStream> get(URI uri) {
        for (int attempt = 0; ; attempt++) {
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("APCA-API-KEY-ID", config.keyId())
                    .header("APCA-API-SECRET-KEY", config.secret())
                    .header("Accept", "application/json").GET().build();
            HttpResponse<InputStream> resp;
            try {
                requests++;
                resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                if (attempt + 1 >= config.maxRetries()) {
                    throw new IllegalStateException("Alpaca request " + uri + " failed: " + e.getMessage(), e);
                }
                sleep(Backoff.delayMillis(config.initialBackoff(), config.maxBackoff(), attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fetching " + uri, e);
            }
            int code = resp.statusCode();
            if (code == 200) {
                return resp;
            }
            String body = drain(resp);
            if (code == 401 || code == 403) {
                throw new IllegalStateException("Alpaca rejected the credentials (HTTP " + code + ") for " + uri
                        + ": check APCA_API_KEY_ID / APCA_API_SECRET_KEY and the data plan; server said: " + body);
            }
            if ((code == 429 || code >= 500) && attempt + 1 < config.maxRetries()) {
                long wait = Backoff.delayMillis(config.initialBackoff(), config.maxBackoff(), attempt);
                String ra = resp.headers().firstValue("Retry-After").orElse(null);
                if (ra != null && ra.matches("\\d{1,4}")) {
                    wait = Math.max(wait, Long.parseLong(ra) * 1000);
                }
                sleep(wait);
                continue;
            }
            throw new IllegalStateException("Alpaca request " + uri + " failed with HTTP " + code
                    + (code == 429 || code >= 500 ? " after " + (attempt + 1) + " attempts" : "") + ": " + body);
        }
    }

    private String drain(HttpResponse<InputStream> resp) {
        try (InputStream in = resp.body()) {
            return config.scrub(new String(in.readNBytes(300), StandardCharsets.UTF_8).replace('\n', ' '));
        } catch (IOException e) {
            return "(no body)";
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
