package org.eimas.micro.domain.market;

import java.util.Objects;

/**
 * An order-level event. {@code side} is the side of the resting (limit) order: an EXECUTION of a
 * SELL limit order is a buyer-initiated trade. A HALT carries price and size 0.
 */
public record OrderEvent(long ts, String symbol, OrderEventType type, Side side, double price, double size,
                         long orderId) {
    public OrderEvent {
        Validation.requireSymbol(symbol);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(side, "side");
        Validation.requirePrice("price", price);
        Validation.requireSize("size", size);
    }
}
