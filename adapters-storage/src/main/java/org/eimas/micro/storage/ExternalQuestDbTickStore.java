package org.eimas.micro.storage;

import io.questdb.client.Sender;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.eimas.micro.domain.market.Bar;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.OrderEventType;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.TickStore;

/**
 * {@link TickStore} on an external QuestDB server: rows go in over ILP/HTTP (one HTTP request,
 * hence one transaction, per append call), queries run over its PostgreSQL wire port. The tables,
 * deduplication keys and SQL are those of {@link QuestDbTickStore}, so both modes hold the same
 * data the same way. After an append the store waits until the server has applied the WAL
 * transaction, so a read that follows sees the rows.
 */
public final class ExternalQuestDbTickStore implements TickStore {
    private static final long APPLY_TIMEOUT_NS = 60_000_000_000L;

    private final String ilpConfig;
    private final Connection pg;
    private boolean closed;

    /**
     * @param ilp   the server's HTTP address for ILP, e.g. {@code 127.0.0.1:9000}, or a full ILP
     *              client configuration string ({@code http::addr=...;})
     * @param pgUrl its PostgreSQL-wire JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:8812/qdb}
     */
    public ExternalQuestDbTickStore(String ilp, String pgUrl, String user, String password) {
        if (ilp == null || ilp.isBlank()) {
            throw new IllegalArgumentException("the QuestDB ILP address is missing (host:port of its HTTP server)");
        }
        if (ilp.contains("::")) {
            this.ilpConfig = ilp.endsWith(";") ? ilp : ilp + ";";
        } else {
            if (ilp.contains(";") || !ilp.contains(":")) {
                throw new IllegalArgumentException("QuestDB ILP address must be host:port, got '" + ilp + "'");
            }
            this.ilpConfig = "http::addr=" + ilp + ";auto_flush=off;"
                    + (user != null && password != null ? "username=" + user + ";password=" + password + ";" : "");
        }
        if (pgUrl == null || !pgUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the QuestDB PostgreSQL-wire URL must be jdbc:postgresql://host:port/qdb, got '"
                    + (pgUrl == null ? null : RelationalDatabase.redact(pgUrl)) + "'");
        }
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        try {
            this.pg = DriverManager.getConnection(pgUrl, p);
            try (Statement s = pg.createStatement()) {
                for (String ddl : TickSchema.baseTables()) {
                    s.execute(ddl);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot use the QuestDB server at " + RelationalDatabase.redact(pgUrl)
                    + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- writing

    private static void requireTs(String what, int i, long ts) {
        if (ts < 0) {
            throw new IllegalArgumentException(what + " " + (i + 1) + ": time " + ts + " is before 1970");
        }
    }

    private static int seq(SeqTracker t, String what, int i, String symbol, long ts) {
        requireTs(what, i, ts);
        int s = t.next(symbol, ts);
        if (s < 0) {
            throw new IllegalArgumentException(what + " " + (i + 1) + ": time " + ts + " is earlier than the previous "
                    + symbol + " row's " + t.lastTs(symbol) + " (rows must be in time order per symbol)");
        }
        return s;
    }

    private Sender sender() {
        requireOpen();
        return Sender.fromConfig(ilpConfig);
    }

    @Override
    public synchronized void appendTrades(List<Trade> trades) {
        if (trades.isEmpty()) {
            return;
        }
        SeqTracker t = new SeqTracker();
        int[] seqs = new int[trades.size()];
        for (int i = 0; i < seqs.length; i++) {
            Trade tr = trades.get(i);
            seqs[i] = seq(t, "trade", i, tr.symbol(), tr.ts());
        }
        try (Sender s = sender()) {
            for (int i = 0; i < seqs.length; i++) {
                Trade tr = trades.get(i);
                s.table("trades").symbol("symbol", tr.symbol()).longColumn("seq", seqs[i])
                        .doubleColumn("price", tr.price()).doubleColumn("size", tr.size())
                        .longColumn("aggressor", tr.aggressor().sign()).at(tr.ts(), ChronoUnit.NANOS);
            }
            s.flush();
        }
        awaitApplied("trades");
    }

    @Override
    public synchronized void appendQuotes(List<Quote> quotes) {
        if (quotes.isEmpty()) {
            return;
        }
        SeqTracker t = new SeqTracker();
        int[] seqs = new int[quotes.size()];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = seq(t, "quote", i, quotes.get(i).symbol(), quotes.get(i).ts());
        }
        try (Sender s = sender()) {
            for (int i = 0; i < seqs.length; i++) {
                Quote q = quotes.get(i);
                s.table("quotes").symbol("symbol", q.symbol()).longColumn("seq", seqs[i])
                        .doubleColumn("bid", q.bid()).doubleColumn("ask", q.ask())
                        .doubleColumn("bid_size", q.bidSize()).doubleColumn("ask_size", q.askSize())
                        .at(q.ts(), ChronoUnit.NANOS);
            }
            s.flush();
        }
        awaitApplied("quotes");
    }

    @Override
    public synchronized void appendBooks(List<LobSnapshot> books) {
        if (books.isEmpty()) {
            return;
        }
        SeqTracker t = new SeqTracker();
        int[] seqs = new int[books.size()];
        int n = 0;
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = seq(t, "book", i, books.get(i).symbol(), books.get(i).ts());
            n = Math.max(n, books.get(i).levels());
        }
        ensureBookLevels(n);
        try (Sender s = sender()) {
            for (int i = 0; i < seqs.length; i++) {
                LobSnapshot b = books.get(i);
                s.table("books").symbol("symbol", b.symbol()).longColumn("seq", seqs[i]).longColumn("levels", b.levels());
                for (int l = 1; l <= b.levels(); l++) {
                    s.doubleColumn("bid_px_" + l, b.bidPrice(l)).doubleColumn("bid_sz_" + l, b.bidSize(l))
                            .doubleColumn("ask_px_" + l, b.askPrice(l)).doubleColumn("ask_sz_" + l, b.askSize(l));
                }
                s.at(b.ts(), ChronoUnit.NANOS);
            }
            s.flush();
        }
        awaitApplied("books");
    }

    @Override
    public synchronized void appendOrderEvents(List<OrderEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        SeqTracker t = new SeqTracker();
        int[] seqs = new int[events.size()];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = seq(t, "order event", i, events.get(i).symbol(), events.get(i).ts());
        }
        try (Sender s = sender()) {
            for (int i = 0; i < seqs.length; i++) {
                OrderEvent e = events.get(i);
                s.table("order_events").symbol("symbol", e.symbol()).symbol("event_type", e.type().name())
                        .symbol("side", e.side().name()).longColumn("seq", seqs[i])
                        .doubleColumn("price", e.price()).doubleColumn("size", e.size())
                        .longColumn("order_id", e.orderId()).at(e.ts(), ChronoUnit.NANOS);
            }
            s.flush();
        }
        awaitApplied("order_events");
    }

