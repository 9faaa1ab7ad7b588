package org.eimas.micro.flink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * The job graph: canonical CSV books and trades (bounded {@link FileSource}s, event time from
 * {@code ts}), keyed by symbol into {@link OfiFunction} and {@link VpinFunction}, each output to a
 * {@link FileSink} bucketed by symbol under {@code <out>/_parts/<output>/<symbol>/}.
 * {@link OutputMerger} turns those into one CSV per symbol after a bounded run.
 */
public final class EimasFlinkJob {
    public static final String OFI = "ofi";
    public static final String VPIN = "vpin";
    public static final String VPIN_ALERTS = "vpin_alerts";
    public static final List<String> VPIN_HEADER = List.of("bucket", "end_ts", "buy", "sell", "vpin");
    public static final List<String> ALERT_HEADER = List.of("ts", "vpin", "cdf", "level", "action", "trend");

    private EimasFlinkJob() {
    }

    /** Adds the sources, keyed models and sinks to {@code env}. */
    public static void define(StreamExecutionEnvironment env, JobOptions o) {
        java.nio.file.Path parts = o.out.resolve("_parts");
        if (!o.books.isEmpty()) {
            DataStream<BookRow> books = env.fromSource(fileSource(CanonicalCsvFormat.books(), o.books),
                    NanosWatermarks.boundedOutOfOrderness(o.maxOutOfOrdernessNanos, (BookRow r) -> r.ts), "books").uid("books-source");
            if (o.bookTap != null) {
                books = books.map(o.bookTap).name("book-tap").uid("book-tap");
            }
            books.keyBy((BookRow r) -> r.symbol)
                    .process(new OfiFunction(o.levels, o.windowNanos())).name("ofi").uid("ofi")
                    .sinkTo(sink(parts.resolve(OFI))).name("ofi-csv").uid("ofi-csv");
        }
        if (!o.trades.isEmpty()) {
            DataStream<TradeRow> trades = env.fromSource(fileSource(CanonicalCsvFormat.trades(), o.trades),
                    NanosWatermarks.boundedOutOfOrderness(o.maxOutOfOrdernessNanos, (TradeRow r) -> r.ts), "trades").uid("trades-source");
            if (o.tradeTap != null) {
                trades = trades.map(o.tradeTap).name("trade-tap").uid("trade-tap");
            }
            SingleOutputStreamOperator<SymbolLine> vpin = trades.keyBy((TradeRow r) -> r.symbol)
                    .process(new VpinFunction(o.vpinParams())).name("vpin").uid("vpin");
            vpin.sinkTo(sink(parts.resolve(VPIN))).name("vpin-csv").uid("vpin-csv");
            vpin.getSideOutput(VpinFunction.ALERTS).sinkTo(sink(parts.resolve(VPIN_ALERTS))).name("alerts-csv").uid("alerts-csv");
        }
    }

    static <T> Source<T, ?, ?> fileSource(CanonicalCsvFormat<T> format, List<java.nio.file.Path> inputs) {
        List<Path> paths = new ArrayList<>();
        for (java.nio.file.Path p : inputs) {
            paths.add(Path.fromLocalFile(p.toAbsolutePath().toFile()));
        }
        return FileSource.forBulkFileFormat(format, paths.toArray(new Path[0]))
                .setFileEnumerator(CsvFilesOnly::new)
                .build();
    }

    static FileSink<SymbolLine> sink(java.nio.file.Path dir) {
        return FileSink.<SymbolLine>forRowFormat(Path.fromLocalFile(dir.toAbsolutePath().toFile()), new LineEncoder())
                .withBucketAssigner(new BySymbol())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".csv").build())
                .build();
    }

    /** Every {@code .csv} / {@code .csv.gz} file under the given paths (hidden files and {@code _} names skipped). */
    static final class CsvFilesOnly extends NonSplittingRecursiveEnumerator {
        @Override
        protected void convertToSourceSplits(FileStatus file, FileSystem fs, List<FileSourceSplit> target) throws java.io.IOException {
            String name = file.getPath().getName();
            if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
                super.convertToSourceSplits(file, fs, target);
            }
        }
    }

    static final class LineEncoder implements Encoder<SymbolLine> {
        private static final long serialVersionUID = 1L;

        @Override
        public void encode(SymbolLine element, java.io.OutputStream stream) throws java.io.IOException {
            stream.write(element.line.getBytes(StandardCharsets.UTF_8));
            stream.write('\n');
        }
    }

    static final class BySymbol implements BucketAssigner<SymbolLine, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getBucketId(SymbolLine element, Context context) {
            return OutputMerger.checkSymbol(element.symbol);
        }

        @Override
        public SimpleVersionedSerializer<String> getSerializer() {
            return SimpleVersionedStringSerializer.INSTANCE;
        }
    }
}
