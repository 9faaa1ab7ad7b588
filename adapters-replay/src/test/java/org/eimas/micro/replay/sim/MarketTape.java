package org.eimas.micro.replay.sim;

import java.util.Arrays;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MarketDataListener;

/** Test helper: records one symbol's quotes and trades into primitive arrays, and checks books. */
final class MarketTape implements MarketDataListener {
    final String symbol;
    int nq;
    long[] qts = new long[1 << 16];
    double[] bid = new double[1 << 16];
    double[] ask = new double[1 << 16];
    double[] bsz = new double[1 << 16];
    double[] asz = new double[1 << 16];
    int nt;
    long[] tts = new long[1 << 16];
    double[] tpx = new double[1 << 16];
    double[] tsz = new double[1 << 16];
    int[] tsign = new int[1 << 16];
    long books;
    long orderEvents;
    long lastTs = Long.MIN_VALUE;
    long hash = 1;

    MarketTape(String symbol) {
        this.symbol = symbol;
    }

    private void time(long ts) {
        if (ts < lastTs) {
            throw new AssertionError("time went backwards: " + ts + " < " + lastTs);
        }
        lastTs = ts;
    }

    @Override
    public void onBook(LobSnapshot b) {
        if (!b.symbol().equals(symbol)) {
            return;
        }
        time(b.ts());
        books++;
        if (b.bestBid() >= b.bestAsk()) {
            throw new AssertionError("crossed or locked book " + b);
        }
        for (int i = 1; i <= b.levels(); i++) {
            checkTick(b.bidPrice(i));
            checkTick(b.askPrice(i));
        }
        hash = hash * 31 + b.hashCode();
    }

    private static void checkTick(double px) {
        double cents = px * 100;
        if (Math.abs(cents - Math.rint(cents)) > 1e-6) {
            throw new AssertionError("price off the one-cent grid: " + px);
        }
    }

    @Override
    public void onQuote(Quote q) {
        if (!q.symbol().equals(symbol)) {
            return;
        }
        if (nq == qts.length) {
            int c = nq * 2;
            qts = Arrays.copyOf(qts, c);
            bid = Arrays.copyOf(bid, c);
            ask = Arrays.copyOf(ask, c);
            bsz = Arrays.copyOf(bsz, c);
            asz = Arrays.copyOf(asz, c);
        }
        qts[nq] = q.ts();
        bid[nq] = q.bid();
        ask[nq] = q.ask();
        bsz[nq] = q.bidSize();
        asz[nq] = q.askSize();
        nq++;
    }

    @Override
    public void onTrade(Trade t) {
        if (!t.symbol().equals(symbol)) {
            return;
        }
        if (nt == tts.length) {
            int c = nt * 2;
            tts = Arrays.copyOf(tts, c);
            tpx = Arrays.copyOf(tpx, c);
            tsz = Arrays.copyOf(tsz, c);
            tsign = Arrays.copyOf(tsign, c);
        }
        tts[nt] = t.ts();
        tpx[nt] = t.price();
        tsz[nt] = t.size();
        tsign[nt] = t.aggressor().sign();
        nt++;
        hash = hash * 31 + t.hashCode();
    }

    @Override
    public void onOrderEvent(OrderEvent e) {
        if (e.symbol().equals(symbol)) {
            orderEvents++;
            hash = hash * 31 + e.hashCode();
        }
    }
}
