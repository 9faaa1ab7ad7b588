package org.eimas.micro.domain.port;

import java.util.Collection;

/** A live source of books, quotes, trades and order events (Polygon, Alpaca, replay, simulation). */
public interface MarketDataFeed {
    /** Starts delivering events for {@code symbols} to {@code listener}; returns at once. */
    Subscription subscribe(Collection<String> symbols, MarketDataListener listener);

    /** A short name for status lines, e.g. "polygon". */
    String name();
}
