package org.eimas.micro.flink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
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
 * The job graph: canonical CSV books and trades (bounded {@link FileSource}s, or Kafka topics read
 * by {@link KafkaRows}; event time from {@code ts}), keyed by symbol into {@link OfiFunction} and
 * {@link VpinFunction}, each output to a {@link FileSink} bucketed by symbol under
 * {@code <out>/_parts/<output>/<symbol>/} and/or to a Kafka topic {@code <prefix><output>}.
 * {@link OutputMerger} turns those into one CSV per symbol after a bounded run.
 */
public final class EimasFlinkJob {
    public static final String OFI = "ofi";
    public static final String VPIN = "vpin";
    public static final String VPIN_ALERTS = "vpin_alerts";
    public static final String FEATURES = "features";
    public static final List<String> VPIN_HEADER = List.of("bucket", "end_ts", "buy", "sell", "vpin");
    public static final List<String> ALERT_HEADER = List.of("ts", "vpin", "cdf", "level", "action", "trend");

    private EimasFlinkJob() {
    }

    /** Adds the sources, keyed models and sinks to {@code env}. */
    public static void define(StreamExecutionEnvironment env, JobOptions o) {
        java.nio.file.Path parts = o.out == null ? null : o.out.resolve("_parts");
        DataStream<BookRow> books = null;
        DataStream<TradeRow> trades = null;
        if (o.hasBooks()) {
            WatermarkStrategy<BookRow> wm = NanosWatermarks.boundedOutOfOrderness(o.maxOutOfOrdernessNanos, (BookRow r) -> r.ts);
            books = o.booksTopic == null
                    ? env.fromSource(fileSource(CanonicalCsvFormat.books(), o.books), wm, "books").uid("books-source")
                    : env.fromSource(kafkaSource(o, o.booksTopic, KafkaRows.books()), wm.withIdleness(KAFKA_IDLE), "books-kafka").uid("books-kafka");
            if (o.bookTap != null) {
                books = books.map(o.bookTap).name("book-tap").uid("book-tap");
            }
            DataStream<SymbolLine> ofi = books.keyBy((BookRow r) -> r.symbol)
                    .process(new OfiFunction(o.levels, o.windowNanos())).name("ofi").uid("ofi");
            sinks(o, ofi, parts, OFI, o.ofiHeader());
        }
        if (o.hasTrades()) {
            WatermarkStrategy<TradeRow> wm = NanosWatermarks.boundedOutOfOrderness(o.maxOutOfOrdernessNanos, (TradeRow r) -> r.ts);
            trades = o.tradesTopic == null
                    ? env.fromSource(fileSource(CanonicalCsvFormat.trades(), o.trades), wm, "trades").uid("trades-source")
                    : env.fromSource(kafkaSource(o, o.tradesTopic, KafkaRows.trades()), wm.withIdleness(KAFKA_IDLE), "trades-kafka").uid("trades-kafka");
            if (o.tradeTap != null) {
                trades = trades.map(o.tradeTap).name("trade-tap").uid("trade-tap");
            }
            SingleOutputStreamOperator<SymbolLine> vpin = trades.keyBy((TradeRow r) -> r.symbol)
                    .process(new VpinFunction(o.vpinParams())).name("vpin").uid("vpin");
            sinks(o, vpin, parts, VPIN, VPIN_HEADER);
            sinks(o, vpin.getSideOutput(VpinFunction.ALERTS), parts, VPIN_ALERTS, ALERT_HEADER);
        }
        if (o.features || o.paths) {
            DataStream<SymbolLine> f = books.connect(trades)
                    .keyBy((BookRow r) -> r.symbol, (TradeRow r) -> r.symbol)
                    .process(new FeaturesFunction(JobOptions.secondsToNanos("--features-window", o.featuresWindow),
                            JobOptions.secondsToNanos("--features-every", o.featuresEvery), o.featuresVpinBucket, o.featuresVpinBuckets,
                            o.paths))
                    .name("features").uid("features");
            sinks(o, f, parts, FEATURES, o.featuresHeader());
        }
    }

    /** A Kafka partition with no records for this long does not hold the watermark back. */
    static final java.time.Duration KAFKA_IDLE = java.time.Duration.ofSeconds(5);

    private static void sinks(JobOptions o, DataStream<SymbolLine> s, java.nio.file.Path parts, String name, List<String> header) {
        if (parts != null) {
            s.sinkTo(sink(parts.resolve(name))).name(name + "-csv").uid(name + "-csv");
        }
        if (o.outTopicPrefix != null) {
            s.sinkTo(kafkaSink(o.kafkaBootstrap, o.outTopicPrefix + name)).name(name + "-kafka").uid(name + "-kafka");
        }
        if (o.questdb != null) {
            s.sinkTo(new QuestDbSink(o.questdb, o.questdbTablePrefix + name, header)).name(name + "-questdb").uid(name + "-questdb");
        }
    }

    static <T> KafkaSource<T> kafkaSource(JobOptions o, String topic, KafkaRows<T> rows) {
        KafkaSourceBuilder<T> b = KafkaSource.<T>builder()
                .setBootstrapServers(o.kafkaBootstrap)
                .setTopics(topic)
                .setGroupId(o.kafkaGroup)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .setDeserializer(rows);
        if (o.kafkaBounded) {
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }

    /**
     * Output rows to a topic, keyed by symbol; the value is the row with its row number first
     * ({@code row,<columns>}), so a consumer can drop the duplicates that at-least-once delivery
     * may bring after a restore.
     */
    static KafkaSink<SymbolLine> kafkaSink(String bootstrap, String topic) {
        return KafkaSink.<SymbolLine>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(new LineRecords(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
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

    /**
     * Key = symbol, value = the row; the record timestamp is the row's ts in milliseconds (Kafka
     * timestamps are ms; this job's event time is ns and would be rejected as out of range).
     */
    static final class LineRecords implements KafkaRecordSerializationSchema<SymbolLine> {
        private static final long serialVersionUID = 1L;
        private final String topic;

        LineRecords(String topic) {
            this.topic = topic;
        }

        @Override
        public org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> serialize(SymbolLine l, KafkaSinkContext context, Long timestamp) {
            return new org.apache.kafka.clients.producer.ProducerRecord<>(topic, null, Math.floorDiv(l.ts, 1_000_000L),
                    l.symbol.getBytes(StandardCharsets.UTF_8), l.line.getBytes(StandardCharsets.UTF_8));
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
