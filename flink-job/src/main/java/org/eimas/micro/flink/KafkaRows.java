package org.eimas.micro.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Kafka records as canonical rows: the value is one canonical CSV row without a header
 * ({@code ts,symbol,...}, the level count of a book taken from the field count) or a JSON object
 * with the canonical column names ({@code {"ts":..., "symbol":"SPY", "price":..., "size":...}}).
 * The record key should be the symbol, so that a symbol stays in one partition and in order. A bad
 * record fails the job naming topic, partition, offset and what was wrong.
 */
public final class KafkaRows<T> implements KafkaRecordDeserializationSchema<T> {
    private static final long serialVersionUID = 1L;
    private final CanonicalCsvFormat<T> format;
    private transient ObjectMapper json;

    private KafkaRows(CanonicalCsvFormat<T> format) {
        this.format = format;
    }

    public static KafkaRows<BookRow> books() {
        return new KafkaRows<>(CanonicalCsvFormat.books());
    }

    public static KafkaRows<TradeRow> trades() {
        return new KafkaRows<>(CanonicalCsvFormat.trades());
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) {
        String where = record.topic() + "/" + record.partition() + "@" + record.offset();
        if (record.value() == null) {
            throw new IllegalArgumentException(where + ": empty record value");
        }
        String v = new String(record.value(), StandardCharsets.UTF_8).trim();
        out.collect(parse(where, record.offset(), v));
    }

    T parse(String where, long offset, String v) {
        String[] f = v.startsWith("{") ? fromJson(where, v) : v.split(",", -1);
        if (!format.headerlessFields(f.length)) {
            throw new IllegalArgumentException(where + ": a record of " + f.length + " fields is not a canonical row: '" + v + "'");
        }
        return format.parse(where, offset, f, Long.MIN_VALUE);
    }

    private String[] fromJson(String where, String v) {
        if (json == null) {
            json = new ObjectMapper();
        }
        JsonNode n;
        try {
            n = json.readTree(v);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not JSON: " + e.getOriginalMessage());
        }
        int fields = n.size();
        if (!format.headerlessFields(fields)) {
            throw new IllegalArgumentException(where + ": a JSON object of " + fields + " keys is not a canonical row: '" + v + "'");
        }
        List<String> cols = format.columns(fields);
        String[] f = new String[fields];
        for (int i = 0; i < fields; i++) {
            JsonNode c = n.get(cols.get(i));
            if (c == null) {
                throw new IllegalArgumentException(where + ": JSON key '" + cols.get(i) + "' missing (keys must be " + String.join(",", cols) + ")");
            }
            f[i] = c.isNull() ? "" : c.asText();
        }
        return f;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return format.getProducedType();
    }
}
