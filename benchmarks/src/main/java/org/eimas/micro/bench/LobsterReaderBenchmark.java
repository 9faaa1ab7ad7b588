package org.eimas.micro.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MarketDataListener;
import org.eimas.micro.replay.lobster.LobsterReader;
import org.eimas.micro.replay.sim.SyntheticMarket;
import org.eimas.micro.replay.sim.SyntheticMarketConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * LOBSTER reading: message + 10-level orderbook files of one simulated SPY day (seed 7, written
 * in LOBSTER's layout in the setup; {@link #MESSAGES} rows is printed at setup), parsed into order
 * events, trades, books and quotes. Reported as time per file pair.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LobsterReaderBenchmark {
    static long messages;
    private Path dir;
    private Path message;

    @Setup(Level.Trial)
    public void write() throws IOException {
        dir = Files.createTempDirectory("eimas-bench-lobster");
        message = dir.resolve("SPY_2024-06-03_34200000_57600000_message_10.csv");
        Path book = dir.resolve("SPY_2024-06-03_34200000_57600000_orderbook_10.csv");
        long midnight = LocalDate.of(2024, 6, 3).atStartOfDay(SyntheticMarketConfig.NEW_YORK).toEpochSecond() * 1_000_000_000L;
        try (BufferedWriter m = Files.newBufferedWriter(message); BufferedWriter b = Files.newBufferedWriter(book)) {
            List<OrderEvent> pending = new ArrayList<>();
            new SyntheticMarket(SyntheticMarketConfig.of(List.of("SPY"), LocalDate.of(2024, 6, 3), 6.5, 7))
                    .run(new MarketDataListener() {
                        @Override
                        public void onOrderEvent(OrderEvent e) {
                            pending.add(e);
                        }

                        @Override
                        public void onBook(LobSnapshot s) {
                            try {
                                for (OrderEvent e : pending) {
                                    long ns = e.ts() - midnight;
                                    int type = switch (e.type()) {
                                        case NEW -> 1;
                                        case CANCEL -> 2;
                                        case DELETE -> 3;
                                        default -> 4;
                                    };
                                    m.write(String.format("%d.%09d,%d,%d,%d,%d,%d%n", ns / 1_000_000_000L, ns % 1_000_000_000L, type,
                                            e.orderId(), (long) e.size(), Math.round(e.price() * 10_000), e.side().sign()));
                                    StringBuilder row = new StringBuilder();
                                    for (int l = 1; l <= 10; l++) {
                                        row.append(l == 1 ? "" : ",").append(px(s.askPrice(l), 9_999_999_999L)).append(',')
                                                .append((long) s.askSize(l)).append(',').append(px(s.bidPrice(l), -9_999_999_999L))
                                                .append(',').append((long) s.bidSize(l));
                                    }
                                    b.write(row.append('\n').toString());
                                    messages++;
                                }
                            } catch (IOException x) {
                                throw new UncheckedIOException(x);
                            }
                            pending.clear();
                        }
                    });
        }
        System.out.println("LOBSTER benchmark file: " + messages + " messages, " + Files.size(message) / 1_000_000 + " MB + "
                + Files.size(book) / 1_000_000 + " MB");
    }

    private static long px(double price, long dummy) {
        return price == 0 ? dummy : Math.round(price * 10_000);
    }

    @Benchmark
    public LobsterReader.Counts read(Blackhole bh) {
        return LobsterReader.read(message, new MarketDataListener() {
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

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
