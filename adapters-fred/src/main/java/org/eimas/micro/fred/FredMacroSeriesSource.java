package org.eimas.micro.fred;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.eimas.micro.domain.port.MacroSeriesSource;
import org.eimas.micro.domain.store.MacroSeries;

/**
 * {@link MacroSeriesSource} over FRED's {@code fred/series/observations} JSON API
 * (https://fred.stlouisfed.org/docs/api/fred/series_observations.html).
 *
 * <ul>
 *   <li>Values are strings; {@code "."} is a missing observation and stays missing
 *       ({@code missing = true}, value NaN), never 0.</li>
 *   <li>Pages through {@code offset}/{@code limit} until {@code count} observations are read.</li>
 *   <li>HTTP 429, 5xx and I/O errors are retried with exponential backoff (a {@code Retry-After}
 *       header is honoured); 400 and other 4xx fail at once with FRED's {@code error_message} and the
 *       series named.</li>
 *   <li>Every request passes a {@link RequestRateLimiter} (under FRED's 120 requests per minute).</li>
 *   <li>With {@code asOf} (ALFRED) the request carries {@code realtime_start = realtime_end = asOf} and only
 *       observations whose real-time period contains {@code asOf} are kept: the values known on that date.</li>
 *   <li>The API key is sent only as the {@code api_key} query parameter; it never appears in a message.</li>
 * </ul>
 */
public final class FredMacroSeriesSource implements MacroSeriesSource {
    private static final Pattern SERIES_ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final String PATH = "/fred/series/observations";

    private final FredSettings settings;
    private final HttpClient http;
    private final RequestRateLimiter limiter;
    private final RequestRateLimiter.Sleeper sleeper;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong requests = new AtomicLong();

