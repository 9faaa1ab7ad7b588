package org.eimas.micro.domain.store;

import java.util.List;
import java.util.Map;
import org.eimas.micro.domain.market.Side;

/**
 * One backtest run as stored: the strategy and symbol, the simulated window, its parameters, its
 * metrics (e.g. sharpe, max_drawdown, hit_rate) and the trades it made. {@code id} is 0 before it
 * is stored.
 */
public record StoredBacktestRun(long id, long createdNs, String strategy, String symbol, long fromNs, long toNs,
                                Map<String, String> parameters, Map<String, Double> metrics, List<Fill> trades) {
    public StoredBacktestRun {
        parameters = Map.copyOf(parameters);
        metrics = Map.copyOf(metrics);
        trades = List.copyOf(trades);
    }

    /**
     * A simulated trade: time, side, price, quantity (shares, positive), fees paid, and the
     * realised P&amp;L booked by it (0 for an opening trade).
     */
    public record Fill(long ts, Side side, double price, double quantity, double fee, double pnl) {
    }
}
