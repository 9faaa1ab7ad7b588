package org.eimas.micro.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eimas.micro.application.monitor.MonitorUpdate;
import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.store.StoredAlert;
import org.junit.jupiter.api.Test;

class DashboardHubTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long S = 1_000_000_000L;

    static MonitorUpdate update(String sym, long ts, double vpin) {
        return new MonitorUpdate(sym, ts, 100.5, 1.99, 3, -7, vpin, Double.NaN, "NONE", null, null, 0.5, 0.25,
                Double.NaN, "FLAT", 10, 20, Map.of());
    }

    @Test
    void nanIsWrittenAsNullAndEveryContractKeyIsPresent() throws Exception {
        JsonNode j = JSON.readTree(DashboardJson.update(update("SPY", 42, Double.NaN)));
        assertThat(j.fieldNames()).toIterable().containsSubsequence(DashboardJson.UPDATE_KEYS);
        assertThat(j.get("vpin").isNull()).isTrue();
        assertThat(j.get("vpin_cdf").isNull()).isTrue();
        assertThat(j.get("forecast_bps").isNull()).isTrue();
        assertThat(j.get("path18").isNull()).isTrue();
        assertThat(j.get("mid").asDouble()).isEqualTo(100.5);
        assertThat(j.get("cum_ofi").asDouble()).isEqualTo(-7);
        assertThat(j.get("ts").asLong()).isEqualTo(42);
    }

    /** A 60 s window of updates every 5 s ending at 200 s keeps ts 140..200: 13 points (hand count). */
    @Test
    void historyKeepsTheRollingWindowInEventTime() throws Exception {
        DashboardHub hub = new DashboardHub(60 * S, 1000);
        for (long t = 0; t <= 200; t += 5) {
            hub.onUpdate(update("SPY", t * S, 0.3));
        }
        hub.onUpdate(update("QQQ", 7 * S, 0.3));
        assertThat(hub.history("SPY")).hasSize(13);
        assertThat(JSON.readTree(hub.history("SPY").get(0)).get("ts").asLong()).isEqualTo(140 * S);
        assertThat(hub.history("QQQ")).hasSize(1);
        assertThat(hub.history("XYZ")).isEmpty();
        DashboardHub capped = new DashboardHub(3600 * S, 4);
        for (long t = 0; t < 10; t++) {
            capped.onUpdate(update("SPY", t * S, 0.3));
        }
        assertThat(capped.history("SPY")).hasSize(4);
    }

    /** A client that never reads keeps only its newest frames; the publisher is never blocked. */
    @Test
    void aStuckClientDropsItsOldestFramesAndIsCounted() throws Exception {
        DashboardHub hub = new DashboardHub(60 * S, 1000);
        hub.onUpdate(update("SPY", 0, 0.1));
        SseSubscriber stuck = hub.subscribe(8);   // gets status + latest SPY = 2 frames
        SseSubscriber reader = hub.subscribe(1000);
        for (int i = 1; i <= 100; i++) {
            hub.onUpdate(update("SPY", i * S, i / 1000.0));
        }
        hub.onAlert(new StoredAlert(1, 101 * S, "SPY", "vpin", "HIGH", "High toxicity flow detected", Map.of("vpin", 0.71)));
        hub.onStatus(ConnectionStatus.CLOSED, "session over");
        // offered to each: 2 initial + 100 updates + 1 alert + 1 status = 104
        assertThat(stuck.pending()).isEqualTo(8);
        assertThat(stuck.dropped()).isEqualTo(104 - 8);
        assertThat(reader.pending()).isEqualTo(104);
        assertThat(reader.dropped()).isZero();
        assertThat(hub.droppedFrames()).isEqualTo(96);
        // the stuck client's queue holds the 8 newest frames, oldest first: updates 95..100, alert, status
        String[] tail = new String[8];
        for (int i = 0; i < 8; i++) {
            tail[i] = new String(stuck.pollNow(), StandardCharsets.UTF_8);
        }
        assertThat(tail[0]).startsWith("event: update\ndata: ").contains("\"ts\":" + 95 * S);
        assertThat(tail[5]).contains("\"ts\":" + 100 * S);
        assertThat(tail[6]).startsWith("event: alert\ndata: ").contains("\"level\":\"HIGH\"");
        assertThat(tail[7]).isEqualTo("event: status\ndata: {\"status\":\"CLOSED\",\"detail\":\"session over\"}\n\n");
        hub.unsubscribe(stuck);
        assertThat(hub.droppedFrames()).as("drops of departed clients stay counted").isEqualTo(96);
        assertThat(hub.clientCount()).isEqualTo(1);
        assertThat(hub.recentAlerts(101 * S)).hasSize(1);
        assertThat(hub.recentAlerts(102 * S)).isEmpty();
    }
}
