package org.eimas.micro.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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

@Tag("slow")
class InProcessKafkaTest {
    @TempDir
    Path tmp;

    @Test
    void brokerStartsOnLoopbackAndRoundTripsRecords() throws Exception {
        try (InProcessKafka k = InProcessKafka.start(tmp)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", k.bootstrap()))) {
                admin.createTopics(List.of(new NewTopic("t", 2, (short) 1))).all().get();
            }
            Properties pp = new Properties();
            pp.put("bootstrap.servers", k.bootstrap());
            try (KafkaProducer<String, String> prod = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 10; i++) {
                    prod.send(new ProducerRecord<>("t", "k" + (i % 3), "v" + i)).get();
                }
            }
            Properties cp = new Properties();
            cp.put("bootstrap.servers", k.bootstrap());
            cp.put("group.id", "g");
            cp.put("auto.offset.reset", "earliest");
            List<String> got = new ArrayList<>();
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
                c.subscribe(List.of("t"));
                long end = System.nanoTime() + 30_000_000_000L;
                while (got.size() < 10 && System.nanoTime() < end) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                        got.add(r.value());
                    }
                }
            }
            assertThat(got).containsExactlyInAnyOrder("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9");
        }
    }
}
