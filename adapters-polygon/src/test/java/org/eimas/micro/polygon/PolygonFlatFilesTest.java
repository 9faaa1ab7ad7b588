package org.eimas.micro.polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolygonFlatFilesTest {
    @TempDir
    Path tmp;

    static Path root() throws Exception {
        return Paths.get(PolygonFlatFilesTest.class.getResource("/flat").toURI());
    }

    static final long OPEN = 1_717_421_400_000_000_000L; // 2024-06-03 09:30 New York

    @Test
    void tradesOfOneSymbolInARange() throws Exception {
        List<Trade> got = new ArrayList<>();
        long n = new PolygonFlatFiles(root(), 100).trades("SPY", OPEN, OPEN + 3_600_000_000_000L, got::add);
        assertThat(n).isEqualTo(2);
        assertThat(got).containsExactly(new Trade(OPEN + 200, "SPY", 450.01, 300), new Trade(OPEN + 500_000_300L, "SPY", 450.02, 5));
    }

    @Test
    void quotesWithQuotedListsAndRoundLots() throws Exception {
        List<Quote> got = new ArrayList<>();
        new PolygonFlatFiles(root(), 100).quotes("SPY", OPEN, OPEN + 1_000_000_000L, got::add);
        assertThat(got).containsExactly(new Quote(OPEN + 50, "SPY", 450.01, 200, 450.02, 300),
                new Quote(OPEN + 100_000_050L, "SPY", 450.01, 400, 450.03, 100));
    }

    @Test
    void everyTickerOfADayFile() throws Exception {
        List<Trade> got = new ArrayList<>();
        PolygonFlatFiles.readTrades(root().resolve("trades_v1/2024/06/2024-06-03.csv.gz"), null, got::add);
        assertThat(got).extracting(Trade::symbol).containsExactly("AAPL", "SPY", "SPY", "SPY");
    }

    @Test
    void errorsNameFileAndLine() throws Exception {
        Path f = tmp.resolve("t.csv.gz");
        try (GZIPOutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
            o.write("ticker,sip_timestamp,price,size\nSPY,5,1.0,1\nSPY,6,abc,1\n".getBytes());
        }
        assertThatThrownBy(() -> PolygonFlatFiles.readTrades(f, "SPY", t -> { }))
                .hasMessage(f + ":3: price must be a number, got 'abc'");
        try (GZIPOutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
            o.write("ticker,sip_timestamp,size\nSPY,5,1\n".getBytes());
        }
        assertThatThrownBy(() -> PolygonFlatFiles.readTrades(f, "SPY", t -> { })).hasMessageContaining(":1: missing column 'price'");
        try (GZIPOutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
            o.write("ticker,sip_timestamp,price,size\nSPY,6,1.0,1\nSPY,5,1.0,1\n".getBytes());
        }
        assertThatThrownBy(() -> PolygonFlatFiles.readTrades(f, "SPY", t -> { })).hasMessageContaining(":3: sip_timestamp 5 goes back in time");
    }
}
