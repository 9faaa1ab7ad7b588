package org.eimas.micro.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MarketDataListener;
import org.eimas.micro.replay.sim.SyntheticMarket;
import org.eimas.micro.replay.sim.SyntheticMarketConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The synthetic market: one full 6.5-hour day of SPY and QQQ (seed 7, 10 levels, liquidity event;
 * about 0.69 M book events, 0.73 M order events and 0.14 M trades), every value delivered to a
 * listener that consumes it. Reported as time per simulated day.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SyntheticMarketBenchmark {
    @Benchmark
    public long fullDayTwoSymbols(Blackhole bh) {
        SyntheticMarketConfig cfg = SyntheticMarketConfig.of(List.of("SPY", "QQQ"), LocalDate.of(2024, 6, 3), 6.5, 7);
        return new SyntheticMarket(cfg).run(new MarketDataListener() {
            @Override
            public void onBook(LobSnapshot book) {
                bh.consume(book);
            }

            @Override
            public void onQuote(Quote quote) {
                bh.consume(quote);
            }

            @Override
            public void onTrade(Trade trade) {
                bh.consume(trade);
            }

            @Override
            public void onOrderEvent(OrderEvent event) {
                bh.consume(event);
            }
        });
    }
}
