package org.eimas.micro.application.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.paths.CascadeTrigger;
import org.eimas.micro.domain.paths.LiquidityCascadePath;
import org.eimas.micro.domain.paths.MicrostructureStressPath;
import org.eimas.micro.domain.paths.StressTrigger;
import org.eimas.micro.domain.store.StoredAlert;
import org.eimas.micro.replay.sim.SyntheticMarketConfig;
import org.eimas.micro.replay.sim.SyntheticMarketFeed;
import org.junit.jupiter.api.Test;

/**
 * The monitor's path-18/path-12 statuses and alerts, checked against reference paths fed, update by
 * update, with the inputs the update itself reports (VPIN, the interval's OFI, spread, top-5 depth).
 */
class MonitorCriticalPathsTest {
    @Test
    void pathStatusesAndAlertsFollowTheReferencePaths() throws Exception {
        List<MonitorUpdate> updates = Collections.synchronizedList(new ArrayList<>());
        List<StoredAlert> alerts = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        MonitorSettings settings = MonitorSettings.defaults().withVpinBucketShares(2_000);
        RealtimeMonitor monitor = new RealtimeMonitor(settings, null, ForecastProvider.NONE);
        monitor.addListener(new MonitorListener() {
            @Override
            public void onUpdate(MonitorUpdate u) {
                updates.add(u);
            }

            @Override
            public void onAlert(StoredAlert a) {
                alerts.add(a);
            }

            @Override
            public void onStatus(ConnectionStatus status, String detail) {
                if (status == ConnectionStatus.CLOSED) {
                    done.countDown();
                }
            }
        });
        SyntheticMarketConfig day = SyntheticMarketConfig.of(List.of("SPY"), LocalDate.of(2024, 6, 3), 1.0, 7);
        try (RealtimeMonitor m = monitor.start(new SyntheticMarketFeed(day, 0), List.of("SPY"))) {
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            m.drain(5_000);
        }
        MicrostructureStressPath ref18 = new MicrostructureStressPath();
        LiquidityCascadePath ref12 = new LiquidityCascadePath();
        List<Long> expected18Alerts = new ArrayList<>();
        List<Long> expected12Alerts = new ArrayList<>();
        String prev18 = "NONE";
        boolean prev12 = false;
        int warnings = 0;
        for (MonitorUpdate u : updates) {
            double spread = u.features().get("spread");
            double depth = u.features().get("top_depth_5");
            if (!Double.isFinite(spread)) {
                assertThat(u.path18()).isNull();
                continue;
            }
            StressTrigger st = ref18.update(u.ts(), u.vpin(), u.ofi(), spread);
            assertThat(u.path18()).as("path 18 at %d", u.ts()).isEqualTo(ref18.severity().name());
            if (!ref18.severity().name().equals(prev18) && st != null) {
                expected18Alerts.add(u.ts());
            }
            prev18 = ref18.severity().name();
            warnings += st != null ? 1 : 0;
            if (Double.isFinite(depth)) {
                CascadeTrigger ct = ref12.update(u.ts(), st, ref18.lastSpreadZ(), 2.0, depth);
                assertThat(u.path12()).isEqualTo(ct != null ? "CRITICAL" : "NONE");
                if (ct != null && !prev12) {
                    expected12Alerts.add(u.ts());
                }
                prev12 = ct != null;
            } else {
                assertThat(u.path12()).isNull();
            }
        }
        assertThat(updates).hasSizeGreaterThan(700);
        assertThat(warnings).as("the simulated hour's OFI swings trigger path 18").isPositive();
        assertThat(alerts.stream().filter(a -> a.source().equals("path18")).map(StoredAlert::ts).toList())
                .isEqualTo(expected18Alerts);
        assertThat(alerts.stream().filter(a -> a.source().equals("path12")).map(StoredAlert::ts).toList())
                .isEqualTo(expected12Alerts);
        assertThat(alerts.stream().filter(a -> a.source().equals("path18")).allMatch(a -> a.level().equals("WARNING")
                || a.level().equals("CRITICAL"))).isTrue();
    }
}
