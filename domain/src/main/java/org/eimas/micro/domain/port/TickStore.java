package org.eimas.micro.domain.port;

import java.util.List;
import java.util.function.Consumer;
import org.eimas.micro.domain.market.Bar;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;

/** Time-series storage of ticks, books, order events and feature rows. */
public interface TickStore extends AutoCloseable {
    void appendBooks(List<LobSnapshot> books);

    void appendTrades(List<Trade> trades);

    void appendQuotes(List<Quote> quotes);

    void appendOrderEvents(List<OrderEvent> events);

    /** Feature rows for a symbol: the table's ts index and its columns. */
    void appendFeatures(String symbol, NumericTable features);

    /**
     * Feature rows of a symbol with ts in [fromNs, toNs), in time order, as written by {@link #appendFeatures}.
     * The default says the store cannot read features back; stores that can override it.
     */
    default NumericTable readFeatures(String symbol, long fromNs, long toNs) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot read feature rows back");
    }

    long readTrades(String symbol, long fromNs, long toNs, Consumer<Trade> sink);

    long readQuotes(String symbol, long fromNs, long toNs, Consumer<Quote> sink);

    long readBooks(String symbol, long fromNs, long toNs, Consumer<LobSnapshot> sink);

    /** Bars of {@code intervalNs} over [fromNs, toNs). */
    List<Bar> bars(String symbol, long intervalNs, long fromNs, long toNs);

    @Override
    void close();
}
