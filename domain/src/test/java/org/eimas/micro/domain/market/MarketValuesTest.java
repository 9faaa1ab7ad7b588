package org.eimas.micro.domain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarketValuesTest {
    private static LobSnapshot book(double[] bp, double[] bs, double[] ap, double[] as) {
        return new LobSnapshot(1, "SPY", bp, bs, ap, as);
    }

    @Test
    void bookDerivedValues() {
        LobSnapshot b = book(new double[] {99.99, 99.98}, new double[] {10, 20}, new double[] {100.01, 100.02},
                new double[] {5, 6});
        assertThat(b.mid()).isEqualTo(100.0);
        assertThat(b.spread()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(b.spreadBps()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(b.bidDepth(5)).isEqualTo(30);
        assertThat(b.askDepth(1)).isEqualTo(5);
        assertThat(b.isCrossed()).isFalse();
        assertThat(b.isLocked()).isFalse();
    }

    @Test
    void crossedAndLockedBooksAreAllowedAndReported() {
        LobSnapshot crossed = book(new double[] {100.02}, new double[] {1}, new double[] {100.01}, new double[] {1});
        assertThat(crossed.isCrossed()).isTrue();
        assertThat(crossed.spread()).isNegative();
        LobSnapshot locked = book(new double[] {100.01}, new double[] {1}, new double[] {100.01}, new double[] {1});
        assertThat(locked.isLocked()).isTrue();
    }

    @Test
    void rejectsBadLevelsNamingFieldAndValue() {
        assertThatThrownBy(() -> book(new double[] {Double.NaN}, new double[] {1}, new double[] {1}, new double[] {1}))
                .hasMessageContaining("bid_px_1").hasMessageContaining("NaN");
        assertThatThrownBy(() -> book(new double[] {1}, new double[] {-2}, new double[] {1}, new double[] {1}))
                .hasMessageContaining("bid_sz_1").hasMessageContaining("-2.0");
        assertThatThrownBy(() -> book(new double[] {1}, new double[] {1}, new double[] {Double.POSITIVE_INFINITY},
                new double[] {1})).hasMessageContaining("ask_px_1").hasMessageContaining("Infinity");
        assertThatThrownBy(() -> book(new double[] {10, 10}, new double[] {1, 1}, new double[] {11, 12}, new double[] {1, 1}))
                .hasMessageContaining("bid_px_2 = 10.0 is not below bid_px_1");
        assertThatThrownBy(() -> book(new double[] {10, 9}, new double[] {1, 1}, new double[] {11, 10.5}, new double[] {1, 1}))
                .hasMessageContaining("ask_px_2 = 10.5 is not above ask_px_1");
        assertThatThrownBy(() -> book(new double[] {10}, new double[] {1, 2}, new double[] {11}, new double[] {1}))
                .hasMessageContaining("differ in length");
    }

    @Test
    void emptyTrailingLevelsAreAllowedButNotGaps() {
        LobSnapshot thin = book(new double[] {10, 0}, new double[] {1, 0}, new double[] {11, 0}, new double[] {1, 0});
        assertThat(thin.bidDepth(2)).isEqualTo(1);
        assertThatThrownBy(() -> book(new double[] {10, 0, 9}, new double[] {1, 0, 1}, new double[] {11, 12, 13},
                new double[] {1, 1, 1})).hasMessageContaining("bid_px_3").hasMessageContaining("empty level");
    }

    @Test
    void tradeAndQuoteValidation() {
        Trade t = new Trade(5, "SPY", 10.0, 300);
        assertThat(t.dollarVolume()).isEqualTo(3000.0);
        assertThat(t.aggressor()).isEqualTo(Side.UNKNOWN);
        assertThat(new Trade(5, "SPY", 10.0, 0).size()).isZero();
        assertThatThrownBy(() -> new Trade(5, "SPY", Double.NaN, 1)).hasMessageContaining("price").hasMessageContaining("NaN");
        assertThatThrownBy(() -> new Trade(5, "", 1, 1)).hasMessageContaining("symbol");
        assertThatThrownBy(() -> new Quote(5, "SPY", -1, 2)).hasMessageContaining("bid").hasMessageContaining("-1.0");
        Quote q = new Quote(5, "SPY", 10, 1, 10.02, 2);
        assertThat(q.mid()).isEqualTo(10.01);
        assertThat(new Quote(5, "SPY", 10.02, 10.01).isCrossed()).isTrue();
        assertThat(q.toSnapshot().askSize(1)).isEqualTo(2);
        assertThatThrownBy(() -> new OrderEvent(1, "SPY", OrderEventType.NEW, Side.BUY, Double.NaN, 1, 1))
                .hasMessageContaining("price");
    }

    @Test
    void numericTableChecksShapes() {
        NumericTable t = new NumericTable(java.util.List.of("a"), new long[] {1, 2}, new double[][] {{1, 2}});
        assertThat(t.rows()).isEqualTo(2);
        assertThatThrownBy(() -> t.column("zz")).hasMessageContaining("no column 'zz'");
        assertThatThrownBy(() -> new NumericTable(java.util.List.of("a", "b"), null, new double[][] {{1, 2}, {1}}))
                .hasMessageContaining("column b has 1 rows");
        assertThatThrownBy(() -> new NumericTable(java.util.List.of("ts"), null, new double[][] {{1}}))
                .hasMessageContaining("index");
    }
}
