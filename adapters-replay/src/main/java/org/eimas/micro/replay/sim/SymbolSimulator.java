package org.eimas.micro.replay.sim;

import java.util.SplittableRandom;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.OrderEventType;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MarketDataListener;

/**
 * One symbol of the synthetic market: an order-level book on a one-cent grid driven by a
 * 6-variate Hawkes process of order arrivals plus an informed trader.
 *
 * <p>Model (all rates per second):
 * <ul>
 * <li>Order flow: types MB, MS (market buy/sell), LB, LA (limit bid/ask), CB, CA (cancel bid/ask)
 * arrive as a Hawkes process with exponential kernels ({@link ExpHawkes}; Bacry, Mastromatteo
 * &amp; Muzy 2015, sec. 4.3 "order book models"): market orders excite themselves (order
 * splitting, herding) and the opposite-side refill (resiliency); limit orders excite same-side
 * limits and cancels. Baselines follow the intraday U shape.</li>
 * <li>Placement: a limit bid goes to {@code bestAsk - 1 - k} ticks with k geometric, so a
 * spread wider than one tick is filled quickly and the spread is mostly one tick; cancellations
 * hit a resting order chosen uniformly among the orders of the first levels, so each queue is
 * cancelled at a rate proportional to its size (Cont, Stoikov &amp; Talreja 2010, sec. 2.1), and
 * occasionally the oldest order of the side (clears stale depth). Market orders execute against
 * the opposite queues in price-time priority.</li>
 * <li>Information: a latent value V(t) (ticks) moves every second by Student-t(3) increments (heavy
 * tails) with a common factor across symbols (correlation 0.8). An informed trader sends market
 * orders toward V with intensity {@code kappa * min(|V - mid|, cap)} (Kyle 1985's insider in
 * intensity form), and liquidity providers shade: with {@code g = tanh((V - mid)/4)} bid limits
 * and ask cancels are scaled by {@code 1 + 0.6 g}, ask limits and bid cancels by {@code 1 - 0.6 g}.
 * Price changes are therefore explained by order flow imbalance at the best quotes (Cont, Kukanov
 * &amp; Stoikov 2014, eq. 10).</li>
 * <li>Scripted liquidity event at {@link SyntheticMarketConfig#eventSecond()}: during the
 * preceding 20 minutes V drifts down and a toxic seller's market-order intensity ramps up
 * (one-sided volume: VPIN rises, Easley, Lopez de Prado &amp; O'Hara 2012), and liquidity providers,
 * sensing it, stop improving the bid with a probability equal to the toxic intensity's share of its
 * peak (as they do against the informed trader's lean); at the event V drops
 * by 0.3 % and liquidity providers withdraw (limit rates x0.3, cancel rates x2 for two minutes,
 * recovering over ten).</li>
 * </ul>
 * Each applied event is delivered as a feed would: order events (NEW, CANCEL, DELETE, EXECUTION of
 * the resting order), a trade per fill with the true aggressor, then the book after the event and
 * the top of book when it changed. Same seed, same events.
 */
final class SymbolSimulator {
    static final int MB = 0;
    static final int MS = 1;
    static final int LB = 2;
    static final int LA = 3;
    static final int CB = 4;
    static final int CA = 5;

    /** Baseline intensities per second (before the intraday multiplier). */
    static final double[] MU = {0.45, 0.45, 2.4, 2.4, 1.7, 1.7};
    /** Kernel decay per second (mean excitation lifetime 0.5 s). */
    static final double BETA = 2.0;
    /** Branching ratios n[target][source]. */
    static final double[][] BRANCHING = {
            // MB    MS    LB    LA    CB    CA
            {0.30, 0.04, 0.00, 0.00, 0.00, 0.06}, // MB
            {0.04, 0.30, 0.00, 0.00, 0.06, 0.00}, // MS
            {0.10, 0.35, 0.25, 0.00, 0.10, 0.00}, // LB: refill after market sells
            {0.35, 0.10, 0.00, 0.25, 0.00, 0.10}, // LA: refill after market buys
            {0.00, 0.10, 0.20, 0.00, 0.25, 0.00}, // CB
            {0.10, 0.00, 0.00, 0.20, 0.00, 0.25}, // CA
    };
    static final int TICKS_PER_DOLLAR = 100;
    /** Informed market-order intensity per tick of mispricing, and its cap in ticks. */
    static final double KAPPA = 0.12;
    static final double GAP_CAP = 30;
    static final double SHADE = 0.6;
    /** Per-second sd of V in ticks at multiplier 1. */
    static final double SIGMA_TICKS = 0.55;
    static final double FACTOR_CORR = 0.8;
    static final double PRE_EVENT_SECONDS = 1200;
    static final double TOXIC_RATE = 2.5;
    static final double PRE_EVENT_DRIFT = 0.0015;
    static final double EVENT_DROP = 0.003;
    static final double WITHDRAW_SECONDS = 120;
    static final double RECOVER_SECONDS = 600;
    private static final int WINDOW = 1 << 16;
    private static final int CANCEL_DEPTH = 15;

