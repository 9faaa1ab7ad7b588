package org.eimas.micro.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.eimas.micro.application.monitor.MonitorUpdate;
import org.eimas.micro.domain.store.StoredAlert;

/**
 * The JSON of the dashboard API, written with Jackson's streaming generator. Non-finite numbers
 * (NaN: "not yet known") are written as {@code null}, never as the non-standard {@code NaN} token.
 */
final class DashboardJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private DashboardJson() {
    }

    /** The contract keys of {@code /api/state/{symbol}} and of SSE {@code update} events, in order. */
    static final String[] UPDATE_KEYS = {"symbol", "ts", "mid", "spread_bps", "ofi", "cum_ofi", "vpin", "vpin_cdf",
            "alert_level", "path18", "path12", "hawkes_buy", "hawkes_sell", "forecast_bps", "direction"};

    static String update(MonitorUpdate u) {
        return write(g -> writeUpdate(g, u));
    }

    /** The state of a known symbol that has no update yet: its name and nulls. */
    static String emptyState(String symbol) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("symbol", symbol);
            for (int i = 1; i < UPDATE_KEYS.length; i++) {
                g.writeNullField(UPDATE_KEYS[i]);
            }
            g.writeEndObject();
        });
    }

    static void writeUpdate(JsonGenerator g, MonitorUpdate u) throws IOException {
        g.writeStartObject();
        g.writeStringField("symbol", u.symbol());
        g.writeNumberField("ts", u.ts());
        number(g, "mid", u.mid());
        number(g, "spread_bps", u.spreadBps());
        number(g, "ofi", u.ofi());
        number(g, "cum_ofi", u.cumOfi());
        number(g, "vpin", u.vpin());
        number(g, "vpin_cdf", u.vpinCdf());
        string(g, "alert_level", u.alertLevel());
        string(g, "path18", u.path18());
        string(g, "path12", u.path12());
        number(g, "hawkes_buy", u.hawkesBuy());
        number(g, "hawkes_sell", u.hawkesSell());
        number(g, "forecast_bps", u.forecastBps());
        string(g, "direction", u.direction());
        g.writeNumberField("trades", u.trades());
        g.writeNumberField("books", u.books());
        g.writeEndObject();
    }

    static String alert(StoredAlert a) {
        return write(g -> writeAlert(g, a));
    }

    static void writeAlert(JsonGenerator g, StoredAlert a) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", a.id());
        g.writeNumberField("ts", a.ts());
        string(g, "symbol", a.symbol());
        string(g, "source", a.source());
        string(g, "level", a.level());
        string(g, "message", a.message());
        g.writeObjectFieldStart("inputs");
        for (Map.Entry<String, Double> e : new TreeMap<>(a.inputs()).entrySet()) {
            number(g, e.getKey(), e.getValue() == null ? Double.NaN : e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    static String alerts(Collection<StoredAlert> list) {
        return write(g -> {
            g.writeStartArray();
            for (StoredAlert a : list) {
                writeAlert(g, a);
            }
            g.writeEndArray();
        });
    }

    static String strings(Collection<String> list) {
        return write(g -> {
            g.writeStartArray();
            for (String s : list) {
                g.writeString(s);
            }
            g.writeEndArray();
        });
    }

    /** A JSON array of already-serialised JSON values. */
    static String rawArray(Collection<String> jsonValues) {
        StringBuilder sb = new StringBuilder(jsonValues.size() * 320 + 2).append('[');
        boolean first = true;
        for (String v : jsonValues) {
            if (!first) {
                sb.append(',');
            }
            sb.append(v);
            first = false;
        }
        return sb.append(']').toString();
    }

    static String error(int status, String message) {
        return write(g -> {
            g.writeStartObject();
            g.writeNumberField("status", status);
            g.writeStringField("error", message);
            g.writeEndObject();
        });
    }

    /** A flat object of strings, numbers (NaN as null), booleans and nested maps. */
    static String object(Map<String, ?> map) {
        return write(g -> writeValue(g, map));
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull();
            }
        } else if (v instanceof Float f) {
            writeValue(g, f.doubleValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }

    private static void string(JsonGenerator g, String name, String v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, v);
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter w = new StringWriter(384);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
