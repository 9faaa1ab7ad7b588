package org.eimas.micro.polygon;

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
 * Polygon REST v3 history: {@code /v3/trades/{ticker}} and {@code /v3/quotes/{ticker}} with
 * {@code timestamp.gte}, {@code timestamp.lt} (nanoseconds), {@code limit}, {@code order=asc},
 * {@code sort=timestamp}, following {@code next_url} to the last page. Each page is read with
 * Jackson's streaming parser and delivered row by row, never held whole.
 *
 * <p>Times are {@code sip_timestamp} (nanoseconds). Quote sizes are round lots (x lot size).
 * Trades come with aggressor UNKNOWN: REST trades carry no side and no prevailing quote (sign them
 * against the quotes, e.g. {@code eimas sign}). The key travels in an {@code Authorization: Bearer}
 * header, never in a URL; {@code next_url} is re-based on the configured REST URL (its path and
 * query kept, any {@code apiKey} parameter dropped). HTTP 429 and 5xx are retried with exponential
 * backoff and jitter (honouring {@code Retry-After}); 401/403 fail at once with a clear message.
 */
public final class PolygonHistoricalMarketData implements HistoricalMarketData {
    private final PolygonConfig config;
    private final HttpClient http;
    private final JsonFactory json = new JsonFactory();
    private final int limit;
    private long requests;

    public PolygonHistoricalMarketData(PolygonConfig config) {
        this(config, 50_000);
    }

    /** @param limit rows per page (Polygon allows up to 50000) */
    public PolygonHistoricalMarketData(PolygonConfig config, int limit) {
        this.config = config;
        this.limit = limit;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** HTTP requests made so far (retries included). */
    public long requests() {
        return requests;
    }

    @Override
    public long trades(String symbol, long fromNs, long toNs, Consumer<Trade> sink) {
        return fetch("trades", symbol, fromNs, toNs, row -> sink.accept(new Trade(row.ts, symbol, row.a, row.b)));
    }

    @Override
    public long quotes(String symbol, long fromNs, long toNs, Consumer<Quote> sink) {
        return fetch("quotes", symbol, fromNs, toNs, row -> sink.accept(new Quote(row.ts, symbol, row.a,
                row.b * config.lotSize(), row.c, row.d * config.lotSize())));
    }

    /** One result row: trades use (price a, size b); quotes (bid a, bid lots b, ask c, ask lots d). */
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
        URI uri = config.restUrl().resolve("/v3/" + kind + "/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8)
                + "?timestamp.gte=" + fromNs + "&timestamp.lt=" + toNs + "&limit=" + limit + "&order=asc&sort=timestamp");
        long n = 0;
        Row row = new Row();
        while (uri != null) {
            HttpResponse<InputStream> resp = get(uri);
            String next;
            try (InputStream body = resp.body(); JsonParser p = json.createParser(body)) {
                next = page(p, kind, uri, row, sink);
            } catch (IOException e) {
                throw new IllegalStateException("Polygon " + kind + " page " + redact(uri) + " is not valid JSON: "
                        + e.getMessage(), e);
            }
            n += pageRows;
            URI following = next == null || next.isEmpty() ? null : rebase(next);
            if (following != null && following.equals(uri)) {
                throw new IllegalStateException("Polygon pagination loop: next_url of " + redact(uri) + " is the same page");
            }
            uri = following;
        }
        return n;
    }

    private long pageRows;

    private String page(JsonParser p, String kind, URI uri, Row row, Consumer<Row> sink) throws IOException {
        pageRows = 0;
        String next = null;
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("expected a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            if (f.equals("next_url")) {
                next = t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
            } else if (f.equals("results") && t == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    readRow(p, kind, row);
                    sink.accept(row);
                    pageRows++;
                }
            } else {
                p.skipChildren();
            }
        }
        return next;
    }

    private void readRow(JsonParser p, String kind, Row row) throws IOException {
        row.ts = Long.MIN_VALUE;
        row.a = Double.NaN;
        row.b = Double.NaN;
        row.c = Double.NaN;
        row.d = Double.NaN;
        boolean trades = kind.equals("trades");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "sip_timestamp" -> row.ts = p.getLongValue();
                case "price" -> row.a = trades ? p.getDoubleValue() : row.a;
                case "size" -> row.b = trades ? p.getDoubleValue() : row.b;
                case "bid_price" -> row.a = p.getDoubleValue();
                case "bid_size" -> row.b = p.getDoubleValue();
                case "ask_price" -> row.c = p.getDoubleValue();
                case "ask_size" -> row.d = p.getDoubleValue();
                default -> p.skipChildren();
            }
        }
        if (row.ts == Long.MIN_VALUE || Double.isNaN(row.a) || Double.isNaN(row.b)
                || (!trades && (Double.isNaN(row.c) || Double.isNaN(row.d)))) {
            throw new IOException("a " + kind + " result lacks sip_timestamp or a " + (trades ? "price/size" : "bid/ask")
                    + " field");
        }
    }

    private HttpResponse<InputStream> get(URI uri) {
        for (int attempt = 0; ; attempt++) {
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + config.apiKey())
                    .header("Accept", "application/json").GET().build();
            HttpResponse<InputStream> resp;
            try {
                requests++;
                resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                if (attempt + 1 >= config.maxRetries()) {
                    throw new IllegalStateException("Polygon request " + redact(uri) + " failed: " + e.getMessage(), e);
                }
                sleep(Backoff.delayMillis(config.initialBackoff(), config.maxBackoff(), attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fetching " + redact(uri), e);
            }
            int code = resp.statusCode();
            if (code == 200) {
                return resp;
            }
            String body = drain(resp);
            if (code == 401 || code == 403) {
                throw new IllegalStateException("Polygon rejected the API key (HTTP " + code + ") for " + redact(uri)
                        + ": check POLYGON_API_KEY and the plan's entitlements; server said: " + body);
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
            throw new IllegalStateException("Polygon request " + redact(uri) + " failed with HTTP " + code
                    + (code == 429 || code >= 500 ? " after " + (attempt + 1) + " attempts" : "") + ": " + body);
        }
    }

    private String drain(HttpResponse<InputStream> resp) {
        try (InputStream in = resp.body()) {
            String s = new String(in.readNBytes(300), StandardCharsets.UTF_8).replace('\n', ' ');
            return config.apiKey().length() < 8 ? s : s.replace(config.apiKey(), "****");
        } catch (IOException e) {
            return "(no body)";
        }
    }

    /** next_url on the configured host; apiKey parameters dropped. */
    URI rebase(String next) {
        URI u = URI.create(next);
        StringBuilder q = new StringBuilder();
        if (u.getRawQuery() != null) {
            for (String part : u.getRawQuery().split("&")) {
                if (!part.startsWith("apiKey=") && !part.startsWith("apikey=")) {
                    q.append(q.length() == 0 ? "" : "&").append(part);
                }
            }
        }
        return config.restUrl().resolve(u.getRawPath() + (q.length() == 0 ? "" : "?" + q));
    }

    private String redact(URI uri) {
        return config.apiKey().length() < 8 ? uri.toString() : uri.toString().replace(config.apiKey(), "****");
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