    private final String symbol;
    private final int levels;
    private final long startNs;
    private final double duration;
    private final SplittableRandom rng;
    private final TickBook book;
    private final ExpHawkes hawkes;
    private final double[] value;
    private final boolean event;
    private final double eventSec;

    private final double[] mu = new double[6];
    private final double[] mult = new double[6];
    private final double[] extra = new double[2];
    private final double[] bidPx;
    private final double[] bidSz;
    private final double[] askPx;
    private final double[] askSz;

    private int[] opening;
    private int openingCount;
    private int pending = -1;
    private long pendingTs;
    private long lastTs = Long.MIN_VALUE;
    private boolean done;
    private double lastBid = -1;
    private double lastAsk = -1;
    private double lastBidSz = -1;
    private double lastAskSz = -1;
    private long events;
    /** Liquidity providers' view of the mispricing, tanh((V - mid) / 4), in [-1, 1]. */
    private double shading;
    /** Share of the toxic seller's full intensity at the current time, in [0, 1]. */
    private double toxicShare;

    /**
     * @param value latent value in ticks for each second of the session (length = seconds + 1)
     */
    SymbolSimulator(String symbol, SyntheticMarketConfig cfg, int startTick, double[] value, long seed) {
        this.symbol = symbol;
        this.levels = cfg.levels();
        this.startNs = cfg.sessionStartNs();
        this.duration = cfg.durationSeconds();
        this.rng = new SplittableRandom(seed);
        this.book = new TickBook(startTick, WINDOW, 1);
        this.hawkes = new ExpHawkes(BRANCHING, BETA);
        this.value = value;
        this.event = cfg.liquidityEvent();
        this.eventSec = cfg.eventSecond();
        bidPx = new double[levels];
        bidSz = new double[levels];
        askPx = new double[levels];
        askSz = new double[levels];
        seedBook(startTick);
        advance();
    }

    /** Initial book: one-tick spread, a few orders on each of the first levels. */
    private void seedBook(int mid) {
        int depth = Math.max(levels, 10) + 5;
        opening = new int[depth * 2 * 5];
        for (int d = 0; d < depth; d++) {
            int orders = 2 + rng.nextInt(4);
            for (int o = 0; o < orders; o++) {
                opening[openingCount++] = book.add(TickBook.BID, book.levelOf(mid - 1 - d), limitSize());
                opening[openingCount++] = book.add(TickBook.ASK, book.levelOf(mid + d), limitSize());
            }
        }
    }

    /** Announces the opening book as NEW orders at the session start, then its snapshot. */
    private void publishOpening(MarketDataListener out) {
        for (int i = 0; i < openingCount; i++) {
            int slot = opening[i];
            out.onOrderEvent(new OrderEvent(startNs, symbol, OrderEventType.NEW,
                    book.orderSide(slot) == TickBook.BID ? Side.BUY : Side.SELL,
                    (double) book.tickOf(book.orderLevel(slot)) / TICKS_PER_DOLLAR, book.orderQty(slot),
                    book.orderId(slot)));
        }
        opening = null;
        publishBook(startNs, out);
    }

    String symbol() {
        return symbol;
    }

    boolean done() {
        return done;
    }

    /** Time of the next delivery: the session start while the opening book is not yet announced. */
    long nextTs() {
        return opening != null ? startNs : pendingTs;
    }

    long events() {
        return events;
    }

    /** Intraday activity multiplier at fraction {@code x} of the session: high at the open and close. */
    static double activity(double x) {
        return 0.7 + 1.3 * Math.exp(-x / 0.06) + 0.8 * Math.exp(-(1 - x) / 0.05);
    }

    private double midTicks() {
        return 0.5 * (book.tickOf(book.bestBid()) + book.tickOf(book.bestAsk()));
    }

