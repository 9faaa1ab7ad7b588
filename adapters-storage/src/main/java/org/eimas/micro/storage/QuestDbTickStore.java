package org.eimas.micro.storage;

import io.questdb.cairo.CairoEngine;
import io.questdb.cairo.ColumnType;
import io.questdb.cairo.DefaultCairoConfiguration;
import io.questdb.cairo.TableToken;
import io.questdb.cairo.TableWriterAPI;
import io.questdb.cairo.security.AllowAllSecurityContext;
import io.questdb.cairo.sql.RecordCursor;
import io.questdb.cairo.sql.RecordCursorFactory;
import io.questdb.cairo.sql.RecordMetadata;
import io.questdb.cairo.wal.ApplyWal2TableJob;
import io.questdb.cairo.wal.CheckWalTransactionsJob;
import io.questdb.cairo.wal.WalPurgeJob;
import io.questdb.griffin.SqlException;
import io.questdb.griffin.SqlExecutionContext;
import io.questdb.griffin.SqlExecutionContextImpl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * {@link TickStore} on QuestDB running in-process on {@code DATA_DIR/questdb} (embedded mode).
 *
 * <p>Tables ({@code trades}, {@code quotes}, {@code books}, {@code order_events}, {@code features})
 * have a designated {@code ts TIMESTAMP_NS} (epoch nanoseconds, UTC), are partitioned by day, keep
 * {@code symbol} as SYMBOL, and are WAL tables with {@code DEDUP UPSERT KEYS(ts, symbol, seq)}
 * ({@code (ts, symbol, feature)} for features), where {@code seq} numbers rows of the same symbol
 * and timestamp in arrival order. Ingesting the same file again therefore replaces rows instead
 * of adding them, so an interrupted ingest is simply run again.
 *
 * <p>Writes go through the WAL and are applied by QuestDB's {@code ApplyWal2TableJob}, which this
 * store drains itself (there are no server worker threads in embedded mode): after every appender
 * is closed and at start-up, so transactions committed by a process that was killed become
 * visible when the directory is opened again.
 *
 * <p>The data directory is locked ({@link DataDirLock}) for the life of the store.
 */
public final class QuestDbTickStore implements TickStore {
    /** Rows per committed batch when ingesting. */
    public static final int DEFAULT_BATCH_ROWS = 500_000;
    /** Most book levels a books table may hold. */
    public static final int MAX_BOOK_LEVELS = 100;

    private final Path dataDir;
    private final DataDirLock lock;
    private final CairoEngine engine;
    private final ApplyWal2TableJob applyJob;
    private final CheckWalTransactionsJob checkJob;
    private boolean closed;

