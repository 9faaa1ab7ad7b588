package org.eimas.micro.replay.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TickBookTest {
    @Test
    void priceTimePriorityAndBestPrices() {
        TickBook b = new TickBook(10_000, 1024, 100);
        int a1 = b.add(TickBook.ASK, b.levelOf(10_001), 300);
        int a2 = b.add(TickBook.ASK, b.levelOf(10_001), 200);
        b.add(TickBook.ASK, b.levelOf(10_003), 500);
        b.add(TickBook.BID, b.levelOf(9_999), 400);
        assertThat(b.tickOf(b.bestAsk())).isEqualTo(10_001);
        assertThat(b.tickOf(b.bestBid())).isEqualTo(9_999);
        assertThat(b.orderId(a1)).isEqualTo(100);
        assertThat(b.orderId(a2)).isEqualTo(101);
        assertThat(b.headOf(b.bestAsk())).isEqualTo(a1);
        assertThat(b.levelQty(b.bestAsk())).isEqualTo(500);

        b.reduce(a1, 100); // partial: stays first in the queue
        assertThat(b.headOf(b.bestAsk())).isEqualTo(a1);
        assertThat(b.levelQty(b.bestAsk())).isEqualTo(400);
        b.reduce(a1, 200); // fully filled
        assertThat(b.headOf(b.bestAsk())).isEqualTo(a2);
        b.delete(a2); // level empties: best ask moves to the next occupied level
        assertThat(b.tickOf(b.bestAsk())).isEqualTo(10_003);
        assertThat(b.orders(TickBook.ASK)).isEqualTo(1);

        double[] px = new double[3];
        double[] sz = new double[3];
        b.fill(TickBook.ASK, px, sz, 3, 100);
        assertThat(px).containsExactly(100.03, 0, 0);
        assertThat(sz).containsExactly(500, 0, 0);
    }

    @Test
    void slotsAreReusedAndOldestIsTracked() {
        TickBook b = new TickBook(5_000, 256, 1);
        int s1 = b.add(TickBook.BID, b.levelOf(4_990), 100);
        int s2 = b.add(TickBook.BID, b.levelOf(4_999), 100);
        assertThat(b.oldest(TickBook.BID)).isEqualTo(s1);
        b.delete(s1);
        assertThat(b.oldest(TickBook.BID)).isEqualTo(s2);
        int s3 = b.add(TickBook.BID, b.levelOf(4_995), 100);
        assertThat(s3).isEqualTo(s1);
        assertThat(b.orderId(s3)).isEqualTo(3);
    }

    @Test
    void leavingTheWindowIsAClearError() {
        TickBook b = new TickBook(5_000, 256, 1);
        assertThatThrownBy(() -> b.levelOf(6_000)).hasMessageContaining("left the simulator's window");
    }
}