    /** Finds the next event by thinning, leaving it pending. */
    private void advance() {
        while (true) {
            double t = hawkes.time();
            int sec = (int) t;
            if (t >= duration) {
                done = true;
                pending = -1;
                return;
            }
            double horizon = Math.min(sec + 1, duration);
            double a = activity(t / duration);
            double limitF = 1;
            double cancelF = 1;
            double toxic = 0;
            if (event) {
                double since = t - eventSec;
                if (since >= 0 && since < WITHDRAW_SECONDS) {
                    limitF = 0.3;
                    cancelF = 2.0;
                } else if (since >= WITHDRAW_SECONDS && since < WITHDRAW_SECONDS + RECOVER_SECONDS) {
                    double w = (since - WITHDRAW_SECONDS) / RECOVER_SECONDS;
                    limitF = 0.3 + 0.7 * w;
                    cancelF = 2.0 - w;
                } else if (since < 0 && since >= -PRE_EVENT_SECONDS) {
                    toxic = TOXIC_RATE * (1 + since / PRE_EVENT_SECONDS);
                }
            }
            toxicShare = toxic / TOXIC_RATE;
            double gap = value[sec] - midTicks();
            double g = Math.tanh(gap / 4.0);
            shading = g;
            for (int i = 0; i < 6; i++) {
                mu[i] = MU[i] * a;
            }
            mult[MB] = 1;
            mult[MS] = 1;
            mult[LB] = limitF * (1 + SHADE * g);
            mult[LA] = limitF * (1 - SHADE * g);
            mult[CB] = cancelF * (1 - SHADE * g);
            mult[CA] = cancelF * (1 + SHADE * g);
            double informed = KAPPA * Math.min(Math.abs(gap), GAP_CAP);
            informed = Math.abs(gap) > 0.5 ? informed : 0;
            extra[0] = gap > 0 ? informed : 0; // informed buy
            extra[1] = (gap < 0 ? informed : 0) + toxic; // informed or toxic sell
            int type = hawkes.next(rng, mu, mult, extra, horizon);
            if (type >= 0) {
                pending = type;
                long ts = startNs + Math.round(hawkes.time() * 1e9);
                pendingTs = ts <= lastTs ? lastTs + 1 : ts;
                return;
            }
        }
    }

    /** Applies the pending event, delivers it, and finds the next one. */
    void step(MarketDataListener out) {
        if (done) {
            throw new IllegalStateException(symbol + ": the session is over");
        }
        if (opening != null) {
            publishOpening(out);
            return;
        }
        long ts = pendingTs;
        lastTs = ts;
        int type = pending;
        boolean applied;
        switch (type) {
            case MB -> applied = market(ts, TickBook.ASK, marketSize(false), out);
            case MS -> applied = market(ts, TickBook.BID, marketSize(false), out);
            case 6 -> applied = market(ts, TickBook.ASK, marketSize(true), out);
            case 7 -> applied = market(ts, TickBook.BID, marketSize(true), out);
            case LB -> applied = limit(ts, TickBook.BID, out);
            case LA -> applied = limit(ts, TickBook.ASK, out);
            case CB -> applied = cancel(ts, TickBook.BID, out);
            case CA -> applied = cancel(ts, TickBook.ASK, out);
            default -> throw new IllegalStateException("unknown event type " + type);
        }
        if (applied) {
            hawkes.excite(type == 6 ? MB : type == 7 ? MS : type);
            publishBook(ts, out);
            events++;
        }
        advance();
    }

    private boolean limit(long ts, int side, MarketDataListener out) {
        double lean = side == TickBook.BID ? shading : -shading;
        int k = lean > 0 && rng.nextDouble() < lean ? 0 : geometric(0.35, 40);
        int bb = book.tickOf(book.bestBid());
        int ba = book.tickOf(book.bestAsk());
        int tick = side == TickBook.BID ? ba - 1 - k : bb + 1 + k;
        // against one-sided flow (the informed trader's lean, or the toxic seller liquidity
        // providers sense before the event) they join or back off but do not improve the quote
        double against = Math.max(-lean, side == TickBook.BID ? toxicShare : 0);
        if (against > 0 && rng.nextDouble() < against) {
            tick = side == TickBook.BID ? Math.min(tick, bb) : Math.max(tick, ba);
        }
        int qty = limitSize();
        int slot = book.add(side, book.levelOf(tick), qty);
        out.onOrderEvent(new OrderEvent(ts, symbol, OrderEventType.NEW, side == TickBook.BID ? Side.BUY : Side.SELL,
                (double) tick / TICKS_PER_DOLLAR, qty, book.orderId(slot)));
        return true;
    }