    private QuestDbTickStore(Path dataDir, DataDirLock lock, CairoEngine engine) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.engine = engine;
        this.applyJob = new ApplyWal2TableJob(engine, 1);
        this.checkJob = new CheckWalTransactionsJob(engine);
    }

    /**
     * Opens (creating if needed) the embedded store in {@code dataDir}: locks the directory, starts
     * the engine (about a second), creates missing tables and applies WAL left by a previous process.
     *
     * @throws DataDirInUseException when another process has the directory open
     */
    public static QuestDbTickStore open(Path dataDir) {
        DataDirLock lock = DataDirLock.acquire(dataDir);
        try {
            QuestDbLogging.configure(lock.dir());
            Path root = Files.createDirectories(lock.dir().resolve("questdb"));
            CairoEngine engine = new CairoEngine(new DefaultCairoConfiguration(root.toString()));
            QuestDbTickStore store = new QuestDbTickStore(lock.dir(), lock, engine);
            try {
                store.createTables();
                store.applyWal();
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            return store;
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("cannot create " + dataDir.resolve("questdb"), e);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    private SqlExecutionContext context() {
        return new SqlExecutionContextImpl(engine, 1).with(AllowAllSecurityContext.INSTANCE, null);
    }

    private void createTables() {
        for (String ddl : TickSchema.baseTables()) {
            execute(ddl);
        }
    }

    /** Number of levels the books table holds (0 when there is no books table yet). */
    public synchronized int bookLevels() {
        if (engine.getTableTokenIfExists("books") == null) {
            return 0;
        }
        RecordMetadata m = metadataOf("books");
        int n = 0;
        while (m.getColumnIndexQuiet("bid_px_" + (n + 1)) >= 0) {
            n++;
        }
        return n;
    }

    private RecordMetadata metadataOf(String table) {
        SqlExecutionContext ctx = context();
        try (RecordCursorFactory f = engine.select("SELECT * FROM " + table + " LIMIT 0", ctx)) {
            RecordMetadata src = f.getMetadata();
            io.questdb.cairo.GenericRecordMetadata copy = new io.questdb.cairo.GenericRecordMetadata();
            io.questdb.cairo.GenericRecordMetadata.copyColumns(src, copy);
            return copy;
        } catch (SqlException e) {
            throw new IllegalStateException("cannot read metadata of " + table + ": " + e.getMessage(), e);
        }
    }

    /** Creates the books table, or adds level columns, so that it holds at least {@code levels} levels. */
    private synchronized void ensureBookLevels(int levels) {
        if (levels < 1 || levels > MAX_BOOK_LEVELS) {
            throw new IllegalArgumentException("book levels must be 1.." + MAX_BOOK_LEVELS + ", got " + levels);
        }
        int have = bookLevels();
        if (have == 0) {
            execute(TickSchema.booksTable(levels));
        } else if (have < levels) {
            for (String ddl : TickSchema.addBookLevels(have, levels)) {
                execute(ddl);
            }
            applyWal();
        }
    }

    private void execute(String sql) {
        try {
            engine.execute(sql, context());
        } catch (SqlException | io.questdb.cairo.CairoException e) {
            throw new IllegalStateException("QuestDB rejected: " + sql + ": " + e.getFlyweightMessage(), e);
        }
    }

    /** Applies committed WAL transactions to the tables so that readers see them. */
    public synchronized void applyWal() {
        if (closed) {
            return;
        }
        checkJob.run(0);
        applyJob.drain(0);
    }

    // ---------------------------------------------------------------- writing

    /** An appender for trades, quotes or order events (for books use {@link #openBookAppender}). */
    public TickAppender openAppender(TickAppender.Kind kind, int batchRows) {
        if (kind == TickAppender.Kind.BOOKS) {
            throw new IllegalArgumentException("use openBookAppender(levels, batchRows) for books");
        }
        String table = switch (kind) {
            case TRADES -> "trades";
            case QUOTES -> "quotes";
            case ORDER_EVENTS -> "order_events";
            default -> throw new IllegalArgumentException(kind.toString());
        };
        return new TickAppender(this, kind, writer(table), batchRows, 0);
    }

    /** An appender for books of up to {@code levels} levels (the table grows columns if needed). */
    public TickAppender openBookAppender(int levels, int batchRows) {
        ensureBookLevels(levels);
        return new TickAppender(this, TickAppender.Kind.BOOKS, writer("books"), batchRows, levels);
    }

    private TableWriterAPI writer(String table) {
        requireOpen();
        TableToken token = engine.verifyTableName(table);
        return engine.getTableWriterAPI(token, "eimas ingest");
    }

    @Override
    public void appendBooks(List<LobSnapshot> books) {
        if (books.isEmpty()) {
            return;
        }
        int n = 0;
        for (LobSnapshot b : books) {
            n = Math.max(n, b.levels());
        }
        double[] bp = new double[n];
        double[] bs = new double[n];
        double[] ap = new double[n];
        double[] as = new double[n];
        try (TickAppender a = openBookAppender(n, Integer.MAX_VALUE)) {
            for (LobSnapshot b : books) {
                b.copyInto(bp, bs, ap, as);
                a.book(b.ts(), b.symbol(), b.levels(), bp, bs, ap, as);
            }
            a.finish();
        }
    }

    @Override
    public void appendTrades(List<Trade> trades) {
        if (trades.isEmpty()) {
            return;
        }
        try (TickAppender a = openAppender(TickAppender.Kind.TRADES, Integer.MAX_VALUE)) {
            for (Trade t : trades) {
                a.trade(t.ts(), t.symbol(), t.price(), t.size(), Double.NaN, Double.NaN, t.aggressor().sign());
            }
            a.finish();
        }
    }

    @Override
    public void appendQuotes(List<Quote> quotes) {
        if (quotes.isEmpty()) {
            return;
        }
        try (TickAppender a = openAppender(TickAppender.Kind.QUOTES, Integer.MAX_VALUE)) {
            for (Quote q : quotes) {
                a.quote(q.ts(), q.symbol(), q.bid(), q.ask(), q.bidSize(), q.askSize());
            }
            a.finish();
        }
    }

    @Override
    public void appendOrderEvents(List<OrderEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (TickAppender a = openAppender(TickAppender.Kind.ORDER_EVENTS, Integer.MAX_VALUE)) {
            for (OrderEvent e : events) {
                a.orderEvent(e.ts(), e.symbol(), e.type(), e.side(), e.price(), e.size(), e.orderId());
            }
            a.finish();
        }
    }

    /**
     * Stores a feature table in long form, one row per (ts, symbol, feature); storing the same
     * (ts, symbol, feature) again replaces the value. NaN cells are stored as null.
     */
    @Override
    public void appendFeatures(String symbol, NumericTable features) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be empty");
        }
        if (!features.hasTs()) {
            throw new IllegalArgumentException("feature table for " + symbol + " has no ts index");
        }
        int rows = features.rows();
        List<String> cols = features.columns();
        long prev = Long.MIN_VALUE;
        for (int r = 0; r < rows; r++) {
            long ts = features.ts(r);
            if (ts < prev || ts < 0) {
                throw new IllegalArgumentException("feature row " + (r + 1) + " of " + symbol + ": time " + ts
                        + (ts < 0 ? " is before 1970" : " is earlier than the previous row's " + prev));
            }
            prev = ts;
        }
        try (TableWriterAPI w = writer("features")) {
            int cSym = w.getMetadata().getColumnIndex("symbol");
            int cFeat = w.getMetadata().getColumnIndex("feature");
            int cVal = w.getMetadata().getColumnIndex("val");
            boolean ok = false;
            try {
                for (int r = 0; r < rows; r++) {
                    for (int k = 0; k < cols.size(); k++) {
                        io.questdb.cairo.TableWriter.Row row = w.newRow(features.ts(r));
                        row.putSym(cSym, symbol);
                        row.putSym(cFeat, cols.get(k));
                        row.putDouble(cVal, features.get(r, k));
                        row.append();
                    }
                }
                w.commit();
                ok = true;
            } finally {
                if (!ok) {
                    w.rollback();
                }
            }
        }
        applyWal();
    }

    // ---------------------------------------------------------------- reading

    private static String literal(String symbol) {
        return TickSchema.literal(symbol);
    }

    private static String range(long fromNs, long toNs) {
        return TickSchema.range(fromNs, toNs);
    }

    /** Runs a query and hands each record to {@code visitor}; returns the number of records. */
    private long select(String sql, RecordVisitor visitor) {
        requireOpen();
        SqlExecutionContext ctx = context();
        try (RecordCursorFactory f = engine.select(sql, ctx); RecordCursor c = f.getCursor(ctx)) {
            io.questdb.cairo.sql.Record r = c.getRecord();
            long n = 0;
            while (c.hasNext()) {
                visitor.visit(r);
                n++;
            }
            return n;
        } catch (SqlException e) {
            throw new IllegalArgumentException("query failed: " + e.getFlyweightMessage() + " [at position "
                    + e.getPosition() + " of: " + sql + "]", e);
        }
    }

    @FunctionalInterface
    private interface RecordVisitor {
        void visit(io.questdb.cairo.sql.Record r);
    }

    @Override
    public long readTrades(String symbol, long fromNs, long toNs, Consumer<Trade> sink) {
        String sym = symbol;
        return select("SELECT ts, price, size, aggressor FROM trades WHERE symbol = " + literal(symbol)
                        + " AND" + range(fromNs, toNs),
                r -> sink.accept(new Trade(r.getTimestamp(0), sym, r.getDouble(1), r.getDouble(2),
                        Side.ofSign(r.getByte(3)))));
    }

    @Override
    public long readQuotes(String symbol, long fromNs, long toNs, Consumer<Quote> sink) {
        String sym = symbol;
        return select("SELECT ts, bid, ask, bid_size, ask_size FROM quotes WHERE symbol = " + literal(symbol)
                        + " AND" + range(fromNs, toNs),
                r -> sink.accept(new Quote(r.getTimestamp(0), sym, r.getDouble(1), zeroIfNaN(r.getDouble(3)),
                        r.getDouble(2), zeroIfNaN(r.getDouble(4)))));
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    @Override
    public long readBooks(String symbol, long fromNs, long toNs, Consumer<LobSnapshot> sink) {
        int n = bookLevels();
        if (n == 0) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("SELECT ts, levels");
        for (int i = 1; i <= n; i++) {
            sql.append(", bid_px_").append(i).append(", bid_sz_").append(i).append(", ask_px_").append(i)
                    .append(", ask_sz_").append(i);
        }
        sql.append(" FROM books WHERE symbol = ").append(literal(symbol)).append(" AND").append(range(fromNs, toNs));
        String sym = symbol;
        return select(sql.toString(), r -> {
            int levels = r.getInt(1);
            double[] bp = new double[levels];
            double[] bs = new double[levels];
            double[] ap = new double[levels];
            double[] as = new double[levels];
            for (int i = 0; i < levels; i++) {
                bp[i] = r.getDouble(2 + 4 * i);
                bs[i] = r.getDouble(3 + 4 * i);
                ap[i] = r.getDouble(4 + 4 * i);
                as[i] = r.getDouble(5 + 4 * i);
            }
            sink.accept(new LobSnapshot(r.getTimestamp(0), sym, bp, bs, ap, as));
        });
    }

    /** Order events of a symbol over [fromNs, toNs), in time order. */
    public long readOrderEvents(String symbol, long fromNs, long toNs, Consumer<OrderEvent> sink) {
        String sym = symbol;
        return select("SELECT ts, event_type, side, price, size, order_id FROM order_events WHERE symbol = "
                        + literal(symbol) + " AND" + range(fromNs, toNs),
                r -> sink.accept(new OrderEvent(r.getTimestamp(0), sym,
                        OrderEventType.valueOf(r.getSymA(1).toString()), Side.valueOf(r.getSymA(2).toString()),
                        r.getDouble(3), r.getDouble(4), r.getLong(5))));
    }

    /** A trade with the quote prevailing at its time (the last quote at or before it), for Lee-Ready. */
    @FunctionalInterface
    public interface TradeQuoteSink {
        /** {@code bid}/{@code ask} are NaN when no quote precedes the trade. */
        void onTrade(long ts, double price, double size, double bid, double ask);
    }

    /**
     * Trades of a symbol over [fromNs, toNs) ASOF JOINed with its quotes: each trade carries the last
     * quote with {@code quote.ts <= trade.ts}. Done by QuestDB in one pass over both tables.
     */
    public long readTradesWithQuotes(String symbol, long fromNs, long toNs, TradeQuoteSink sink) {
        String sym = literal(symbol);
        return select("SELECT t.ts, t.price, t.size, q.bid, q.ask FROM (trades WHERE symbol = " + sym + " AND"
                        + range(fromNs, toNs) + ") t ASOF JOIN (quotes WHERE symbol = " + sym + " AND ts < " + toNs
                        + ") q ON (symbol)",
                r -> sink.onTrade(r.getTimestamp(0), r.getDouble(1), r.getDouble(2), r.getDouble(3), r.getDouble(4)));
    }

    /**
     * Bars with {@code SAMPLE BY}, aligned to the UTC calendar: OHLC of the mid price from quotes
     * (or, for a symbol without quotes, from level 1 of its books), traded volume and VWAP from
     * trades, and the last bid/ask. A bar exists when it has a quote/book or a trade; fields without
     * data are NaN and volume is 0 in a bar without trades.
     */
    @Override
    public List<Bar> bars(String symbol, long intervalNs, long fromNs, long toNs) {
        String unit = sampleUnit(intervalNs);
        String sym = literal(symbol);
        String where = " WHERE symbol = " + sym + " AND" + range(fromNs, toNs);
        TreeMap<Long, double[]> rows = new TreeMap<>();
        long quoteBars = select("SELECT ts, first(mid), max(mid), min(mid), last(mid), last(bid), last(ask) FROM"
                + " (SELECT ts, (bid + ask) / 2 mid, bid, ask FROM quotes" + where + ")"
                + " SAMPLE BY " + unit + " ALIGN TO CALENDAR", r -> put(rows, r));
        if (quoteBars == 0 && bookLevels() > 0) {
            select("SELECT ts, first(mid), max(mid), min(mid), last(mid), last(bid_px_1), last(ask_px_1) FROM"
                    + " (SELECT ts, (bid_px_1 + ask_px_1) / 2 mid, bid_px_1, ask_px_1 FROM books" + where + ")"
                    + " SAMPLE BY " + unit + " ALIGN TO CALENDAR", r -> put(rows, r));
        }
        select("SELECT ts, sum(size), sum(price * size) FROM trades" + where
                + " SAMPLE BY " + unit + " ALIGN TO CALENDAR", r -> {
                    double[] v = rows.computeIfAbsent(r.getTimestamp(0), k -> nanBar());
                    v[6] = r.getDouble(1);
                    v[7] = r.getDouble(2);
                });
        List<Bar> out = new ArrayList<>(rows.size());
        for (Map.Entry<Long, double[]> e : rows.entrySet()) {
            double[] v = e.getValue();
            double volume = Double.isNaN(v[6]) ? 0 : v[6];
            double vwap = volume > 0 ? v[7] / volume : Double.NaN;
            out.add(new Bar(e.getKey(), symbol, v[0], v[1], v[2], v[3], volume, vwap, v[4], v[5]));
        }
        return out;
    }

    private static double[] nanBar() {
        double[] v = new double[8];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private static void put(TreeMap<Long, double[]> rows, io.questdb.cairo.sql.Record r) {
        double[] v = rows.computeIfAbsent(r.getTimestamp(0), k -> nanBar());
        for (int i = 0; i < 6; i++) {
            v[i] = r.getDouble(1 + i);
        }
    }

    /** QuestDB's SAMPLE BY unit for an interval: whole hours, minutes, seconds or milliseconds. */
    static String sampleUnit(long intervalNs) {
        if (intervalNs <= 0) {
            throw new IllegalArgumentException("bar interval must be positive, got " + intervalNs + " ns");
        }
        if (intervalNs % 3_600_000_000_000L == 0) {
            return (intervalNs / 3_600_000_000_000L) + "h";
        }
        if (intervalNs % 60_000_000_000L == 0) {
            return (intervalNs / 60_000_000_000L) + "m";
        }
        if (intervalNs % 1_000_000_000L == 0) {
            return (intervalNs / 1_000_000_000L) + "s";
        }
        if (intervalNs % 1_000_000L == 0) {
            return (intervalNs / 1_000_000L) + "T";
        }
        throw new IllegalArgumentException("bar interval must be a whole number of milliseconds, got " + intervalNs + " ns");
    }

    // ---------------------------------------------------------------- ad-hoc SQL

    /** Receives a query's result, one row at a time. */
    public interface ResultSink {
        void columns(List<String> names, List<String> types);

        /**
         * One row: Long, Double, Boolean, String (timestamps as ISO-8601 UTC strings) or null;
         * the array is reused between rows.
         */
        void row(Object[] values);
    }

    private static final java.util.Set<String> NOT_QUERIES = java.util.Set.of("CREATE", "DROP", "ALTER", "INSERT",
            "UPDATE", "DELETE", "TRUNCATE", "RENAME", "COPY", "BACKUP", "VACUUM", "REINDEX", "SNAPSHOT", "CHECKPOINT",
            "GRANT", "REVOKE", "CANCEL", "DETACH", "ATTACH", "SET", "RESUME", "COMPILE", "REFRESH", "REPAIR", "LOCK");

    /**
     * Runs a query (SELECT, WITH, SHOW, EXPLAIN, or QuestDB's bare {@code table WHERE ...}) on the
     * tick store; returns the number of rows. Statements that change data or schema are refused
     * before they reach the engine.
     */
    public long query(String sql, ResultSink sink) {
        requireOpen();
        String first = sql.strip().split("[\\s(;]+", 2)[0].toUpperCase(java.util.Locale.ROOT);
        if (NOT_QUERIES.contains(first)) {
            throw new IllegalArgumentException("only queries run here (SELECT, WITH, SHOW, EXPLAIN); '" + first
                    + "' statements are refused: the tick store is changed by ingest");
        }
        SqlExecutionContext ctx = context();
        try (RecordCursorFactory f = engine.select(sql, ctx)) {
            if (f == null) {
                throw new IllegalArgumentException("not a query: " + sql);
            }
            RecordMetadata m = f.getMetadata();
            int n = m.getColumnCount();
            List<String> names = new ArrayList<>(n);
            List<String> types = new ArrayList<>(n);
            int[] t = new int[n];
            for (int i = 0; i < n; i++) {
                names.add(m.getColumnName(i));
                t[i] = m.getColumnType(i);
                types.add(ColumnType.nameOf(t[i]));
            }
            sink.columns(names, types);
            Object[] values = new Object[n];
            long rows = 0;
            try (RecordCursor c = f.getCursor(ctx)) {
                io.questdb.cairo.sql.Record r = c.getRecord();
                while (c.hasNext()) {
                    for (int i = 0; i < n; i++) {
                        values[i] = value(r, i, t[i]);
                    }
                    sink.row(values);
                    rows++;
                }
            }
            return rows;
        } catch (SqlException e) {
            throw new IllegalArgumentException("query failed at position " + e.getPosition() + ": "
                    + e.getFlyweightMessage(), e);
        }
    }

    private static Object value(io.questdb.cairo.sql.Record r, int i, int type) {
        switch (ColumnType.tagOf(type)) {
            case ColumnType.BOOLEAN:
                return r.getBool(i);
            case ColumnType.BYTE:
                return (long) r.getByte(i);
            case ColumnType.SHORT:
                return (long) r.getShort(i);
            case ColumnType.CHAR: {
                char ch = r.getChar(i);
                return ch == 0 ? null : String.valueOf(ch);
            }
            case ColumnType.INT: {
                int v = r.getInt(i);
                return v == Integer.MIN_VALUE ? null : (Object) (long) v;
            }
            case ColumnType.LONG: {
                long v = r.getLong(i);
                return v == Long.MIN_VALUE ? null : (Object) v;
            }
            case ColumnType.FLOAT: {
                float v = r.getFloat(i);
                return Float.isNaN(v) ? null : (Object) (double) v;
            }
            case ColumnType.DOUBLE: {
                double v = r.getDouble(i);
                return Double.isNaN(v) ? null : (Object) v;
            }
            case ColumnType.STRING: {
                CharSequence s = r.getStrA(i);
                return s == null ? null : s.toString();
            }
            case ColumnType.SYMBOL: {
                CharSequence s = r.getSymA(i);
                return s == null ? null : s.toString();
            }
            case ColumnType.VARCHAR: {
                io.questdb.std.str.Utf8Sequence s = r.getVarcharA(i);
                return s == null ? null : s.toString();
            }
            case ColumnType.TIMESTAMP: {
                long v = r.getTimestamp(i);
                if (v == Long.MIN_VALUE) {
                    return null;
                }
                return ColumnType.isTimestampNano(type) ? isoNanos(v) : isoNanos(Math.multiplyExact(v, 1000L));
            }
            case ColumnType.DATE: {
                long v = r.getDate(i);
                return v == Long.MIN_VALUE ? null : Instant.ofEpochMilli(v).toString();
            }
            default:
                throw new IllegalArgumentException("column " + (i + 1) + " has type " + ColumnType.nameOf(type)
                        + ", which eimas sql does not print; cast it in the query");
        }
    }

    /** Epoch nanoseconds as ISO-8601 UTC, e.g. 2012-06-21T13:30:00.017459617Z. */
    public static String isoNanos(long ns) {
        return Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L)).toString();
    }

    /** Row count of a tick table ({@code trades}, {@code quotes}, {@code books}, ...), 0 if absent. */
    public long count(String table) {
        if (engine.getTableTokenIfExists(table) == null) {
            return 0;
        }
        long[] n = new long[1];
        select("SELECT count() FROM " + table, r -> n[0] = r.getLong(0));
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
        try {
            applyWal();
            try (WalPurgeJob purge = new WalPurgeJob(engine)) {
                purge.run(0);
            }
        } finally {
            closed = true;
            try {
                applyJob.close();
                engine.close();
            } finally {
                lock.close();
            }
        }
    }
}
