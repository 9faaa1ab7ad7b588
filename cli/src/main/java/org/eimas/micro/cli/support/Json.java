package org.eimas.micro.cli.support;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON output of the CLI: one compact line, keys in insertion order (use LinkedHashMap), NaN and
 * infinities written as {@code null} so the output is always valid JSON.
 */
public final class Json {
    private static final ObjectMapper MAPPER = mapper();

    private Json() {
    }

    static ObjectMapper mapper() {
        SimpleModule m = new SimpleModule("finite-doubles");
        JsonSerializer<Double> d = new JsonSerializer<>() {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (v == null || !Double.isFinite(v)) {
                    g.writeNull();
                } else {
                    g.writeNumber(v);
                }
            }
        };
        m.addSerializer(Double.class, d);
        m.addSerializer(double.class, d);
        m.addSerializer(double[].class, new JsonSerializer<>() {
            @Override
            public void serialize(double[] v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartArray();
                for (double x : v) {
                    if (Double.isFinite(x)) {
                        g.writeNumber(x);
                    } else {
                        g.writeNull();
                    }
                }
                g.writeEndArray();
            }
        });
        return new ObjectMapper().registerModule(m).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    public static ObjectMapper objectMapper() {
        return MAPPER;
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the value as one line of JSON to stdout. */
    public static void print(Object value) {
        System.out.println(toJson(value));
        System.out.flush();
    }
}
