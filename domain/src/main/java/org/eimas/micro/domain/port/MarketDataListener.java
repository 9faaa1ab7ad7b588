package org.eimas.micro.domain.port;

import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;

/**
 * Receives what a feed delivers. Every method has an empty default so a listener implements only
 * what it needs. Calls arrive on the feed's thread: a listener must not block.
 */
public interface MarketDataListener {
    default void onBook(LobSnapshot book) {
    }

    default void onQuote(Quote quote) {
    }

    default void onTrade(Trade trade) {
    }

    default void onOrderEvent(OrderEvent event) {
    }

    /** Connection state changes, with a human-readable detail (never a secret). */
    default void onStatus(ConnectionStatus status, String detail) {
    }

    /** A non-fatal problem (malformed message, gap, unknown event type), described in one line. */
    default void onWarning(String message) {
    }
}
