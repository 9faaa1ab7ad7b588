package org.eimas.micro.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalCsvFormatTest {
    @TempDir
    Path tmp;

    static final String BOOKS = String.join("\n",
            "ts,symbol,bid_px_1,bid_sz_1,ask_px_1,ask_sz_1,bid_px_2,bid_sz_2,ask_px_2,ask_sz_2",
            "100,AAA,10.01,300,10.02,200,10,100,10.03,400",
            "100,AAA,10.01,250,10.02,200,10,100,10.03,400",
            "",
            "105,AAA,10.02,50,10.03,100,0,0,0,0",
            "") ;

    private static FileSourceSplit split(Path p, CheckpointedPosition pos) throws Exception {
        long len = Files.size(p);
        return new FileSourceSplit("s", org.apache.flink.core.fs.Path.fromLocalFile(p.toFile()), 0, len, 0, len, new String[0], pos);
    }

    private static <T> List<T> readAll(BulkFormat.Reader<T> r, List<Long> positions, java.util.function.UnaryOperator<T> copy) throws Exception {
        List<T> out = new ArrayList<>();
        BulkFormat.RecordIterator<T> it;
        while ((it = r.readBatch()) != null) {
            RecordAndPosition<T> rp;
            while ((rp = it.next()) != null) {
                out.add(copy.apply(rp.getRecord()));
                assertThat(rp.getOffset()).isEqualTo(CheckpointedPosition.NO_OFFSET);
                positions.add(rp.getRecordSkipCount());
            }
            it.releaseBatch();
        }
        r.close();
        return out;
    }

    @Test
    void readsBooksPlainAndGzipWithExactDoublesAndRestoresBySkippingRows() throws Exception {
        Path plain = Files.writeString(tmp.resolve("b.csv"), BOOKS);
        Path gz = tmp.resolve("b.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(BOOKS.getBytes(StandardCharsets.UTF_8));
        }
        CanonicalCsvFormat<BookRow> f = CanonicalCsvFormat.books();
        for (Path p : List.of(plain, gz)) {
            List<Long> pos = new ArrayList<>();
            List<BookRow> rows = readAll(f.createReader(new Configuration(), split(p, null)), pos, r -> r);
            assertThat(rows).hasSize(3);
            assertThat(pos).containsExactly(1L, 2L, 3L);
            assertThat(rows.get(0).symbol).isEqualTo("AAA");
            assertThat(rows.get(0).ts).isEqualTo(100);
            assertThat(rows.get(0).bidPx).containsExactly(10.01, 10.0);
            assertThat(rows.get(1).bidSz).containsExactly(250.0, 100.0);
            assertThat(rows.get(2).askPx).containsExactly(10.03, 0.0);
            assertThat(rows.get(2).ts).isEqualTo(105);
            // restore after the first row: the reader skips it
            List<BookRow> rest = readAll(f.restoreReader(new Configuration(), split(p, new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 1))),
                    new ArrayList<>(), r -> r);
            assertThat(rest).extracting(r -> r.bidSz[0]).containsExactly(250.0, 50.0);
        }
    }

    @Test
    void badInputNamesFileLineColumnAndText() throws Exception {
        CanonicalCsvFormat<BookRow> books = CanonicalCsvFormat.books();
        CanonicalCsvFormat<TradeRow> trades = CanonicalCsvFormat.trades();
        Path badNumber = Files.writeString(tmp.resolve("n.csv"), "ts,symbol,price,size\n1,A,10,100\n2,A,1O.5,100\n");
        assertThatThrownBy(() -> readAll(trades.createReader(new Configuration(), split(badNumber, null)), new ArrayList<>(), r -> r))
                .hasMessageContaining("n.csv:3").hasMessageContaining("column price '1O.5'").hasMessageContaining("not a number");
        Path back = Files.writeString(tmp.resolve("t.csv"), "ts,symbol,price,size\n5,A,10,100\n4,A,10,100\n");
        assertThatThrownBy(() -> readAll(trades.createReader(new Configuration(), split(back, null)), new ArrayList<>(), r -> r))
                .hasMessageContaining("t.csv:3").hasMessageContaining("ts goes backwards");
        Path negative = Files.writeString(tmp.resolve("s.csv"), "ts,symbol,price,size\n5,A,10,-1\n");
        assertThatThrownBy(() -> readAll(trades.createReader(new Configuration(), split(negative, null)), new ArrayList<>(), r -> r))
                .hasMessageContaining("s.csv:2").hasMessageContaining("size must be a finite non-negative size");
        Path header = Files.writeString(tmp.resolve("h.csv"), "ts,symbol,bid_px_1,bid_sz_1,ask_px_1\n");
        assertThatThrownBy(() -> books.createReader(new Configuration(), split(header, null)))
                .hasMessageContaining("h.csv:1").hasMessageContaining("book header must be");
        Path fields = Files.writeString(tmp.resolve("f.csv"), "ts,symbol,price,size\n5,A,10\n");
        assertThatThrownBy(() -> readAll(trades.createReader(new Configuration(), split(fields, null)), new ArrayList<>(), r -> r))
                .hasMessageContaining("f.csv:2").hasMessageContaining("expected 4 fields, got 3");
        Path crossed = Files.writeString(tmp.resolve("c.csv"), "ts,symbol,bid_px_1,bid_sz_1,ask_px_1,ask_sz_1,bid_px_2,bid_sz_2,ask_px_2,ask_sz_2\n"
                + "1,A,10,1,10.1,1,10.5,1,10.2,1\n");
        assertThatThrownBy(() -> readAll(books.createReader(new Configuration(), split(crossed, null)), new ArrayList<>(), r -> r))
                .hasMessageContaining("c.csv:2").hasMessageContaining("bid_px_2");
        Path empty = Files.writeString(tmp.resolve("e.csv"), "");
        assertThatThrownBy(() -> trades.createReader(new Configuration(), split(empty, null)))
                .hasMessageContaining("e.csv:1: empty file");
    }

    @Test
    void tradesWithAndWithoutQuoteColumns() throws Exception {
        Path q = Files.writeString(tmp.resolve("q.csv"), "ts,symbol,price,size,bid,ask\n1,A,10,0.5,,\n2,A,10.5,100,10.4,10.6\n");
        List<TradeRow> rows = readAll(CanonicalCsvFormat.trades().createReader(new Configuration(), split(q, null)), new ArrayList<>(), r -> r);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).bid).isNaN();
        assertThat(rows.get(0).size).isEqualTo(0.5);
        assertThat(rows.get(1).ask).isEqualTo(10.6);
    }
}
