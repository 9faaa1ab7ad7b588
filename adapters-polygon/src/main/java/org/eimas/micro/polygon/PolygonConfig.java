package org.eimas.micro.polygon;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach Polygon. The API key comes from configuration or the environment
 * ({@code POLYGON_API_KEY}) and is never part of {@link #toString()}, a URL or a log line.
 *
 * @param apiKey         the key (sent in the WebSocket auth message and as a Bearer header)
 * @param wsUrl          stocks stream, {@code wss://socket.polygon.io/stocks} (real time) or
 *                       {@code wss://delayed.polygon.io/stocks} (15-minute delayed)
 * @param restUrl        REST base, {@code https://api.polygon.io}
 * @param lotSize        shares per round lot: WebSocket and v3 quote sizes are in round lots
 * @param initialBackoff first reconnect / retry delay
 * @param maxBackoff     cap of the exponential backoff
 * @param maxRetries     HTTP attempts for 429 and 5xx before giving up
 */
public record PolygonConfig(String apiKey, URI wsUrl, URI restUrl, int lotSize, Duration initialBackoff,
                            Duration maxBackoff, int maxRetries) {
    public static final URI REALTIME = URI.create("wss://socket.polygon.io/stocks");
    public static final URI DELAYED = URI.create("wss://delayed.polygon.io/stocks");
    public static final URI REST = URI.create("https://api.polygon.io");

    public PolygonConfig {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("Polygon API key missing: set POLYGON_API_KEY or polygon.apiKey in the config");
        }
        if (lotSize < 1) {
            throw new IllegalArgumentException("lotSize must be >= 1, got " + lotSize);
        }
    }

    public static PolygonConfig of(String apiKey) {
        return new PolygonConfig(apiKey, REALTIME, REST, 100, Duration.ofMillis(500), Duration.ofSeconds(30), 5);
    }

    public static PolygonConfig fromEnvironment() {
        return of(System.getenv("POLYGON_API_KEY"));
    }

    public PolygonConfig withWsUrl(URI u) {
        return new PolygonConfig(apiKey, u, restUrl, lotSize, initialBackoff, maxBackoff, maxRetries);
    }

    public PolygonConfig withRestUrl(URI u) {
        return new PolygonConfig(apiKey, wsUrl, u, lotSize, initialBackoff, maxBackoff, maxRetries);
    }

    public PolygonConfig withBackoff(Duration initial, Duration max) {
        return new PolygonConfig(apiKey, wsUrl, restUrl, lotSize, initial, max, maxRetries);
    }

    @Override
    public String toString() {
        return "PolygonConfig[apiKey=****, wsUrl=" + wsUrl + ", restUrl=" + restUrl + ", lotSize=" + lotSize + "]";
    }
}