    public FredMacroSeriesSource(FredSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NORMAL).build(),
                RequestRateLimiter.perMinute(settings.requestsPerMinute()), RequestRateLimiter.Sleeper.SYSTEM);
    }

    /** With an explicit HTTP client, rate limiter and sleeper (for backoff), e.g. for tests. */
    public FredMacroSeriesSource(FredSettings settings, HttpClient http, RequestRateLimiter limiter,
                                 RequestRateLimiter.Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** HTTP requests sent so far (retries included). */
    public long requestCount() {
        return requests.get();
    }

    /** Checks a FRED series id (letters, digits, underscore); returns it. */
    public static String checkSeriesId(String id) {
        if (id == null || !SERIES_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a FRED series id (letters, digits and _ only, e.g. DGS10)");
        }
        return id;
    }

    @Override
    public MacroSeries fetch(String seriesId, LocalDate from, LocalDate to, Optional<LocalDate> asOf) {
        checkSeriesId(seriesId);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("series " + seriesId + ": from " + from + " is after to " + to);
        }
        if (!settings.hasApiKey()) {
            throw new IllegalStateException("FRED API key is not set (series " + seriesId + "): set the environment "
                    + "variable FRED_API_KEY or fred.apiKey in the config file, or read downloaded FRED CSV files "
                    + "with 'eimas macro import'");
        }
        List<MacroSeries.Observation> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            JsonNode page = get(seriesId, uri(seriesId, from, to, asOf, offset, true));
            JsonNode obs = page.get("observations");
            JsonNode count = page.get("count");
            if (obs == null || !obs.isArray() || count == null || !count.canConvertToInt()) {
                throw new FredApiException(seriesId, 200, "FRED series " + seriesId
                        + ": the response has no 'observations' array or 'count' (offset " + offset + ")", null);
            }
            JsonNode echoed = page.get("offset");
            if (echoed != null && echoed.canConvertToInt() && echoed.asInt() != offset) {
                throw new FredApiException(seriesId, 200, "FRED series " + seriesId + ": asked for offset " + offset
                        + ", the answer is for offset " + echoed.asInt() + " (the server does not page)", null);
            }
            for (JsonNode o : obs) {
                out.add(observation(seriesId, o));
            }
            offset += obs.size();
            if (offset >= count.asInt()) {
                break;
            }
            if (obs.size() == 0) {
                throw new FredApiException(seriesId, 200, "FRED series " + seriesId + ": empty page at offset " + offset
                        + " although count is " + count.asInt(), null);
            }
        }
        return new MacroSeries(seriesId, pointInTime(seriesId, out, asOf));
    }

    /** Keeps the observations known on asOf and checks that dates increase. */
    private static List<MacroSeries.Observation> pointInTime(String id, List<MacroSeries.Observation> all,
                                                             Optional<LocalDate> asOf) {
        List<MacroSeries.Observation> kept = new ArrayList<>(all.size());
        for (MacroSeries.Observation o : all) {
            if (asOf.isPresent()) {
                LocalDate d = asOf.get();
                if (o.realtimeStart() == null || o.realtimeEnd() == null || o.realtimeStart().isAfter(d)
                        || o.realtimeEnd().isBefore(d)) {
                    continue;
                }
            }
            kept.add(o);
        }
        kept.sort((a, b) -> a.date().compareTo(b.date()));
        for (int i = 1; i < kept.size(); i++) {
            if (kept.get(i).date().equals(kept.get(i - 1).date())) {
                throw new FredApiException(id, 200, "FRED series " + id + ": two values for " + kept.get(i).date()
                        + (asOf.isPresent() ? " in the vintage of " + asOf.get() : " (ask for one vintage with as-of)"), null);
            }
        }
        return kept;
    }

    private static MacroSeries.Observation observation(String id, JsonNode o) {
        String date = text(o, "date");
        String value = text(o, "value");
        try {
            LocalDate d = LocalDate.parse(date);
            LocalDate rs = o.hasNonNull("realtime_start") ? LocalDate.parse(o.get("realtime_start").asText()) : null;
            LocalDate re = o.hasNonNull("realtime_end") ? LocalDate.parse(o.get("realtime_end").asText()) : null;
            if (value == null) {
                throw new FredApiException(id, 200, "FRED series " + id + " on " + date + ": no 'value'", null);
            }
            String v = value.trim();
            if (v.equals(".")) {
                return new MacroSeries.Observation(d, Double.NaN, true, rs, re);
            }
            double x;
            try {
                x = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                x = Double.NaN;
            }
            if (!Double.isFinite(x)) {
                throw new FredApiException(id, 200, "FRED series " + id + " on " + date + ": value '" + value
                        + "' is neither a number nor '.' (missing)", null);
            }
            return new MacroSeries.Observation(d, x, false, rs, re);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new FredApiException(id, 200, "FRED series " + id + ": observation " + o + " has no valid date, "
                    + "realtime_start or realtime_end", e);
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The request URI; with {@code withKey == false} the key is replaced by *** (for messages). */
    URI uri(String id, LocalDate from, LocalDate to, Optional<LocalDate> asOf, int offset, boolean withKey) {
        StringBuilder q = new StringBuilder(settings.baseUrl().toString()).append(PATH)
                .append("?series_id=").append(id)
                .append("&api_key=").append(withKey ? URLEncoder.encode(settings.apiKey(), StandardCharsets.UTF_8) : "***")
                .append("&file_type=json")
                .append("&observation_start=").append(from)
                .append("&observation_end=").append(to);
        asOf.ifPresent(d -> q.append("&realtime_start=").append(d).append("&realtime_end=").append(d));
        q.append("&sort_order=asc&limit=").append(settings.pageLimit()).append("&offset=").append(offset);
        return URI.create(q.toString());
    }

    private String redact(String s) {
        if (s == null) {
            return null;
        }
        String key = settings.apiKey();
        return key == null || key.isEmpty() ? s : s.replace(key, "***");
    }

    private String describe(URI withKey) {
        return redact(withKey.toString());
    }

    private JsonNode get(String id, URI uri) {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Accept", "application/json").header("User-Agent", "eimas-micro").GET().build();
        String lastProblem = null;
        int lastStatus = 0;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Duration retryAfter = null;
            try {
                limiter.acquire();
                requests.incrementAndGet();
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = r.statusCode();
                if (status == 200) {
                    return parse(id, r.body());
                }
                lastStatus = status;
                String fredMessage = errorMessage(r.body());
                if (status != 429 && status < 500) {
                    throw new FredApiException(id, status, "FRED rejected the request for series " + id + " (HTTP " + status
                            + "): " + redact(fredMessage), null);
                }
                lastProblem = "HTTP " + status + (fredMessage.isEmpty() ? "" : ": " + redact(fredMessage));
                retryAfter = r.headers().firstValue("Retry-After").map(FredMacroSeriesSource::seconds).orElse(null);
            } catch (IOException e) {
                lastStatus = 0;
                lastProblem = "I/O error: " + redact(String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FredApiException(id, 0, "interrupted while fetching FRED series " + id, e);
            }
            if (attempt < settings.maxAttempts()) {
                sleep(id, backoff(attempt, retryAfter));
            }
        }
        throw new FredApiException(id, lastStatus, "FRED series " + id + ": " + lastProblem + " after "
                + settings.maxAttempts() + " attempts (" + describe(uri) + ")", null);
    }

    private static Duration seconds(String header) {
        try {
            long s = Long.parseLong(header.trim());
            return s >= 0 ? Duration.ofSeconds(s) : null;
        } catch (NumberFormatException e) {
            return null; // an HTTP date: fall back to our own backoff
        }
    }

    /** Exponential: initial * 2^(attempt-1), at most maxBackoff; Retry-After wins when longer (capped the same). */
    Duration backoff(int attempt, Duration retryAfter) {
        Duration max = settings.maxBackoff();
        Duration d = settings.initialBackoff();
        for (int i = 1; i < attempt && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        if (retryAfter != null && retryAfter.compareTo(d) > 0) {
            d = retryAfter;
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    private void sleep(String id, Duration d) {
        try {
            sleeper.sleepNanos(d.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FredApiException(id, 0, "interrupted while fetching FRED series " + id, e);
        }
    }

    private JsonNode parse(String id, String body) {
        try {
            JsonNode n = mapper.readTree(body);
            if (n == null || !n.isObject()) {
                throw new IOException("not a JSON object");
            }
            return n;
        } catch (IOException e) {
            String head = body == null ? "" : body.substring(0, Math.min(120, body.length())).replace('\n', ' ');
            throw new FredApiException(id, 200, "FRED series " + id + ": the answer is not FRED's JSON ("
                    + e.getMessage().split("\n")[0] + "): '" + redact(head) + "'", e);
        }
    }

    /** FRED's {@code error_message}, or the start of the body when it is not FRED's JSON error. */
    private String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode n = mapper.readTree(body);
            if (n != null && n.hasNonNull("error_message")) {
                return n.get("error_message").asText().replaceAll("\\s+", " ").trim();
            }
        } catch (IOException e) {
            // not JSON: fall through
        }
        return body.substring(0, Math.min(200, body.length())).replaceAll("\\s+", " ").trim();
    }
}