    private boolean cancel(long ts, int side, MarketDataListener out) {
        if (book.orders(side) <= 3) {
            return false;
        }
        int slot;
        double fade = side == TickBook.BID ? -shading : shading;
        if (fade > 0 && rng.nextDouble() < fade) {
            // quote fading: liquidity providers pull their most recent order at the threatened best
            slot = book.tailOf(side == TickBook.BID ? book.bestBid() : book.bestAsk());
        } else if (rng.nextDouble() < 0.1) {
            slot = book.oldest(side);
        } else {
            slot = randomNearOrder(side);
        }
        if (slot == TickBook.NONE) {
            return false;
        }
        int level = book.orderLevel(slot);
        if (book.levelCount(level) == 1 && (level == book.bestBid() || level == book.bestAsk())
                && book.orders(side) <= 3) {
            return false;
        }
        double px = (double) book.tickOf(level) / TICKS_PER_DOLLAR;
        long id = book.orderId(slot);
        int qty = book.orderQty(slot);
        Side s = side == TickBook.BID ? Side.BUY : Side.SELL;
        if (qty >= 200 && rng.nextDouble() < 0.15) {
            int cut = (qty / 200) * 100;
            book.reduce(slot, cut);
            out.onOrderEvent(new OrderEvent(ts, symbol, OrderEventType.CANCEL, s, px, cut, id));
        } else {
            book.delete(slot);
            out.onOrderEvent(new OrderEvent(ts, symbol, OrderEventType.DELETE, s, px, qty, id));
        }
        return true;
    }

    /** An order drawn uniformly among those on the first CANCEL_DEPTH ticks of a side. */
    private int randomNearOrder(int side) {
        int best = side == TickBook.BID ? book.bestBid() : book.bestAsk();
        int step = side == TickBook.BID ? -1 : 1;
        int total = 0;
        for (int d = 0, l = best; d < CANCEL_DEPTH; d++, l += step) {
            total += book.levelCount(l);
        }
        if (total == 0) {
            return TickBook.NONE;
        }
        int pick = rng.nextInt(total);
        for (int d = 0, l = best; d < CANCEL_DEPTH; d++, l += step) {
            int c = book.levelCount(l);
            if (pick < c) {
                int s = book.headOf(l);
                while (pick-- > 0) {
                    s = book.nextInQueue(s);
                }
                return s;
            }
            pick -= c;
        }
        return TickBook.NONE;
    }

    /** A market order against {@code restingSide}; never takes the side's last order. */
    private boolean market(long ts, int restingSide, int qty, MarketDataListener out) {
        Side aggressor = restingSide == TickBook.ASK ? Side.BUY : Side.SELL;
        Side resting = restingSide == TickBook.ASK ? Side.SELL : Side.BUY;
        boolean any = false;
        while (qty > 0 && book.orders(restingSide) > 1) {
            int level = restingSide == TickBook.ASK ? book.bestAsk() : book.bestBid();
            int slot = book.headOf(level);
            int fill = Math.min(qty, book.orderQty(slot));
            long id = book.orderId(slot);
            double px = (double) book.tickOf(level) / TICKS_PER_DOLLAR;
            book.reduce(slot, fill);
            qty -= fill;
            out.onOrderEvent(new OrderEvent(ts, symbol, OrderEventType.EXECUTION, resting, px, fill, id));
            out.onTrade(new Trade(ts, symbol, px, fill, aggressor));
            any = true;
        }
        return any;
    }

    private void publishBook(long ts, MarketDataListener out) {
        book.fill(TickBook.BID, bidPx, bidSz, levels, TICKS_PER_DOLLAR);
        book.fill(TickBook.ASK, askPx, askSz, levels, TICKS_PER_DOLLAR);
        out.onBook(new LobSnapshot(ts, symbol, bidPx, bidSz, askPx, askSz));
        if (bidPx[0] != lastBid || askPx[0] != lastAsk || bidSz[0] != lastBidSz || askSz[0] != lastAskSz) {
            lastBid = bidPx[0];
            lastAsk = askPx[0];
            lastBidSz = bidSz[0];
            lastAskSz = askSz[0];
            out.onQuote(new Quote(ts, symbol, bidPx[0], bidSz[0], askPx[0], askSz[0]));
        }
    }

    /** Round lots: 100 x (1 + geometric), at most 1000 shares. */
    private int limitSize() {
        return 100 * (1 + geometric(0.45, 9));
    }

    /** Market orders: 100 x a Pareto(1.6) draw, capped at 5000; informed orders twice as large. */
    private int marketSize(boolean informed) {
        double x = Math.pow(1.0 - rng.nextDouble(), -1.0 / 1.6);
        int lots = (int) Math.min(50, Math.floor(x));
        return 100 * (informed ? 2 * lots : lots);
    }

    /** Number of failures before the first success, truncated at {@code max}. */
    private int geometric(double p, int max) {
        int k = (int) Math.floor(Math.log(1.0 - rng.nextDouble()) / Math.log(1 - p));
        return Math.min(k, max);
    }
}
