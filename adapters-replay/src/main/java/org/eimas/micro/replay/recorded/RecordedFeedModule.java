package org.eimas.micro.replay.recorded;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.file.Path;
import org.eimas.micro.domain.port.MarketDataFeed;

/** Binds {@link MarketDataFeed} to a replay of recorded canonical CSV books and trades. */
public final class RecordedFeedModule extends AbstractModule {
    private final Path books;
    private final Path trades;
    private final double speed;

    public RecordedFeedModule(Path books, Path trades, double speed) {
        this.books = books;
        this.trades = trades;
        this.speed = speed;
    }

    @Provides
    @Singleton
    MarketDataFeed marketDataFeed() {
        return new RecordedMarketFeed(books, trades, speed);
    }
}
