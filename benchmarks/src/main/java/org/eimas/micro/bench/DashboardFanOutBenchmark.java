package org.eimas.micro.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.application.monitor.MonitorUpdate;
import org.eimas.micro.web.DashboardHub;
import org.eimas.micro.web.SseSubscriber;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The dashboard's cost per monitor update on the monitor's listener thread: encode the update as JSON
 * once, keep it in the rolling history, and offer the SSE frame to every client's bounded queue. The
 * clients here never read, so from the second lap on every offer also drops the oldest frame (the
 * back-pressure path of a stuck browser, the most expensive case).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DashboardFanOutBenchmark {
    @Param({"0", "100"})
    int clients;

    DashboardHub hub;
    List<SseSubscriber> subscribers;
    long n;

    @Setup(Level.Trial)
    public void setup() {
        hub = new DashboardHub(30L * 60 * 1_000_000_000L, 20_000);
        subscribers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            subscribers.add(hub.subscribe(256));
        }
    }

    /** One update per call, event time advancing 1 s per call (alternating SPY and QQQ), as the monitor makes them. */
    @Benchmark
    public long onUpdate() {
        long i = n++;
        double x = (i & 1023) * 0.001;
        hub.onUpdate(new MonitorUpdate((i & 1) == 0 ? "SPY" : "QQQ", 1_717_421_400_000_000_000L + i * 1_000_000_000L,
                450 + x, 0.2222, 100 - x, 2000 + x, 0.4 + x / 10, 0.5, "NONE", null, null, 1.5, 1.2, Double.NaN,
                "UP", i, 10L * i, Map.of()));
        return hub.updates();
    }
}
