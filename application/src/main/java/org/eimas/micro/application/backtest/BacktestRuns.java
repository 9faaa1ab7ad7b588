package org.eimas.micro.application.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eimas.micro.domain.backtest.BacktestResult;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.store.StoredBacktestRun;

/** Maps a backtest to the stored form: metrics by name, and each trade as an entry and (if closed) an exit fill. */
public final class BacktestRuns {
    private BacktestRuns() {
    }

    /**
     * @param ts bar timestamps (epoch ns), one per bar of the backtest; fees and pnl are fractions of notional
     */
    public static StoredBacktestRun toStored(long createdNs, String strategy, String symbol, long[] ts,
                                             Map<String, String> parameters, BacktestResult r) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("total_return", r.totalReturn());
        m.put("sharpe", r.sharpe());
        m.put("max_drawdown", r.maxDrawdown());
        m.put("win_rate", r.winRate());
        m.put("profit_factor", r.profitFactor());
        m.put("trades", (double) r.trades().size());
        m.put("turnover", r.turnover());
        m.put("total_cost", r.totalCost());
        m.put("bars_per_year", r.barsPerYear());
        m.values().removeIf(v -> !Double.isFinite(v));
        List<StoredBacktestRun.Fill> fills = new ArrayList<>();
        for (BacktestResult.TradeRecord t : r.trades()) {
            Side open = t.position() > 0 ? Side.BUY : Side.SELL;
            fills.add(new StoredBacktestRun.Fill(ts[t.entryBar()], open, t.entryPrice(), Math.abs(t.position()),
                    t.entryCost(), 0));
            if (!t.open()) {
                fills.add(new StoredBacktestRun.Fill(ts[t.exitBar()], open == Side.BUY ? Side.SELL : Side.BUY,
                        t.exitPrice(), Math.abs(t.position()), t.exitCost(), t.pnl()));
            }
        }
        return new StoredBacktestRun(0, createdNs, strategy, symbol, ts[0], ts[ts.length - 1], parameters, m, fills);
    }
}