    @Override
    public synchronized void appendFeatures(String symbol, NumericTable features) {
        TickSchema.literal(symbol);
        if (!features.hasTs()) {
            throw new IllegalArgumentException("feature table for " + symbol + " has no ts index");
        }
        try (Sender s = sender()) {
            for (int r = 0; r < features.rows(); r++) {
                requireTs("feature row", r, features.ts(r));
                for (int k = 0; k < features.columns().size(); k++) {
                    s.table("features").symbol("symbol", symbol).symbol("feature", features.columns().get(k))
                            .doubleColumn("val", features.get(r, k)).at(features.ts(r), ChronoUnit.NANOS);
                }
            }
            s.flush();
        }
        awaitApplied("features");
    }

    private void ensureBookLevels(int levels) {
        if (levels < 1 || levels > QuestDbTickStore.MAX_BOOK_LEVELS) {
            throw new IllegalArgumentException("book levels must be 1.." + QuestDbTickStore.MAX_BOOK_LEVELS + ", got " + levels);
        }
        int have = bookLevels();
        try (Statement s = pg.createStatement()) {
            if (have == 0) {
                s.execute(TickSchema.booksTable(levels));
            } else {
                for (String ddl : TickSchema.addBookLevels(have, levels)) {
                    s.execute(ddl);
                }
                awaitApplied("books");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("QuestDB rejected the books table change: " + e.getMessage(), e);
        }
    }

    /** Levels the books table holds, 0 when there is none. */
    public synchronized int bookLevels() {
        long[] n = new long[1];
        select("SELECT count() FROM tables() WHERE table_name = 'books'", r -> n[0] = r.getLong(1));
        if (n[0] == 0) {
            return 0;
        }
        select("SELECT count() FROM table_columns('books') WHERE \"column\" LIKE 'bid_px_%'", r -> n[0] = r.getLong(1));
        return (int) n[0];
    }

    /** Waits until the server has applied every committed WAL transaction of {@code table}. */
    private void awaitApplied(String table) {
        long deadline = System.nanoTime() + APPLY_TIMEOUT_NS;
        while (true) {
            long[] v = {-1, 0, 0};
            select("SELECT writerTxn, sequencerTxn, suspended FROM wal_tables() WHERE name = '" + table + "'", r -> {
                v[0] = r.getLong(1);
                v[1] = r.getLong(2);
                v[2] = r.getBoolean(3) ? 1 : 0;
            });
            if (v[2] == 1) {
                throw new IllegalStateException("QuestDB suspended table " + table + " while applying its WAL; see the server log");
            }
            if (v[0] >= v[1] && v[0] >= 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("QuestDB did not apply the WAL of " + table + " within 60 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for QuestDB", e);
            }
        }
    }

    // ---------------------------------------------------------------- reading

    @FunctionalInterface
    private interface RowVisitor {
        void visit(ResultSet r) throws SQLException;
    }

    private synchronized long select(String sql, RowVisitor v) {
        requireOpen();
        try (Statement s = pg.createStatement(); ResultSet r = s.executeQuery(sql)) {
            long n = 0;
            while (r.next()) {
                v.visit(r);
                n++;
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalArgumentException("query failed: " + e.getMessage() + " [" + sql + "]", e);
        }
    }

    /** A double column; SQL NULL is NaN. */
    private static double dbl(ResultSet r, int col) throws SQLException {
        double v = r.getDouble(col);
        return r.wasNull() ? Double.NaN : v;
    }

    private static String where(String symbol, long fromNs, long toNs) {
        return " WHERE symbol = " + TickSchema.literal(symbol) + " AND" + TickSchema.range(fromNs, toNs);
    }

    @Override
    public long readTrades(String symbol, long fromNs, long toNs, Consumer<Trade> sink) {
        return select("SELECT ts::long, price, size, aggressor FROM trades" + where(symbol, fromNs, toNs),
                r -> sink.accept(new Trade(r.getLong(1), symbol, dbl(r, 2), dbl(r, 3), Side.ofSign(r.getInt(4)))));
    }

    @Override
    public long readQuotes(String symbol, long fromNs, long toNs, Consumer<Quote> sink) {
        return select("SELECT ts::long, bid, ask, bid_size, ask_size FROM quotes" + where(symbol, fromNs, toNs),
                r -> {
                    double bs = dbl(r, 4);
                    double as = dbl(r, 5);
                    sink.accept(new Quote(r.getLong(1), symbol, dbl(r, 2), Double.isNaN(bs) ? 0 : bs, dbl(r, 3),
                            Double.isNaN(as) ? 0 : as));
                });
    }

    @Override
    public long readBooks(String symbol, long fromNs, long toNs, Consumer<LobSnapshot> sink) {
        int n = bookLevels();
        if (n == 0) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("SELECT ts::long, levels");
        for (int i = 1; i <= n; i++) {
            sql.append(", bid_px_").append(i).append(", bid_sz_").append(i).append(", ask_px_").append(i)
                    .append(", ask_sz_").append(i);
        }
        sql.append(" FROM books").append(where(symbol, fromNs, toNs));
        return select(sql.toString(), r -> {
            int levels = r.getInt(2);
            double[] bp = new double[levels];
            double[] bs = new double[levels];
            double[] ap = new double[levels];
            double[] as = new double[levels];
            for (int i = 0; i < levels; i++) {
                bp[i] = dbl(r, 3 + 4 * i);
                bs[i] = dbl(r, 4 + 4 * i);
                ap[i] = dbl(r, 5 + 4 * i);
                as[i] = dbl(r, 6 + 4 * i);
            }
            sink.accept(new LobSnapshot(r.getLong(1), symbol, bp, bs, ap, as));
        });
    }

    /** Order events of a symbol over [fromNs, toNs), in time order. */
    public long readOrderEvents(String symbol, long fromNs, long toNs, Consumer<OrderEvent> sink) {
        return select("SELECT ts::long, event_type, side, price, size, order_id FROM order_events"
                        + where(symbol, fromNs, toNs),
                r -> sink.accept(new OrderEvent(r.getLong(1), symbol, OrderEventType.valueOf(r.getString(2)),
                        Side.valueOf(r.getString(3)), dbl(r, 4), dbl(r, 5), r.getLong(6))));
    }

    /** See {@link QuestDbTickStore#readTradesWithQuotes}. */
    public long readTradesWithQuotes(String symbol, long fromNs, long toNs, QuestDbTickStore.TradeQuoteSink sink) {
        String sym = TickSchema.literal(symbol);
        return select("SELECT t.ts::long, t.price, t.size, q.bid, q.ask FROM (trades WHERE symbol = " + sym + " AND"
                        + TickSchema.range(fromNs, toNs) + ") t ASOF JOIN (quotes WHERE symbol = " + sym
                        + " AND ts < " + toNs + ") q ON (symbol)",
                r -> sink.onTrade(r.getLong(1), dbl(r, 2), dbl(r, 3), dbl(r, 4), dbl(r, 5)));
    }

    /** See {@link QuestDbTickStore#bars}: the same SAMPLE BY queries, over the PostgreSQL wire. */
    @Override
    public List<Bar> bars(String symbol, long intervalNs, long fromNs, long toNs) {
        String unit = QuestDbTickStore.sampleUnit(intervalNs);
        String w = where(symbol, fromNs, toNs);
        TreeMap<Long, double[]> rows = new TreeMap<>();
        RowVisitor mid = r -> {
            double[] v = rows.computeIfAbsent(r.getLong(1), k -> nanBar());
            for (int i = 0; i < 6; i++) {
                v[i] = dbl(r, 2 + i);
            }
        };
        long quoteBars = select("SELECT ts::long, o, h, l, c, b, a FROM (SELECT ts, first(mid) o, max(mid) h, min(mid) l,"
                + " last(mid) c, last(bid) b, last(ask) a FROM (SELECT ts, (bid + ask) / 2 mid, bid, ask FROM quotes" + w
                + ") SAMPLE BY " + unit + " ALIGN TO CALENDAR)", mid);
        if (quoteBars == 0 && bookLevels() > 0) {
            select("SELECT ts::long, o, h, l, c, b, a FROM (SELECT ts, first(mid) o, max(mid) h, min(mid) l,"
                    + " last(mid) c, last(bid_px_1) b, last(ask_px_1) a FROM (SELECT ts, (bid_px_1 + ask_px_1) / 2 mid,"
                    + " bid_px_1, ask_px_1 FROM books" + w + ") SAMPLE BY " + unit + " ALIGN TO CALENDAR)", mid);
        }
        select("SELECT ts::long, v, pv FROM (SELECT ts, sum(size) v, sum(price * size) pv FROM trades" + w
                + " SAMPLE BY " + unit + " ALIGN TO CALENDAR)", r -> {
                    double[] v = rows.computeIfAbsent(r.getLong(1), k -> nanBar());
                    v[6] = dbl(r, 2);
                    v[7] = dbl(r, 3);
                });
        List<Bar> out = new ArrayList<>(rows.size());
        for (Map.Entry<Long, double[]> e : rows.entrySet()) {
            double[] v = e.getValue();
            double volume = Double.isNaN(v[6]) ? 0 : v[6];
            out.add(new Bar(e.getKey(), symbol, v[0], v[1], v[2], v[3], volume, volume > 0 ? v[7] / volume : Double.NaN,
                    v[4], v[5]));
        }
        return out;
    }

    private static double[] nanBar() {
        double[] v = new double[8];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    /** Row count of a tick table, 0 if absent. */
    public long count(String table) {
        long[] n = new long[1];
        select("SELECT count() FROM tables() WHERE table_name = '" + table.replace("'", "''") + "'", r -> n[0] = r.getLong(1));
        if (n[0] == 0) {
            return 0;
        }
        select("SELECT count() FROM " + table, r -> n[0] = r.getLong(1));
        return n[0];
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("tick store is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            pg.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the QuestDB connection failed: " + e.getMessage(), e);
        }
    }
}
