package org.eimas.micro.replay;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import org.eimas.micro.domain.port.MarketDataFeed;
import org.eimas.micro.replay.sim.SyntheticMarketConfig;
import org.eimas.micro.replay.sim.SyntheticMarketFeed;

/**
 * Binds the seeded synthetic market as the default {@link MarketDataFeed}: the embedded source for
 * the demo and the dashboard, no account or network needed.
 */
public final class ReplayModule extends AbstractModule {
    /** The default simulated day. */
    public static final LocalDate DEFAULT_DAY = LocalDate.of(2024, 6, 3);

    private final SyntheticMarketConfig template;
    private final double speed;

    /** A full day (seed 7, 10 levels, liquidity event) in real time. */
    public ReplayModule() {
        this(SyntheticMarketConfig.of(List.of("SPY"), DEFAULT_DAY, 6.5, 7), 1.0);
    }

    public ReplayModule(SyntheticMarketConfig template, double speed) {
        this.template = template;
        this.speed = speed;
    }

    @Provides
    @Singleton
    MarketDataFeed marketDataFeed() {
        return new SyntheticMarketFeed(template, speed);
    }
}
