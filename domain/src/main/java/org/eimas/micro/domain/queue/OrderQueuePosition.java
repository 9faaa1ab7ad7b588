package org.eimas.micro.domain.queue;

import org.eimas.micro.domain.market.OrderEventType;
import org.eimas.micro.domain.market.PriceUnits;
import org.eimas.micro.domain.market.Side;

/**
 * Exact queue position of one tracked limit order from order-level messages (LOBSTER-style:
 * submissions, partial cancels, deletions, visible executions), under price-time priority
 * (Cartea, Jaimungal and Penalva 2015, ch. 10: the volume ahead of an order falls only by
 * executions and by cancellations of orders queued before it).
 *
 * <p>At submission the volume ahead is the visible size at the order's price just before it
 * ({@link #submit}). Afterwards, for messages on the same side and price: a new order joins
 * behind (its id is remembered); a cancellation or deletion of an order not known to be behind
 * reduces the volume ahead; a visible execution of another order reduces it (executions are FIFO,
 * so they consume the orders ahead first). Hidden executions do not touch the visible queue.
 * Messages about the tracked order itself update its remaining size and fills.
 *
 * <p>Two counters flag data that contradicts this model: {@link #fillsWithVolumeAhead()} and
 * {@link #overtaken()}. On LOBSTER's AMZN sample both are caused by orders that are submitted and
 * never cancelled, deleted or executed in the data (stale volume): 2 of 412 executions of 3000
 * tracked orders were fills with volume counted ahead.
 *
 * <p>O(1) per message; the ids behind the order are kept in a primitive hash set.
 */
public final class OrderQueuePosition {
    private final long orderId;
    private Side side;
    private long priceUnits;
    private double ahead;
    private double remaining;
    private double filled;
    private boolean live;
    private boolean submitted;
    private long fillsWithVolumeAhead;
    private long overtaken;
    private final LongSet behind = new LongSet();

    public OrderQueuePosition(long orderId) {
        this.orderId = orderId;
    }

    /** The tracked order enters the queue behind {@code visibleAhead} shares at its price. */
    public void submit(Side side, double price, double size, double visibleAhead) {
        if (side == Side.UNKNOWN) {
            throw new IllegalArgumentException("the tracked order needs a side");
        }
        this.side = side;
        this.priceUnits = PriceUnits.of(price);
        this.remaining = size;
        this.ahead = Math.max(0, visibleAhead);
        this.filled = 0;
        this.live = size > 0;
        this.submitted = true;
        behind.clear();
    }

    /**
     * One order-level message after the submission. {@code side} is the side of the resting order
     * the message is about (LOBSTER's direction).
     */
    public void onMessage(OrderEventType type, long id, Side side, double price, double size) {
        if (!live) {
            return;
        }
        if (id == orderId) {
            switch (type) {
                case EXECUTION, HIDDEN_EXECUTION, CROSS -> {
                    if (ahead > 0) {
                        fillsWithVolumeAhead++; // filled while volume was still ahead (stale orders ahead, or FIFO broken)
                        ahead = 0;
                    }
                    filled += size;
                    remaining -= size;
                }
                case CANCEL -> remaining -= size;
                case DELETE -> remaining = 0;
                default -> { }
            }
            if (remaining <= 0) {
                live = false;
            }
            return;
        }
        if (side != this.side || PriceUnits.of(price) != priceUnits) {
            return;
        }
        switch (type) {
            case NEW -> behind.add(id);
            case CANCEL -> {
                if (!behind.contains(id)) {
                    ahead = Math.max(0, ahead - size);
                }
            }
            case DELETE -> {
                if (!behind.remove(id)) {
                    ahead = Math.max(0, ahead - size);
                }
            }
            case EXECUTION -> {
                if (behind.contains(id)) {
                    overtaken++; // an order behind filled while the tracked one is still live
                } else {
                    ahead = Math.max(0, ahead - size);
                }
            }
            default -> { }
        }
    }

    /** Visible shares ahead of the tracked order. */
    public double sharesAhead() {
        return ahead;
    }

    public double filled() {
        return filled;
    }

    public double remaining() {
        return remaining;
    }

    public boolean isLive() {
        return live;
    }

    public boolean isSubmitted() {
        return submitted;
    }

    /** Fills of the tracked order while visible volume was still counted ahead of it. */
    public long fillsWithVolumeAhead() {
        return fillsWithVolumeAhead;
    }

    /** Executions of orders that joined behind the tracked order while it was still live. */
    public long overtaken() {
        return overtaken;
    }

    public long orderId() {
        return orderId;
    }
}
