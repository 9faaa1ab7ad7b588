package org.eimas.micro.domain.port;

import java.util.function.Consumer;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;

/**
 * Recorded market data for one symbol over [fromNs, toNs), streamed to a consumer in time order,
 * never loaded whole. Returns the number of values delivered.
 */
public interface HistoricalMarketData {
    long trades(String symbol, long fromNs, long toNs, Consumer<Trade> sink);

    long quotes(String symbol, long fromNs, long toNs, Consumer<Quote> sink);

    /** Books, where the source has them; a source without books delivers none. */
    default long books(String symbol, long fromNs, long toNs, Consumer<LobSnapshot> sink) {
        return 0;
    }
}
