package org.eimas.micro.alpaca;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.eimas.micro.domain.port.HistoricalMarketData;
import org.eimas.micro.domain.port.MarketDataFeed;

/** Binds Alpaca's v2 stream as the {@link MarketDataFeed} and its REST history as {@link HistoricalMarketData}. */
public final class AlpacaModule extends AbstractModule {
    private final AlpacaConfig config;

    public AlpacaModule(AlpacaConfig config) {
        this.config = config;
    }

    @Provides
    @Singleton
    MarketDataFeed feed() {
        return new AlpacaMarketDataFeed(config);
    }

    @Provides
    @Singleton
    HistoricalMarketData history() {
        return new AlpacaHistoricalMarketData(config);
    }
}
