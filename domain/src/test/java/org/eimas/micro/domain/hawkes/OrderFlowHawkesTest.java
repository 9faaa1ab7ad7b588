package org.eimas.micro.domain.hawkes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.OrderEventType;
import org.eimas.micro.domain.market.Side;
import org.junit.jupiter.api.Test;

class OrderFlowHawkesTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long S = 1_000_000_000L;

    @Test
    void bidAndAskIntensitiesImbalanceAndDirectionByHand() {
        OrderFlowHawkes h = new OrderFlowHawkes(OrderFlowHawkes.SEED_DEFAULT, OrderFlowHawkes.SEED_DEFAULT, T0);
        h.onOrderEvent(new OrderEvent(T0, "AMZN", OrderEventType.NEW, Side.BUY, 100, 10, 1));
        h.onOrderEvent(new OrderEvent(T0 + S / 2, "AMZN", OrderEventType.CANCEL, Side.BUY, 100, 5, 1));
        h.onOrderEvent(new OrderEvent(T0 + S / 2, "AMZN", OrderEventType.HALT, Side.SELL, 0, 0, 0));
        h.onOrderEvent(new OrderEvent(T0 + S / 4, "AMZN", OrderEventType.NEW, Side.SELL, 101, 10, 2));
        long now = T0 + S;
        double bid = 1 + 0.4 * (Math.exp(-1.2) + Math.exp(-0.6));
        double ask = 1 + 0.4 * Math.exp(-1.2 * 0.75);
        assertThat(h.bidIntensity(now)).isCloseTo(bid, within(1e-12));
        assertThat(h.askIntensity(now)).isCloseTo(ask, within(1e-12));
        OrderFlowHawkes.FlowDirection d = h.direction(now);
        assertThat(d.direction()).isEqualTo(OrderFlowHawkes.Direction.UP);
        assertThat(d.imbalance()).isCloseTo(bid - ask, within(1e-12));
        assertThat(d.strength()).isCloseTo(bid - ask, within(1e-12));
        // intensity at the time of the last bid event excludes it
        assertThat(h.bidIntensity(T0 + S / 2)).isCloseTo(1 + 0.4 * Math.exp(-0.6), within(1e-12));
        // empty model: both at μ, FLAT
        OrderFlowHawkes empty = new OrderFlowHawkes(OrderFlowHawkes.SEED_DEFAULT, OrderFlowHawkes.SEED_DEFAULT, T0);
        assertThat(empty.direction(now).direction()).isEqualTo(OrderFlowHawkes.Direction.FLAT);
    }

    @Test
    void predictShockUsesTheIntensityAtTheGivenTime() {
        HawkesParameters p = new HawkesParameters(1.0, 0.4, 1.2);
        OrderFlowHawkes h = new OrderFlowHawkes(p, p, T0);
        for (int i = 0; i < 20; i++) {
            h.onEvent(T0 + i * S / 20, Side.SELL);
        }
        long now = T0 + S;
        double lambda = 1;
        for (int i = 0; i < 20; i++) {
            lambda += 0.4 * Math.exp(-1.2 * (1.0 - i / 20.0));
        }
        ShockForecast f = h.predictShock(Side.SELL, now, 5.0);
        assertThat(f.currentIntensity()).isCloseTo(lambda, within(1e-12));
        assertThat(f.aboveThreshold()).isEqualTo(lambda >= 5.0);
        assertThat(f.shockProbability()).isCloseTo(1 / (1 + Math.exp(-(lambda - 5))), within(1e-12));
        assertThat(f.estimatedLeadTimeSeconds()).isCloseTo(Math.min(60 / (lambda - 1), 300), within(1e-12));
        double inf = 1 / (1 - 0.4 / 1.2);
        assertThat(f.expectedIntensityIn60s()).isCloseTo(inf + (lambda - inf) * Math.exp(-0.8 * 60), within(1e-12));
        // a quiet side: intensity μ, no lead time
        ShockForecast quiet = h.predictShock(Side.BUY, now, 5.0);
        assertThat(quiet.currentIntensity()).isEqualTo(1.0);
        assertThat(quiet.estimatedLeadTimeSeconds()).isInfinite();
        // later, the sell intensity has decayed: same answer as a fresh computation at that time
        assertThat(h.predictShock(Side.SELL, now + 10 * S, 5.0).currentIntensity())
                .isCloseTo(1 + (lambda - 1) * Math.exp(-12.0), within(1e-12));
        assertThatThrownBy(() -> h.predictShock(Side.UNKNOWN, now, 5)).hasMessageContaining("BUY (bid) or SELL (ask)");
    }
}
