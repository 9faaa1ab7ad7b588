package org.eimas.micro.replay.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.port.MarketDataFeed;
import org.eimas.micro.domain.port.MarketDataListener;
import org.eimas.micro.domain.port.Subscription;

/**
 * The synthetic market as a live {@link MarketDataFeed}: each subscription runs a
 * {@link SyntheticMarket} for the subscribed symbols on its own daemon thread, paced so that
 * {@code speed} simulated seconds pass per wall-clock second ({@code speed <= 0}: as fast as
 * possible). Statuses: CONNECTED and SUBSCRIBED at start, CLOSED when the session ends or the
 * subscription is closed; a failure of the simulator is reported as FAILED with its message.
 */
public final class SyntheticMarketFeed implements MarketDataFeed {
    private final SyntheticMarketConfig template;
    private final double speed;

    /**
     * @param template day, length, seed, levels and event settings; its symbols are replaced by
     *                 the subscribed ones
     * @param speed    simulated seconds per wall second, or {@code <= 0} for as fast as possible
     */
    public SyntheticMarketFeed(SyntheticMarketConfig template, double speed) {
        this.template = template;
        this.speed = speed;
    }

    @Override
    public String name() {
        return "sim";
    }

    public double speed() {
        return speed;
    }

    @Override
    public Subscription subscribe(Collection<String> symbols, MarketDataListener listener) {
        List<String> syms = new ArrayList<>(symbols);
        SyntheticMarketConfig cfg = new SyntheticMarketConfig(syms, template.date(), template.hours(),
                template.seed(), template.levels(), template.liquidityEvent(), template.eventAtFraction());
        SyntheticMarket market = new SyntheticMarket(cfg);
        AtomicBoolean closed = new AtomicBoolean();
        Thread t = new Thread(() -> run(market, cfg, listener, closed), "sim-feed-" + String.join(",", syms));
        t.setDaemon(true);
        t.start();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                t.interrupt();
                try {
                    t.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private void run(SyntheticMarket market, SyntheticMarketConfig cfg, MarketDataListener listener, AtomicBoolean closed) {
        try {
            listener.onStatus(ConnectionStatus.CONNECTED, "synthetic market, seed " + cfg.seed()
                    + (speed > 0 ? ", speed x" + speed : ", as fast as possible"));
            listener.onStatus(ConnectionStatus.SUBSCRIBED, String.join(",", cfg.symbols()));
            long simStart = cfg.sessionStartNs();
            long wallStart = System.nanoTime();
            while (!closed.get() && market.hasNext()) {
                if (speed > 0) {
                    long due = wallStart + (long) ((market.nextTs() - simStart) / speed);
                    long wait = due - System.nanoTime();
                    if (wait > 1_000_000L) {
                        try {
                            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                        } catch (InterruptedException e) {
                            break;
                        }
                        continue;
                    }
                }
                market.step(listener);
            }
            listener.onStatus(ConnectionStatus.CLOSED, closed.get() ? "closed by the subscriber" : "session over");
        } catch (RuntimeException e) {
            listener.onStatus(ConnectionStatus.FAILED, "synthetic market failed: " + e.getMessage());
        }
    }
}
