package org.eimas.micro.alpaca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Parses one Alpaca market data v2 stream frame, a JSON array of messages keyed by {@code T}
 * (Alpaca "Real-time Stock Pricing Data": {@code success}, {@code error}, {@code subscription},
 * trade {@code t} with {@code S, i, x, p, s, c, t, z}, quote {@code q} with
 * {@code S, ax, ap, as, bx, bp, bs, c, t, z}; {@code t} RFC-3339 with nanoseconds), with
 * Jackson's streaming parser.
 */
final class AlpacaFrameParser {
    interface Handler {
        void success(String msg);

        void error(int code, String msg);

        void subscription(String description);

        void trade(String sym, double price, double size, long tsNanos);

        void quote(String sym, double bid, double bidSize, double ask, double askSize, long tsNanos);

        void unknown(String type);
    }

    private final JsonFactory json = new JsonFactory();

    void parse(String frame, Handler h) throws IOException {
        try (JsonParser p = json.createParser(frame)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                message(p, h);
                return;
            }
            if (t != JsonToken.START_ARRAY) {
                throw new IOException("expected a JSON array of messages, got " + t);
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException("expected a message object, got " + t);
                }
                message(p, h);
            }
            if (p.nextToken() != null) {
                throw new IOException("trailing data after the message array");
            }
        }
    }

    private void message(JsonParser p, Handler h) throws IOException {
        String type = null;
        String sym = null;
        String msg = null;
        String ts = null;
        int code = 0;
        double price = Double.NaN;
        double size = Double.NaN;
        double bp = Double.NaN;
        double bs = Double.NaN;
        double ap = Double.NaN;
        double as = Double.NaN;
        StringBuilder subs = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "T" -> type = p.getValueAsString();
                case "S" -> sym = p.getValueAsString();
                case "msg" -> msg = p.getValueAsString();
                case "code" -> code = p.getValueAsInt();
                case "t" -> ts = p.getValueAsString();
                case "p" -> price = number(p, v, f);
                case "s" -> size = number(p, v, f);
                case "bp" -> bp = number(p, v, f);
                case "bs" -> bs = number(p, v, f);
                case "ap" -> ap = number(p, v, f);
                case "as" -> as = number(p, v, f);
                case "trades", "quotes", "bars", "updatedBars", "dailyBars", "statuses", "lulds", "corrections",
                        "cancelErrors" -> {
                    if (v == JsonToken.START_ARRAY) {
                        subs = subs == null ? new StringBuilder() : subs.append("; ");
                        subs.append(f).append('=');
                        boolean first = true;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            subs.append(first ? "" : ",").append(p.getValueAsString());
                            first = false;
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (type == null) {
            throw new IOException("message without 'T'");
        }
        switch (type) {
            case "success" -> h.success(msg);
            case "error" -> h.error(code, msg);
            case "subscription" -> h.subscription(subs == null ? "" : subs.toString());
            case "t" -> {
                require(sym, ts, type);
                h.trade(sym, price, size, Rfc3339.toNanos(ts));
            }
            case "q" -> {
                require(sym, ts, type);
                h.quote(sym, bp, bs, ap, as, Rfc3339.toNanos(ts));
            }
            default -> h.unknown(type);
        }
    }

    private static void require(String sym, String ts, String type) throws IOException {
        if (sym == null || ts == null) {
            throw new IOException("'" + type + "' message without S or t");
        }
    }

    private static double number(JsonParser p, JsonToken v, String field) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new IOException("field " + field + " must be a number, got " + v);
        }
        return p.getDoubleValue();
    }
}
