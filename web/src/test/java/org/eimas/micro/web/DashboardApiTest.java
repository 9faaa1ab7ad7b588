package org.eimas.micro.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eimas.micro.application.monitor.MonitorUpdate;
import org.eimas.micro.domain.port.AlertStore;
import org.eimas.micro.domain.store.StoredAlert;
import org.junit.jupiter.api.Test;

/** The JSON API and the SSE stream, read by an in-process JDK HttpClient against the synthetic feed. */
class DashboardApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Compares one JSON update with the monitor's own update: every contract key, NaN as null. */
    static void assertSameUpdate(JsonNode j, MonitorUpdate u) {
        assertThat(j.get("symbol").asText()).isEqualTo(u.symbol());
        assertThat(j.get("ts").asLong()).isEqualTo(u.ts());
        num(j, "mid", u.mid());
        num(j, "spread_bps", u.spreadBps());
        num(j, "ofi", u.ofi());
        num(j, "cum_ofi", u.cumOfi());
        num(j, "vpin", u.vpin());
        num(j, "vpin_cdf", u.vpinCdf());
        num(j, "hawkes_buy", u.hawkesBuy());
        num(j, "hawkes_sell", u.hawkesSell());
        num(j, "forecast_bps", u.forecastBps());
        assertThat(j.get("alert_level").asText()).isEqualTo(u.alertLevel());
        assertThat(j.get("direction").asText()).isEqualTo(u.direction());
        assertThat(j.get("path18").isNull()).isEqualTo(u.path18() == null);
        assertThat(j.get("path12").isNull()).isEqualTo(u.path12() == null);
    }

    private static void num(JsonNode j, String key, double expected) {
        JsonNode n = j.get(key);
        assertThat(n).as(key).isNotNull();
        if (Double.isNaN(expected)) {
            assertThat(n.isNull()).as(key + " is null for NaN").isTrue();
        } else {
            assertThat(n.asDouble()).as(key).isEqualTo(expected);
        }
    }

    @Test
    void apiAndEventStreamCarryTheMonitorsUpdates() throws Exception {
        try (LiveFixture f = new LiveFixture(0.5, 0, 5, null, DashboardSettings.loopback(0))) {
            HttpResponse<String> syms = Http.get(f.base + "/api/symbols");
            assertThat(syms.statusCode()).isEqualTo(200);
            assertThat(syms.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(syms.body()).isEqualTo("[\"SPY\",\"QQQ\"]");

            // before any update the known symbol answers with nulls, the unknown one 404 + JSON error
            JsonNode empty = JSON.readTree(Http.get(f.base + "/api/state/SPY").body());
            assertThat(empty.get("symbol").asText()).isEqualTo("SPY");
            assertThat(empty.get("vpin").isNull()).isTrue();
            HttpResponse<String> unknown = Http.get(f.base + "/api/state/XYZ");
            assertThat(unknown.statusCode()).isEqualTo(404);
            JsonNode err = JSON.readTree(unknown.body());
            assertThat(err.get("error").asText()).contains("unknown symbol: XYZ");
            assertThat(Http.get(f.base + "/api/history/XYZ").statusCode()).isEqualTo(404);
            HttpResponse<String> noEndpoint = Http.get(f.base + "/api/nope");
            assertThat(noEndpoint.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(noEndpoint.body()).get("error").asText()).isEqualTo("no such endpoint: GET /api/nope");
            assertThat(Http.get(f.base + "/api/alerts?since=yesterday").statusCode()).isEqualTo(400);

            try (SseReader sse = new SseReader(Http.CLIENT, f.base + "/events", true)) {
                assertThat(Http.await(() -> f.hub.clientCount() == 1, 5_000)).isTrue();
                f.startFeed();
                assertThat(f.awaitFeedEnd(60)).as("the simulated half hour finished").isTrue();
                assertThat(Http.await(() -> sse.updates() == f.hub.updates(), 10_000))
                        .as("SSE delivered all %d updates (got %d)", f.hub.updates(), sse.updates()).isTrue();
                // the feed's final status travels behind the last update: wait for it too
                assertThat(Http.await(() -> sse.events().stream()
                        .anyMatch(e -> e.name().equals("status") && e.data().contains("CLOSED")), 10_000))
                        .as("the CLOSED status reached the client").isTrue();
                assertThat(sse.status()).isEqualTo(200);

                // every update event is one the monitor published, with the same numbers, in event-time order
                Map<String, Long> lastTs = new HashMap<>();
                int updates = 0;
                List<String> statuses = new ArrayList<>();
                for (SseReader.Event e : sse.events()) {
                    JsonNode j = JSON.readTree(e.data());
                    if (e.name().equals("update")) {
                        List<String> keys = new ArrayList<>();
                        j.fieldNames().forEachRemaining(keys::add);
                        assertThat(keys).containsSubsequence(DashboardJson.UPDATE_KEYS);
                        MonitorUpdate u = f.published.get(j.get("symbol").asText() + "@" + j.get("ts").asLong());
                        assertThat(u).as("published update for %s", e.data()).isNotNull();
                        assertSameUpdate(j, u);
                        Long prev = lastTs.put(u.symbol(), u.ts());
                        assertThat(prev == null || prev < u.ts()).isTrue();
                        updates++;
                    } else if (e.name().equals("status")) {
                        statuses.add(j.get("status").asText());
                    }
                }
                // half an hour at one update per 5 s per symbol: 2 x ~360
                assertThat(updates).isEqualTo(f.published.size()).isBetween(600, 740);
                assertThat(statuses).contains("CONNECTED", "SUBSCRIBED", "CLOSED");
            }

            // /api/state is the latest update of that symbol
            for (String s : LiveFixture.SYMBOLS) {
                JsonNode st = JSON.readTree(Http.get(f.base + "/api/state/" + s).body());
                assertSameUpdate(st, f.monitor.latest(s));
                assertThat(st.get("vpin").asDouble()).isBetween(0.0, 1.0);
            }
            // /api/history: the rolling 30 minutes, oldest first, ending with the latest
            JsonNode hist = JSON.readTree(Http.get(f.base + "/api/history/SPY").body());
            assertThat(hist.size()).isGreaterThan(300);
            assertThat(hist.get(hist.size() - 1).get("ts").asLong()).isEqualTo(f.monitor.latest("SPY").ts());
            JsonNode status = JSON.readTree(Http.get(f.base + "/api/status").body());
            assertThat(status.get("status").asText()).isEqualTo("CLOSED");
            assertThat(status.get("updates").asLong()).isEqualTo(f.hub.updates());
            assertThat(status.get("monitor_dropped").asLong()).isZero();
        }
    }

    /** Alerts the monitor saved through the store come back from /api/alerts, filtered by since. */
    @Test
    void alertsComeFromTheStoreAndSinceFilters() throws Exception {
        RecordingAlertStore store = new RecordingAlertStore();
        try (LiveFixture f = new LiveFixture(1.0, 0, 5, store, DashboardSettings.loopback(0))) {
            f.startFeed();
            assertThat(f.awaitFeedEnd(60)).isTrue();
            List<StoredAlert> saved = store.since(Long.MIN_VALUE);
            JsonNode all = JSON.readTree(Http.get(f.base + "/api/alerts").body());
            assertThat(all.size()).isEqualTo(saved.size());
            assertThat(saved).as("the simulated hour with its liquidity event raises VPIN alerts").isNotEmpty();
            for (int i = 0; i < saved.size(); i++) {
                StoredAlert a = saved.get(i);
                JsonNode j = all.get(i);
                assertThat(j.get("id").asLong()).isEqualTo(a.id());
                assertThat(j.get("ts").asLong()).isEqualTo(a.ts());
                assertThat(j.get("symbol").asText()).isEqualTo(a.symbol());
                assertThat(j.get("level").asText()).isEqualTo(a.level());
                assertThat(j.get("source").asText()).isEqualTo(a.source());
                assertThat(j.get("message").asText()).isEqualTo(a.message());
                assertThat(j.get("inputs").size()).isEqualTo(a.inputs().size());
                for (Map.Entry<String, Double> in : a.inputs().entrySet()) {
                    assertThat(j.get("inputs").get(in.getKey()).asDouble()).as(in.getKey()).isEqualTo(in.getValue());
                }
            }
            long since = saved.get(saved.size() / 2).ts();
            long expected = saved.stream().filter(a -> a.ts() >= since).count();
            assertThat(JSON.readTree(Http.get(f.base + "/api/alerts?since=" + since).body()).size()).isEqualTo((int) expected);
            assertThat(f.hub.alerts()).isEqualTo(saved.size());
        }
    }

    @Test
    void aTokenGuardsApiAndEventsButNotThePage() throws Exception {
        String token = "s3cret-token-" + System.nanoTime();
        try (LiveFixture f = new LiveFixture(0.1, 0, 5, null, DashboardSettings.loopback(0).withToken(token))) {
            HttpResponse<String> no = Http.get(f.base + "/api/symbols");
            assertThat(no.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(no.body()).get("error").asText()).contains("token");
            assertThat(Http.get(f.base + "/api/symbols", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(Http.get(f.base + "/api/symbols", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
            assertThat(Http.get(f.base + "/api/symbols?token=" + token).statusCode()).isEqualTo(200);
            assertThat(Http.get(f.base + "/events").statusCode()).isEqualTo(401);
            HttpResponse<String> page = Http.get(f.base + "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("uPlot.iife.min.js").doesNotContain(token);
            HttpResponse<String> js = Http.get(f.base + "/webjars/uplot/uPlot.iife.min.js");
            assertThat(js.statusCode()).isEqualTo(200);
            assertThat(js.body()).contains("uPlot");
        }
    }

    @Test
    void bindingBeyondLoopbackNeedsAToken() {
        assertThatThrownBy(() -> DashboardSettings.loopback(8080).withHost("0.0.0.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requires a token")
                .hasMessageContaining("EIMAS_DASHBOARD_TOKEN");
        assertThat(DashboardSettings.loopback(8080).withToken("t").withHost("0.0.0.0").host()).isEqualTo("0.0.0.0");
        assertThat(DashboardSettings.isLoopback("127.0.0.1")).isTrue();
        assertThat(DashboardSettings.isLoopback("::1")).isTrue();
        assertThat(DashboardSettings.isLoopback("localhost")).isTrue();
        assertThat(DashboardSettings.isLoopback("10.0.0.5")).isFalse();
        assertThat(DashboardSettings.isLoopback("example.org")).isFalse();
        assertThat(DashboardSettings.loopback(1).withToken("abc").toString()).doesNotContain("abc");
    }

    /** An AlertStore in memory, numbering alerts as a database would. */
    static final class RecordingAlertStore implements AlertStore {
        private final List<StoredAlert> alerts = new ArrayList<>();

        @Override
        public synchronized long save(StoredAlert a) {
            long id = alerts.size() + 1;
            alerts.add(new StoredAlert(id, a.ts(), a.symbol(), a.source(), a.level(), a.message(), a.inputs()));
            return id;
        }

        @Override
        public synchronized List<StoredAlert> since(long sinceNs) {
            List<StoredAlert> out = new ArrayList<>();
            for (Iterator<StoredAlert> it = alerts.iterator(); it.hasNext(); ) {
                StoredAlert a = it.next();
                if (a.ts() >= sinceNs) {
                    out.add(a);
                }
            }
            return out;
        }
    }
}
