package org.eimas.micro.polygon;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.eimas.micro.domain.port.HistoricalMarketData;
import org.eimas.micro.domain.port.MarketDataFeed;

/** Binds Polygon's stream as the {@link MarketDataFeed} and its REST v3 as {@link HistoricalMarketData}. */
public final class PolygonModule extends AbstractModule {
    private final PolygonConfig config;

    public PolygonModule(PolygonConfig config) {
        this.config = config;
    }

    @Provides
    @Singleton
    MarketDataFeed feed() {
        return new PolygonMarketDataFeed(config);
    }

    @Provides
    @Singleton
    HistoricalMarketData history() {
        return new PolygonHistoricalMarketData(config);
    }
}
