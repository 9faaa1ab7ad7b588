package org.eimas.micro.domain.backtest;

import java.util.ArrayList;
import java.util.List;

/**
 * Bar backtester: the seed's section 11 with its bugs fixed.
 *
 * <p>Given closes {@code C_0..C_{n-1}} and positions {@code p_0..p_{n-1}} (units of notional, e.g.
 * -1, 0, +1 or fractions) and a cost of {@code c} basis points:
 * <ul>
 *   <li>bar return {@code r_i = C_{i+1}/C_i - 1} for {@code i < n-1}; the position at the last bar earns nothing;</li>
 *   <li>cost of bar i: {@code k_i = c/1e4 * |p_i - p_{i-1}|} with {@code p_{-1} = 0} (entering +1 costs c, reversing
 *       +1 to -1 costs 2c); no forced liquidation at the end;</li>
 *   <li>net return of bar i: {@code n_i = p_i r_i - k_i}; equity {@code E_0 = 1}, {@code E_{i+1} = E_i (1 + n_i)};</li>
 *   <li>Sharpe = mean(n) / sd(n) (sample, n-1) x sqrt(bars per year) over all n bars;</li>
 *   <li>maximum drawdown = max over t of (max_{s<=t} E_s - E_t) / max_{s<=t} E_s, with E_0 = 1 a peak;</li>
 *   <li>a trade is a maximal run of bars a..b with the same non-zero position q; its pnl is
 *       {@code (1 - e) prod_{i=a..b}(1 + q r_i) (1 - x) - 1} with entry cost {@code e} and exit cost {@code x}
 *       (fractions of notional, see below; {@code x = 0} when the run is still open at the last bar).</li>
 * </ul>
 * Cost attribution between consecutive runs q1 -> q2: when they have opposite signs or one is flat, the exit of
 * q1 carries {@code c|q1|} and the entry of q2 carries {@code c|q2|}, which add up to the bar's cost exactly; a
 * resize with the same sign charges the whole change {@code c|q2 - q1|} to the entry of q2.
 * Win rate = share of trades with pnl > 0; profit factor = sum of winning pnl / |sum of losing pnl|, NaN
 * (reported as null) when no trade lost. Turnover = sum |p_i - p_{i-1}|; total cost = sum k_i.
 */
public final class Backtester {
    /** One-minute bars in a year of 252 sessions of 6.5 hours. */
    public static final double MINUTE_BARS_PER_YEAR = 252 * 6.5 * 60;

    private Backtester() {
    }

    /** Bars per year for bars of the given length: 252 sessions of 6.5 hours. */
    public static double barsPerYear(long barNanos) {
        if (barNanos <= 0) {
            throw new IllegalArgumentException("bar length must be positive, got " + barNanos + " ns");
        }
        return 252 * 6.5 * 3600e9 / barNanos;
    }

    public static BacktestResult run(double[] close, double[] position, double costBps, double barsPerYear) {
        int n = close.length;
        if (position.length != n) {
            throw new IllegalArgumentException(n + " closes but " + position.length + " positions");
        }
        if (n < 2) {
            throw new IllegalArgumentException("a backtest needs at least 2 bars, got " + n);
        }
        if (!(costBps >= 0) || Double.isInfinite(costBps)) {
            throw new IllegalArgumentException("cost must be a finite non-negative number of bps, got " + costBps);
        }
        if (!(barsPerYear > 0) || Double.isInfinite(barsPerYear)) {
            throw new IllegalArgumentException("bars per year must be positive, got " + barsPerYear);
        }
        for (int i = 0; i < n; i++) {
            if (!(close[i] > 0) || Double.isInfinite(close[i])) {
                throw new IllegalArgumentException("close at bar " + i + " must be a positive finite price, got " + close[i]);
            }
            if (!Double.isFinite(position[i])) {
                throw new IllegalArgumentException("position at bar " + i + " must be finite, got " + position[i]);
            }
        }
        double c = costBps / 1e4;
        double[] gross = new double[n];
        double[] cost = new double[n];
        double[] net = new double[n];
        double[] equity = new double[n + 1];
        double[] drawdown = new double[n + 1];
        equity[0] = 1.0;
        double prev = 0;
        double turnover = 0;
        double totalCost = 0;
        double peak = 1.0;
        double maxDd = 0;
        for (int i = 0; i < n; i++) {
            double r = i < n - 1 ? close[i + 1] / close[i] - 1 : 0.0;
            double change = Math.abs(position[i] - prev);
            turnover += change;
            cost[i] = c * change;
            totalCost += cost[i];
            gross[i] = position[i] * r;
            net[i] = gross[i] - cost[i];
            equity[i + 1] = equity[i] * (1 + net[i]);
            peak = Math.max(peak, equity[i + 1]);
            drawdown[i + 1] = (peak - equity[i + 1]) / peak;
            maxDd = Math.max(maxDd, drawdown[i + 1]);
            prev = position[i];
        }
        double mean = 0;
        for (double x : net) {
            mean += x;
        }
        mean /= n;
        double ss = 0;
        for (double x : net) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double sharpe = sd > 0 ? mean / sd * Math.sqrt(barsPerYear) : Double.NaN;

        List<BacktestResult.TradeRecord> trades = trades(close, position, c);
        int wins = 0;
        double grossWin = 0;
        double grossLoss = 0;
        for (BacktestResult.TradeRecord t : trades) {
            if (t.pnl() > 0) {
                wins++;
                grossWin += t.pnl();
            } else if (t.pnl() < 0) {
                grossLoss += t.pnl();
            }
        }
        double winRate = trades.isEmpty() ? Double.NaN : (double) wins / trades.size();
        double profitFactor = grossLoss < 0 ? grossWin / -grossLoss : Double.NaN;
        return new BacktestResult(equity[n] - 1, sharpe, maxDd, winRate, profitFactor, trades, turnover, totalCost,
                mean, sd, barsPerYear, net, equity, drawdown);
    }

    private static List<BacktestResult.TradeRecord> trades(double[] close, double[] position, double c) {
        int n = close.length;
        List<BacktestResult.TradeRecord> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            double q = position[i];
            if (q == 0) {
                i++;
                continue;
            }
            int a = i;
            while (i + 1 < n && position[i + 1] == q) {
                i++;
            }
            int b = i;
            double before = a == 0 ? 0 : position[a - 1];
            double entry = sameSign(before, q) ? c * Math.abs(q - before) : c * Math.abs(q);
            boolean open = b == n - 1;
            double after = open ? q : position[b + 1];
            double exit = open || sameSign(q, after) ? 0 : c * Math.abs(q);
            double growth = 1;
            for (int k = a; k <= b; k++) {
                double r = k < n - 1 ? close[k + 1] / close[k] - 1 : 0.0;
                growth *= 1 + q * r;
            }
            double pnl = (1 - entry) * growth * (1 - exit) - 1;
            int exitBar = open ? b : b + 1;
            out.add(new BacktestResult.TradeRecord(a, exitBar, q, close[a], close[exitBar], entry, exit, pnl, open));
            i = b + 1;
        }
        return out;
    }

    private static boolean sameSign(double x, double y) {
        return (x > 0 && y > 0) || (x < 0 && y < 0);
    }
}
