package org.eimas.micro.fred;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for api.stlouisfed.org on 127.0.0.1, answering {@code /fred/series/observations}
 * in FRED's documented JSON: the envelope (realtime_start, realtime_end, observation_start,
 * observation_end, units, output_type, file_type, order_by, sort_order, count, offset, limit) and
 * {@code observations} of {realtime_start, realtime_end, date, value}, paged by offset/limit; errors
 * as {@code {"error_code":400,"error_message":"..."}}.
 *
 * <p>Series: VIXCLS (5 daily values, one "."), DGS10 (429 once, then 2 values), DOWN (always 503),
 * GDP (three vintages, ALFRED semantics: rows whose real-time period overlaps the requested one,
 * clipped to it), ALLVINTAGES (ignores realtime parameters and returns every vintage row),
 * BADVALUE (a value "n/a"), NOPAGING (ignores offset); anything else is FRED's 400 "The series does not exist.".
 */
final class FakeFredServer implements AutoCloseable {
    static final String KEY = "abcdef0123456789abcdef0123456789";
    static final LocalDate TODAY = LocalDate.parse("2026-11-25");

    /** One stored row: a value valid for dates within its real-time period. */
    record Row(String date, String value, LocalDate rtStart, LocalDate rtEnd) {
    }

    private final HttpServer server;
    private final Map<String, List<Row>> series = new HashMap<>();
    final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger dgs10Calls = new AtomicInteger();

    FakeFredServer() throws IOException {
        LocalDate far = LocalDate.parse("9999-12-31");
        LocalDate old = LocalDate.parse("2000-01-01");
        series.put("VIXCLS", List.of(new Row("2024-01-02", "13.20", old, far), new Row("2024-01-03", "14.04", old, far),
                new Row("2024-01-04", ".", old, far), new Row("2024-01-05", "13.35", old, far),
                new Row("2024-01-08", "13.08", old, far)));
        series.put("DGS10", List.of(new Row("2024-01-02", "3.95", old, far), new Row("2024-01-03", "3.91", old, far)));
        // GDP for 2024-01-01 was first 100.0 (advance, 2024-04-25), revised to 101.5 (2024-05-30), then 102.25
        List<Row> gdp = List.of(
                new Row("2023-10-01", "99.0", LocalDate.parse("2024-01-25"), far),
                new Row("2024-01-01", "100.0", LocalDate.parse("2024-04-25"), LocalDate.parse("2024-05-29")),
                new Row("2024-01-01", "101.5", LocalDate.parse("2024-05-30"), LocalDate.parse("2024-09-25")),
                new Row("2024-01-01", "102.25", LocalDate.parse("2024-09-26"), far));
        series.put("GDP", gdp);
        series.put("ALLVINTAGES", gdp);
        series.put("NOPAGING", series.get("VIXCLS")); // always answers the first page
        series.put("BADVALUE", List.of(new Row("2024-01-02", "n/a", old, far)));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fred/series/observations", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            q.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        requests.add(q);
        String id = q.get("series_id");
        if (!KEY.equals(q.get("api_key"))) {
            send(ex, 400, "{\"error_code\":400,\"error_message\":\"Bad Request.  The value for variable api_key is not "
                    + "registered.  Read https://fred.stlouisfed.org/docs/api/api_key.html for more information.\"}", null);
            return;
        }
        if ("DOWN".equals(id)) {
            send(ex, 503, "<html>Service Unavailable</html>", null);
            return;
        }
        if ("DGS10".equals(id) && dgs10Calls.getAndIncrement() == 0) {
            send(ex, 429, "{\"error_code\":429,\"error_message\":\"Too Many Requests.  Exceeded Rate Limit\"}", "0");
            return;
        }
        List<Row> rows = series.get(id);
        if (rows == null) {
            send(ex, 400, "{\"error_code\":400,\"error_message\":\"Bad Request.  The series does not exist.\"}", null);
            return;
        }
        LocalDate rs = LocalDate.parse(q.getOrDefault("realtime_start", TODAY.toString()));
        LocalDate re = LocalDate.parse(q.getOrDefault("realtime_end", TODAY.toString()));
        LocalDate os = LocalDate.parse(q.getOrDefault("observation_start", "1776-07-04"));
        LocalDate oe = LocalDate.parse(q.getOrDefault("observation_end", "9999-12-31"));
        boolean clip = !"ALLVINTAGES".equals(id);
        List<String> selected = new ArrayList<>();
        for (Row r : rows) {
            LocalDate d = LocalDate.parse(r.date());
            if (d.isBefore(os) || d.isAfter(oe)) {
                continue;
            }
            if (clip && (r.rtStart().isAfter(re) || r.rtEnd().isBefore(rs))) {
                continue;
            }
            LocalDate s = clip && r.rtStart().isBefore(rs) ? rs : r.rtStart();
            LocalDate e = clip && r.rtEnd().isAfter(re) ? re : r.rtEnd();
            selected.add("{\"realtime_start\":\"" + s + "\",\"realtime_end\":\"" + e + "\",\"date\":\"" + r.date()
                    + "\",\"value\":\"" + r.value() + "\"}");
        }
        int limit = Integer.parseInt(q.getOrDefault("limit", "100000"));
        int offset = "NOPAGING".equals(id) ? 0 : Integer.parseInt(q.getOrDefault("offset", "0"));
        List<String> page = selected.subList(Math.min(offset, selected.size()), Math.min(offset + limit, selected.size()));
        String body = "{\"realtime_start\":\"" + rs + "\",\"realtime_end\":\"" + re + "\",\"observation_start\":\"" + os
                + "\",\"observation_end\":\"" + oe + "\",\"units\":\"lin\",\"output_type\":1,\"file_type\":\"json\","
                + "\"order_by\":\"observation_date\",\"sort_order\":\"asc\",\"count\":" + selected.size()
                + ",\"offset\":" + offset + ",\"limit\":" + limit + ",\"observations\":[" + String.join(",", page) + "]}";
        send(ex, 200, body, null);
    }

    private static void send(HttpExchange ex, int status, String body, String retryAfter) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        if (retryAfter != null) {
            ex.getResponseHeaders().add("Retry-After", retryAfter);
        }
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
