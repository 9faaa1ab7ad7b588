package org.eimas.micro.storage;

import java.util.ArrayList;
import java.util.List;

/** DDL of the tick tables, shared by the embedded and the external QuestDB store. */
final class TickSchema {
    private TickSchema() {
    }

    /** trades, quotes, order_events and features (books are created with their number of levels). */
    static List<String> baseTables() {
        return List.of(
                "CREATE TABLE IF NOT EXISTS trades (ts TIMESTAMP_NS, symbol SYMBOL CAPACITY 1024 CACHE, seq INT,"
                        + " price DOUBLE, size DOUBLE, aggressor BYTE, bid DOUBLE, ask DOUBLE)"
                        + " TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, symbol, seq)",
                "CREATE TABLE IF NOT EXISTS quotes (ts TIMESTAMP_NS, symbol SYMBOL CAPACITY 1024 CACHE, seq INT,"
                        + " bid DOUBLE, ask DOUBLE, bid_size DOUBLE, ask_size DOUBLE)"
                        + " TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, symbol, seq)",
                "CREATE TABLE IF NOT EXISTS order_events (ts TIMESTAMP_NS, symbol SYMBOL CAPACITY 1024 CACHE, seq INT,"
                        + " event_type SYMBOL, side SYMBOL, price DOUBLE, size DOUBLE, order_id LONG)"
                        + " TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, symbol, seq)",
                "CREATE TABLE IF NOT EXISTS features (ts TIMESTAMP_NS, symbol SYMBOL CAPACITY 1024 CACHE,"
                        + " feature SYMBOL CAPACITY 1024 CACHE, val DOUBLE)"
                        + " TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, symbol, feature)");
    }

    static String booksTable(int levels) {
        StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS books (ts TIMESTAMP_NS,"
                + " symbol SYMBOL CAPACITY 1024 CACHE, seq INT, levels INT");
        for (int i = 1; i <= levels; i++) {
            ddl.append(", bid_px_").append(i).append(" DOUBLE, bid_sz_").append(i).append(" DOUBLE, ask_px_")
                    .append(i).append(" DOUBLE, ask_sz_").append(i).append(" DOUBLE");
        }
        return ddl.append(") TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, symbol, seq)").toString();
    }

    /** WAL tables take one column per ALTER statement. */
    static List<String> addBookLevels(int have, int levels) {
        List<String> out = new ArrayList<>();
        for (int i = have + 1; i <= levels; i++) {
            for (String c : new String[] {"bid_px_", "bid_sz_", "ask_px_", "ask_sz_"}) {
                out.add("ALTER TABLE books ADD COLUMN " + c + i + " DOUBLE");
            }
        }
        return out;
    }

    static String literal(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be empty");
        }
        return "'" + symbol.replace("'", "''") + "'";
    }

    static String range(long fromNs, long toNs) {
        if (toNs < fromNs) {
            throw new IllegalArgumentException("time range ends (" + toNs + ") before it starts (" + fromNs + ")");
        }
        return " ts >= " + fromNs + " AND ts < " + toNs;
    }
}
