package org.eimas.micro.polygon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Parses one Polygon stocks WebSocket frame, a JSON array of events, with Jackson's streaming
 * parser (no tree, no per-field objects) and hands each event to a {@link Handler}.
 *
 * <p>Fields (Polygon WebSocket docs, stocks): status {@code ev=status, status, message}; quote
 * {@code ev=Q, sym, bx, bp, bs, ax, ap, as, c, i, t, q, z}; trade {@code ev=T, sym, x, i, z, p,
 * s, c, t, q, trfi, trft}. {@code t} is Unix milliseconds; {@code bs}/{@code as} are round lots.
 */
final class PolygonFrameParser {
    interface Handler {
        void status(String status, String message);

        void quote(String sym, double bid, double bidLots, double ask, double askLots, long tMillis);

        void trade(String sym, double price, double size, long tMillis);

        void unknown(String ev);
    }

    private final JsonFactory json = new JsonFactory();

    /** @throws IOException when the frame is not valid JSON or not an array of objects */
    void parse(String frame, Handler h) throws IOException {
        try (JsonParser p = json.createParser(frame)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                event(p, h); // a single event without the array
                return;
            }
            if (t != JsonToken.START_ARRAY) {
                throw new IOException("expected a JSON array of events, got " + t);
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException("expected an event object, got " + t);
                }
                event(p, h);
            }
            if (p.nextToken() != null) {
                throw new IOException("trailing data after the event array");
            }
        }
    }

    private void event(JsonParser p, Handler h) throws IOException {
        String ev = null;
        String sym = null;
        String status = null;
        String message = null;
        double bp = Double.NaN;
        double bs = Double.NaN;
        double ap = Double.NaN;
        double as = Double.NaN;
        double price = Double.NaN;
        double size = Double.NaN;
        long ts = Long.MIN_VALUE;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "ev" -> ev = p.getValueAsString();
                case "sym" -> sym = p.getValueAsString();
                case "status" -> status = p.getValueAsString();
                case "message" -> message = p.getValueAsString();
                case "bp" -> bp = number(p, v, f);
                case "bs" -> bs = number(p, v, f);
                case "ap" -> ap = number(p, v, f);
                case "as" -> as = number(p, v, f);
                case "p" -> price = number(p, v, f);
                case "s" -> size = number(p, v, f);
                case "t" -> {
                    if (v != JsonToken.VALUE_NUMBER_INT) {
                        throw new IOException("field t must be an integer timestamp, got " + v);
                    }
                    ts = p.getLongValue();
                }
                default -> p.skipChildren(); // c, i, x, q, z, trfi, trft, bx, ax: not needed downstream
            }
        }
        if (ev == null) {
            throw new IOException("event without 'ev'");
        }
        switch (ev) {
            case "status" -> h.status(status, message);
            case "Q" -> {
                require(sym, ts, "Q");
                h.quote(sym, bp, bs, ap, as, ts);
            }
            case "T" -> {
                require(sym, ts, "T");
                h.trade(sym, price, size, ts);
            }
            default -> h.unknown(ev);
        }
    }

    private static void require(String sym, long ts, String ev) throws IOException {
        if (sym == null || ts == Long.MIN_VALUE) {
            throw new IOException(ev + " event without sym or t");
        }
    }

    private static double number(JsonParser p, JsonToken v, String field) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new IOException("field " + field + " must be a number, got " + v);
        }
        return p.getDoubleValue();
    }
}
