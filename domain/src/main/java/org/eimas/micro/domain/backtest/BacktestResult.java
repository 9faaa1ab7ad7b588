package org.eimas.micro.domain.backtest;

import java.util.List;

/**
 * Metrics, trades and series of one backtest (see {@link Backtester} for every definition).
 * Metrics without a value (Sharpe of a constant series, profit factor without losses, win rate
 * without trades) are NaN.
 *
 * @param netReturns per-bar net returns (n)
 * @param equity     equity curve, E_0 = 1 then one value after each bar (n + 1)
 * @param drawdown   drawdown from the running peak at each equity point (n + 1)
 */
public record BacktestResult(double totalReturn, double sharpe, double maxDrawdown, double winRate,
                             double profitFactor, List<TradeRecord> trades, double turnover, double totalCost,
                             double meanReturn, double sdReturn, double barsPerYear, double[] netReturns,
                             double[] equity, double[] drawdown) {

    /**
     * A maximal run of one non-zero position.
     *
     * @param entryBar   first bar holding the position
     * @param exitBar    bar at whose close the position is left (the last bar when still open)
     * @param position   the position held
     * @param entryCost  entry cost as a fraction of notional
     * @param exitCost   exit cost as a fraction of notional (0 when open)
     * @param pnl        compounded return net of both costs
     * @param open       true when the run lasts to the last bar
     */
    public record TradeRecord(int entryBar, int exitBar, double position, double entryPrice, double exitPrice,
                              double entryCost, double exitCost, double pnl, boolean open) {
    }
}
