package org.eimas.micro.alpaca;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach Alpaca's market data v2. Key id and secret come from configuration or
 * the environment ({@code APCA_API_KEY_ID}, {@code APCA_API_SECRET_KEY}) and never appear in
 * {@link #toString()}, a URL or a log line.
 *
 * @param keyId     API key id
 * @param secret    API secret key
 * @param wsUrl     stream, {@code wss://stream.data.alpaca.markets/v2/iex} (free) or {@code .../v2/sip}
 * @param restUrl   REST base, {@code https://data.alpaca.markets}
 * @param feed      REST {@code feed} parameter ({@code iex} or {@code sip}), or null for the plan's default
 * @param lotSize   shares per unit of the quote size fields (the entity docs say "bid size": 1)
 * @param initialBackoff first reconnect / retry delay
 * @param maxBackoff     cap of the exponential backoff
 * @param maxRetries     HTTP attempts for 429 and 5xx
 */
public record AlpacaConfig(String keyId, String secret, URI wsUrl, URI restUrl, String feed, int lotSize,
                           Duration initialBackoff, Duration maxBackoff, int maxRetries) {
    public static final URI IEX = URI.create("wss://stream.data.alpaca.markets/v2/iex");
    public static final URI SIP = URI.create("wss://stream.data.alpaca.markets/v2/sip");
    public static final URI REST = URI.create("https://data.alpaca.markets");

    public AlpacaConfig {
        if (keyId == null || keyId.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("Alpaca credentials missing: set APCA_API_KEY_ID and APCA_API_SECRET_KEY "
                    + "(or alpaca.keyId / alpaca.secretKey in the config)");
        }
        if (lotSize < 1) {
            throw new IllegalArgumentException("lotSize must be >= 1, got " + lotSize);
        }
    }

    public static AlpacaConfig of(String keyId, String secret) {
        return new AlpacaConfig(keyId, secret, IEX, REST, null, 1, Duration.ofMillis(500), Duration.ofSeconds(30), 5);
    }

    public static AlpacaConfig fromEnvironment() {
        return of(System.getenv("APCA_API_KEY_ID"), System.getenv("APCA_API_SECRET_KEY"));
    }

    public AlpacaConfig withWsUrl(URI u) {
        return new AlpacaConfig(keyId, secret, u, restUrl, feed, lotSize, initialBackoff, maxBackoff, maxRetries);
    }

    public AlpacaConfig withRestUrl(URI u) {
        return new AlpacaConfig(keyId, secret, wsUrl, u, feed, lotSize, initialBackoff, maxBackoff, maxRetries);
    }

    public AlpacaConfig withFeed(String f) {
        return new AlpacaConfig(keyId, secret, wsUrl, restUrl, f, lotSize, initialBackoff, maxBackoff, maxRetries);
    }

    public AlpacaConfig withBackoff(Duration initial, Duration max) {
        return new AlpacaConfig(keyId, secret, wsUrl, restUrl, feed, lotSize, initial, max, maxRetries);
    }

    /** Replaces both secrets (when at least 8 characters, as real ones are) in a text that might echo them. */
    String scrub(String s) {
        if (s == null) {
            return "";
        }
        String out = secret.length() < 8 ? s : s.replace(secret, "****");
        return keyId.length() < 8 ? out : out.replace(keyId, "****");
    }

    @Override
    public String toString() {
        return "AlpacaConfig[keyId=****, secret=****, wsUrl=" + wsUrl + ", restUrl=" + restUrl + ", feed=" + feed + "]";
    }
}
