package org.eimas.micro.domain.hawkes;

import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.OrderEventType;
import org.eimas.micro.domain.market.Side;

/**
 * The seed's bid/ask pair of Hawkes processes (section 6.2 {@code OrderFlowHawkes}; Bacry, Mastromatteo, Muzy 2015,
 * section 4 on order-flow modelling): order events on the bid side (resting BUY orders) excite the bid intensity,
 * those on the ask side (resting SELL orders) the ask intensity, each an independent exponential Hawkes process.
 * The intensity imbalance λ_bid - λ_ask gives the direction (UP when positive, DOWN when negative, FLAT at exactly
 * 0 where the seed said DOWN) and its size the strength. HALT events and events of UNKNOWN side are ignored.
 *
 * <p>Times are epoch nanoseconds; inside they become seconds since {@code originNs} so μ and β are per second.
 * The current time is always passed in; nothing reads a clock. O(1) per event and per query, no allocation.
 */
public final class OrderFlowHawkes {
    /** The seed's default parameters for both sides: μ = 1, α = 0.4, β = 1.2 (per second). */
    public static final HawkesParameters SEED_DEFAULT = new HawkesParameters(1.0, 0.4, 1.2);

    public enum Direction { UP, DOWN, FLAT }

    /** λ_bid, λ_ask, their difference and the direction it points to, at {@code tsNs}. */
    public record FlowDirection(long tsNs, Direction direction, double strength, double imbalance,
                                double bidIntensity, double askIntensity) {
    }

    private final HawkesParameters bidParams;
    private final HawkesParameters askParams;
    private final HawkesIntensity bid;
    private final HawkesIntensity ask;
    private final long originNs;

    public OrderFlowHawkes(HawkesParameters bidParams, HawkesParameters askParams, long originNs) {
        this.bidParams = bidParams;
        this.askParams = askParams;
        this.bid = new HawkesIntensity(bidParams);
        this.ask = new HawkesIntensity(askParams);
        this.originNs = originNs;
    }

    private double seconds(long tsNs) {
        return (tsNs - originNs) * 1e-9;
    }

    /** Adds an event on the bid ({@code BUY}) or ask ({@code SELL}) side at {@code tsNs}. */
    public void onEvent(long tsNs, Side side) {
        switch (side) {
            case BUY -> bid.onEvent(seconds(tsNs));
            case SELL -> ask.onEvent(seconds(tsNs));
            default -> {
            }
        }
    }

    public void onOrderEvent(OrderEvent e) {
        if (e.type() != OrderEventType.HALT) {
            onEvent(e.ts(), e.side());
        }
    }

    public double bidIntensity(long nowNs) {
        return bid.intensityAt(seconds(nowNs));
    }

    public double askIntensity(long nowNs) {
        return ask.intensityAt(seconds(nowNs));
    }

    /** λ_bid(now) - λ_ask(now). */
    public double imbalance(long nowNs) {
        return bidIntensity(nowNs) - askIntensity(nowNs);
    }

    public FlowDirection direction(long nowNs) {
        double b = bidIntensity(nowNs);
        double a = askIntensity(nowNs);
        double imb = b - a;
        Direction d = imb > 0 ? Direction.UP : imb < 0 ? Direction.DOWN : Direction.FLAT;
        return new FlowDirection(nowNs, d, Math.abs(imb), imb, b, a);
    }

    /** Shock forecast of one side's intensity against {@code threshold} (events per second). */
    public ShockForecast predictShock(Side side, long nowNs, double threshold) {
        if (side == Side.BUY) {
            return ShockForecast.of(bidParams, bidIntensity(nowNs), threshold);
        }
        if (side == Side.SELL) {
            return ShockForecast.of(askParams, askIntensity(nowNs), threshold);
        }
        throw new IllegalArgumentException("predictShock needs side BUY (bid) or SELL (ask), got " + side);
    }
}
