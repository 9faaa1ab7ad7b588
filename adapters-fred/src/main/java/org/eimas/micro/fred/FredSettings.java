package org.eimas.micro.fred;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach FRED: base URL (default FRED's own), API key (from {@code FRED_API_KEY} or the
 * config file; never printed: {@link #toString()} masks it), page size, retry policy and the
 * request rate (FRED allows 120 requests per minute; the default stays at 110).
 *
 * @param baseUrl           e.g. {@code https://api.stlouisfed.org}; the path {@code /fred/series/observations} is appended
 * @param apiKey            FRED API key, may be null until a request is actually made
 * @param pageLimit         observations per request (FRED's {@code limit}, 1..100000)
 * @param maxAttempts       attempts per request for HTTP 429, 5xx and I/O errors (>= 1)
 * @param initialBackoff    wait before the second attempt; doubled each time up to {@code maxBackoff}
 * @param maxBackoff        longest wait between attempts (a {@code Retry-After} header is honoured up to this)
 * @param requestsPerMinute sliding-window request limit (1..120)
 * @param requestTimeout    timeout of one HTTP request
 */
public record FredSettings(URI baseUrl, String apiKey, int pageLimit, int maxAttempts, Duration initialBackoff,
                           Duration maxBackoff, int requestsPerMinute, Duration requestTimeout) {
    public static final String DEFAULT_URL = "https://api.stlouisfed.org";
    public static final int MAX_PAGE_LIMIT = 100_000;
    public static final int FRED_REQUESTS_PER_MINUTE = 120;

    public FredSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("FRED base URL must be an http(s) URL with a host, got '" + baseUrl + "'");
        }
        if (pageLimit < 1 || pageLimit > MAX_PAGE_LIMIT) {
            throw new IllegalArgumentException("FRED page limit must be 1.." + MAX_PAGE_LIMIT + ", got " + pageLimit);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        if (requestsPerMinute < 1 || requestsPerMinute > FRED_REQUESTS_PER_MINUTE) {
            throw new IllegalArgumentException("requestsPerMinute must be 1.." + FRED_REQUESTS_PER_MINUTE
                    + " (FRED's limit), got " + requestsPerMinute);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
        }
    }

    /** Production defaults: 100000 per page, 5 attempts from 0.5 s up to 30 s, 110 requests/minute, 30 s timeout. */
    public static FredSettings of(String baseUrl, String apiKey) {
        String url = baseUrl == null || baseUrl.isBlank() ? DEFAULT_URL : baseUrl.trim();
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("FRED base URL '" + url + "' is not a URL: " + e.getMessage(), e);
        }
        return new FredSettings(uri, apiKey, MAX_PAGE_LIMIT, 5, Duration.ofMillis(500), Duration.ofSeconds(30), 110,
                Duration.ofSeconds(30));
    }

    public FredSettings withPageLimit(int limit) {
        return new FredSettings(baseUrl, apiKey, limit, maxAttempts, initialBackoff, maxBackoff, requestsPerMinute,
                requestTimeout);
    }

    public FredSettings withRetries(int attempts, Duration initial, Duration max) {
        return new FredSettings(baseUrl, apiKey, pageLimit, attempts, initial, max, requestsPerMinute, requestTimeout);
    }

    public FredSettings withRequestsPerMinute(int perMinute) {
        return new FredSettings(baseUrl, apiKey, pageLimit, maxAttempts, initialBackoff, maxBackoff, perMinute,
                requestTimeout);
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "FredSettings[baseUrl=" + baseUrl + ", apiKey=" + (hasApiKey() ? "set" : "unset") + ", pageLimit="
                + pageLimit + ", maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", requestsPerMinute=" + requestsPerMinute + ", requestTimeout=" + requestTimeout + "]";
    }
}
