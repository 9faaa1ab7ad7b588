package org.eimas.micro.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka path against a real broker (Kafka 4.2 KRaft, in this JVM, loopback): books as
 * canonical CSV records, trades as JSON records, keyed by symbol on 2-partition topics; the job
 * (parallelism 2, bounded at the latest offsets) writes the same files as {@code eimas ofi} /
 * {@code eimas vpin}, and its Kafka output topic holds the same VPIN rows.
 */
@Tag("slow")
class FlinkKafkaTest {
    @TempDir
    Path tmp;

    @Test
    void kafkaTopicsInKafkaAndFilesOutGiveTheSingleJvmNumbers() throws Exception {
        SyntheticDay day = SyntheticDay.create(tmp.resolve("day"), 0.05);
        try (InProcessKafka k = InProcessKafka.start(tmp)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", k.bootstrap()))) {
                admin.createTopics(List.of(new NewTopic("books", 2, (short) 1), new NewTopic("trades", 2, (short) 1),
                        new NewTopic("out.vpin", 2, (short) 1))).all().get();
                // every partition has a leader before the first record is sent
                long until = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < until && admin.describeTopics(List.of("books", "trades", "out.vpin")).allTopicNames().get().values().stream()
                        .flatMap(d -> d.partitions().stream()).anyMatch(pi -> pi.leader() == null)) {
                    Thread.sleep(50);
                }
            }
            Properties pp = new Properties();
            pp.put("bootstrap.servers", k.bootstrap());
            pp.put("linger.ms", "5");
            pp.put("acks", "all");
            List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> sent = new ArrayList<>();
            try (KafkaProducer<String, String> prod = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
                for (String s : SyntheticDay.SYMBOLS) {
                    List<String> lines = Files.readAllLines(day.booksBySymbol.resolve(s + ".csv"));
                    for (String l : lines.subList(1, lines.size())) {
                        sent.add(prod.send(new ProducerRecord<>("books", s, l)));
                    }
                    List<String> trades = Files.readAllLines(day.tradesBySymbol.resolve(s + ".csv"));
                    String[] h = trades.get(0).split(",");
                    for (String l : trades.subList(1, trades.size())) {
                        String[] f = l.split(",", -1);
                        StringBuilder js = new StringBuilder("{");
                        for (int i = 0; i < h.length; i++) {
                            js.append(i == 0 ? "" : ",").append('"').append(h[i]).append("\":");
                            js.append(h[i].equals("symbol") ? "\"" + f[i] + "\"" : f[i].isEmpty() ? "null" : f[i]);
                        }
                        sent.add(prod.send(new ProducerRecord<>("trades", s, js.append('}').toString())));
                    }
                }
                prod.flush();
            }
            for (java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> f : sent) {
                f.get(); // a failed send fails here, with Kafka's reason, not later as a row count
            }
            long produced = day.bookRows.values().stream().mapToLong(Long::longValue).sum()
                    + day.tradeRows.values().stream().mapToLong(Long::longValue).sum();
            assertThat(sent).hasSize((int) produced);

            JobOptions o = day.options(tmp.resolve("out"), 2, day.books, day.trades);
            o.books.clear();
            o.trades.clear();
            o.kafkaBootstrap = k.bootstrap();
            o.booksTopic = "books";
            o.tradesTopic = "trades";
            o.kafkaBounded = true;
            o.outTopicPrefix = "out.";
            FlinkJobMain.Run run = FlinkJobMain.execute(o);
            assertThat(run.bookRows()).isEqualTo(day.bookRows.values().stream().mapToLong(Long::longValue).sum());

            Set<String> fileRows = new HashSet<>();
            for (String s : SyntheticDay.SYMBOLS) {
                for (String kind : List.of(EimasFlinkJob.OFI, EimasFlinkJob.VPIN)) {
                    Path ref = day.reference.resolve(kind + "/" + s + ".csv");
                    Path got = o.out.resolve(kind + "/" + s + ".csv");
                    assertThat(Files.mismatch(ref, got)).as(kind + " " + s).isEqualTo(-1L);
                }
                List<String> v = Files.readAllLines(o.out.resolve("vpin/" + s + ".csv"));
                for (String l : v.subList(1, v.size())) {
                    fileRows.add(s + ":" + l);
                }
            }
            assertThat(fileRows).hasSizeGreaterThan(20);

            Properties cp = new Properties();
            cp.put("bootstrap.servers", k.bootstrap());
            cp.put("group.id", "check");
            cp.put("auto.offset.reset", "earliest");
            Set<String> topicRows = new HashSet<>();
            List<String> raw = new ArrayList<>();
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
                c.subscribe(List.of("out.vpin"));
                long end = System.nanoTime() + 30_000_000_000L;
                while (topicRows.size() < fileRows.size() && System.nanoTime() < end) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                        raw.add(r.value());
                        // value = row,<columns>: drop the row number (= bucket here) to compare with the file
                        topicRows.add(r.key() + ":" + r.value().substring(r.value().indexOf(',') + 1));
                    }
                }
            }
            assertThat(topicRows).isEqualTo(fileRows);
            assertThat(raw).allMatch(v -> v.split(",", -1).length == 6);
        }
    }
}
