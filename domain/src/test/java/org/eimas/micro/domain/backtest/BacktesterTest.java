package org.eimas.micro.domain.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BacktesterTest {
    private static final double EPS = 1e-12;

    @Test
    void reversalWithCostsHandWorked() {
        // closes and positions: long 2 bars, reverse to short 1 bar, flat
        double[] close = {100, 101, 99, 99, 100};
        double[] pos = {1, 1, -1, 0, 0};
        BacktestResult r = Backtester.run(close, pos, 10, 98280);
        double c = 0.001;
        double r1 = 99.0 / 101 - 1;
        double[] net = {0.01 - c, r1, -2 * c, -c, 0};
        assertThat(r.netReturns()).containsExactly(net, within(EPS));
        double e = 1;
        for (int i = 0; i < net.length; i++) {
            e *= 1 + net[i];
            assertThat(r.equity()[i + 1]).isCloseTo(e, within(EPS));
        }
        assertThat(r.totalReturn()).isCloseTo(e - 1, within(EPS));
        assertThat(r.turnover()).isEqualTo(4.0);
        assertThat(r.totalCost()).isCloseTo(0.004, within(EPS));
        // peak is after bar 0 (1.009), the trough is the final equity
        assertThat(r.maxDrawdown()).isCloseTo((1.009 - e) / 1.009, within(EPS));

        List<BacktestResult.TradeRecord> t = r.trades();
        assertThat(t).hasSize(2);
        // long: entry c, exit c (the reversal's 2c is split), grows 1.01 * 99/101 = 0.99
        assertThat(t.get(0).pnl()).isCloseTo(0.999 * 0.99 * 0.999 - 1, within(EPS));
        assertThat(t.get(0).entryBar()).isZero();
        assertThat(t.get(0).exitBar()).isEqualTo(2);
        assertThat(t.get(0).open()).isFalse();
        // short over a zero return: pays entry and exit only
        assertThat(t.get(1).pnl()).isCloseTo(0.999 * 0.999 - 1, within(EPS));
        assertThat(r.winRate()).isZero();
        assertThat(r.profitFactor()).isZero();

        double mean = 0;
        for (double x : net) {
            mean += x;
        }
        mean /= 5;
        double ss = 0;
        for (double x : net) {
            ss += (x - mean) * (x - mean);
        }
        assertThat(r.sharpe()).isCloseTo(mean / Math.sqrt(ss / 4) * Math.sqrt(98280), within(1e-9));
    }

    @Test
    void zeroPnlTradeAndOpenTradeAtTheEnd() {
        double[] close = {10, 10, 10, 11};
        double[] pos = {0, 1, 0, 1};
        BacktestResult free = Backtester.run(close, pos, 0, 252);
        assertThat(free.trades()).hasSize(2);
        assertThat(free.trades().get(0).pnl()).isZero();
        assertThat(free.trades().get(1).open()).isTrue();
        assertThat(free.trades().get(1).pnl()).isZero(); // the last bar earns nothing
        assertThat(free.winRate()).isZero();
        assertThat(free.profitFactor()).isNaN(); // no losses
        assertThat(free.totalReturn()).isZero();
        assertThat(free.sharpe()).isNaN(); // constant zero returns

        BacktestResult costly = Backtester.run(close, pos, 5, 252);
        // the open trade pays its entry but no exit
        assertThat(costly.trades().get(1).entryCost()).isCloseTo(0.0005, within(EPS));
        assertThat(costly.trades().get(1).exitCost()).isZero();
        assertThat(costly.trades().get(1).pnl()).isCloseTo(-0.0005, within(EPS));
        assertThat(costly.trades().get(0).pnl()).isCloseTo(0.9995 * 0.9995 - 1, within(EPS));
        assertThat(costly.totalCost()).isCloseTo(3 * 0.0005, within(EPS));
    }

    @Test
    void winsLossesProfitFactorAndInitialPeak() {
        double[] close = {100, 110, 99, 99};
        double[] pos = {-1, 1, 0, 0};
        BacktestResult r = Backtester.run(close, pos, 0, 252);
        // short loses 10 %, long loses 10 %
        assertThat(r.trades()).hasSize(2);
        assertThat(r.trades().get(0).pnl()).isCloseTo(-0.1, within(EPS));
        assertThat(r.trades().get(1).pnl()).isCloseTo(99.0 / 110 - 1, within(EPS));
        // initial equity 1.0 counts as the peak
        assertThat(r.maxDrawdown()).isCloseTo(1 - 0.9 * (99.0 / 110), within(EPS));

        double[] close2 = {100, 110, 121, 110, 110};
        double[] pos2 = {1, 0, -1, 1, 0};
        BacktestResult w = Backtester.run(close2, pos2, 0, 252);
        // +10 %, then short +9.09 %, then long 0 %
        assertThat(w.trades()).hasSize(3);
        assertThat(w.winRate()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(w.profitFactor()).isNaN();
        double[] close3 = {100, 110, 100, 90};
        double[] pos3 = {1, 0, 1, 0};
        BacktestResult pf = Backtester.run(close3, pos3, 0, 252);
        assertThat(pf.profitFactor()).isCloseTo(0.1 / 0.1, within(EPS));
    }

    @Test
    void fractionalResizeChargesTheChangeToTheNewRun() {
        double[] close = {100, 100, 100};
        double[] pos = {0.5, 1.0, 0};
        BacktestResult r = Backtester.run(close, pos, 10, 252);
        assertThat(r.turnover()).isEqualTo(2.0);
        assertThat(r.trades().get(0).entryCost()).isCloseTo(0.0005, within(EPS));
        assertThat(r.trades().get(0).exitCost()).isZero();
        assertThat(r.trades().get(1).entryCost()).isCloseTo(0.0005, within(EPS));
        assertThat(r.trades().get(1).exitCost()).isCloseTo(0.001, within(EPS));
        double sumCosts = r.trades().stream().mapToDouble(t -> t.entryCost() + t.exitCost()).sum();
        assertThat(sumCosts).isCloseTo(r.totalCost(), within(EPS));
    }

    @Test
    void barsPerYearFromBarSize() {
        assertThat(Backtester.barsPerYear(60_000_000_000L)).isCloseTo(98280, within(1e-9));
        assertThat(Backtester.barsPerYear(300_000_000_000L)).isCloseTo(19656, within(1e-9));
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Backtester.run(new double[] {1, Double.NaN}, new double[] {0, 0}, 1, 1))
                .hasMessageContaining("close at bar 1");
        assertThatThrownBy(() -> Backtester.run(new double[] {1, 2}, new double[] {0}, 1, 1))
                .hasMessageContaining("2 closes but 1 positions");
        assertThatThrownBy(() -> Backtester.run(new double[] {1, 2}, new double[] {0, 0}, -1, 1))
                .hasMessageContaining("cost");
    }

    @Test
    void deflatedSharpeWithOneTrialIsTheProbabilisticSharpeRatio() {
        double[] ret = new double[200];
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < ret.length; i++) {
            ret[i] = 0.001 + 0.01 * rnd.nextGaussian();
        }
        double mean = java.util.Arrays.stream(ret).average().orElseThrow();
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double x : ret) {
            m2 += Math.pow(x - mean, 2) / ret.length;
            m3 += Math.pow(x - mean, 3) / ret.length;
            m4 += Math.pow(x - mean, 4) / ret.length;
        }
        double sr = mean / Math.sqrt(m2 * ret.length / (ret.length - 1));
        double g3 = m3 / Math.pow(m2, 1.5);
        double g4 = m4 / (m2 * m2);
        double z = sr * Math.sqrt(ret.length - 1) / Math.sqrt(1 - g3 * sr + (g4 - 1) / 4 * sr * sr);
        assertThat(DeflatedSharpe.deflatedSharpe(ret, 1, 0.5))
                .isCloseTo(org.eimas.micro.domain.stats.NormalDistribution.cdf(z), within(1e-12));
        // more trials raise the bar: the DSR falls
        assertThat(DeflatedSharpe.deflatedSharpe(ret, 100, 0.01)).isLessThan(DeflatedSharpe.deflatedSharpe(ret, 1, 0.01));
        // Bailey & Lopez de Prado's worked example: N = 100 trials, V[SR] = 0.5 (annualised 1/2) -> SR0 ~ 1.77 * sqrt(0.5)
        assertThat(DeflatedSharpe.expectedMaxSharpe(100, 1.0)).isCloseTo(2.5306, within(1e-3));
    }
}
