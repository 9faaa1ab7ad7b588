package org.eimas.micro.flink;

import io.questdb.client.Sender;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes one output to a QuestDB table over ILP ({@code questdb-client}). At least once: every
 * checkpoint flushes the sender (over HTTP a flush returns after the server has taken the rows),
 * so rows not yet flushed at a failure are re-sent after the restore; the table is created (over
 * HTTP, before the first row) as a WAL table with {@code DEDUP UPSERT KEYS(<ts>, symbol, row)}, so a
 * re-delivered row replaces itself instead of adding a duplicate.
 *
 * <p>Columns: {@code symbol} (SYMBOL), {@code row} (LONG, the symbol's row number), the output's
 * columns ({@code .} in a name becomes {@code _}), the row's ts as designated timestamp.
 * The connection string (e.g. {@code http::addr=127.0.0.1:9000;}) comes from the command line or
 * the environment, never from code; it may carry credentials, so it is not logged.
 */
public final class QuestDbSink implements Sink<SymbolLine> {
    private static final long serialVersionUID = 1L;
    private static final Set<String> SYMBOL_COLUMNS = Set.of("level", "action", "trend", "path18", "path12");
    private static final Set<String> LONG_COLUMNS = Set.of("bucket");

    private final String conf;
    private final String table;
    private final List<String> header;
    private final int tsIndex;

    /**
     * @param header the output's columns (without the leading row number); one of them, {@code ts}
     *               or {@code end_ts}, is the designated timestamp
     */
    public QuestDbSink(String conf, String table, List<String> header) {
        this.conf = conf;
        this.table = table;
        this.header = new ArrayList<>(header);
        int t = header.indexOf("ts");
        this.tsIndex = t >= 0 ? t : header.indexOf("end_ts");
        if (tsIndex < 0) {
            throw new IllegalArgumentException("output " + table + " has no ts column");
        }
    }

    static String column(String name) {
        return name.replace('.', '_');
    }

    /** The table's DDL: a WAL table deduplicated on (ts, symbol, row). */
    String ddl() {
        StringBuilder sb = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(table).append(" (symbol SYMBOL, row LONG");
        for (int i = 0; i < header.size(); i++) {
            String c = header.get(i);
            String type = i == tsIndex ? "TIMESTAMP" : SYMBOL_COLUMNS.contains(c) ? "SYMBOL" : LONG_COLUMNS.contains(c) ? "LONG" : "DOUBLE";
            sb.append(", ").append(column(c)).append(' ').append(type);
        }
        String ts = column(header.get(tsIndex));
        return sb.append(") TIMESTAMP(").append(ts).append(") PARTITION BY DAY WAL DEDUP UPSERT KEYS(").append(ts).append(", symbol, row)").toString();
    }

    /** {@code host:port} of an {@code http::addr=...;} connection string, or null for other transports. */
    static String httpAddress(String conf) {
        String c = conf.trim();
        if (!c.startsWith("http::") && !c.startsWith("https::")) {
            return null;
        }
        for (String kv : c.substring(c.indexOf("::") + 2).split(";")) {
            if (kv.startsWith("addr=")) {
                return (c.startsWith("https") ? "https://" : "http://") + kv.substring(5);
            }
        }
        return (c.startsWith("https") ? "https://" : "http://") + "localhost:9000";
    }

    /** Runs one SQL statement over QuestDB's HTTP {@code /exec} endpoint. */
    static String exec(String base, String sql) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/exec?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("QuestDB " + base + " rejected '" + sql + "': HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    @Override
    public SinkWriter<SymbolLine> createWriter(WriterInitContext context) throws IOException {
        String base = httpAddress(conf);
        if (base != null) {
            try {
                exec(base, ddl());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while creating " + table, e);
            }
        }
        return new Writer(Sender.fromConfig(conf));
    }

    private final class Writer implements SinkWriter<SymbolLine> {
        private final Sender sender;
        private final String[] columns;

        Writer(Sender sender) {
            this.sender = sender;
            this.columns = new String[header.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = column(header.get(i));
            }
        }

        @Override
        public void write(SymbolLine l, Context context) {
            String[] f = l.line.split(",", -1);
            if (f.length != columns.length + 1) {
                throw new IllegalStateException(table + ": row of " + f.length + " fields, expected " + (columns.length + 1) + ": " + l.line);
            }
            sender.table(table).symbol("symbol", l.symbol);
            for (int i = 0; i < columns.length; i++) {
                if (i == tsIndex) {
                    continue;
                }
                String c = header.get(i);
                if (SYMBOL_COLUMNS.contains(c)) {
                    sender.symbol(columns[i], f[i + 1]);
                }
            }
            sender.longColumn("row", Long.parseLong(f[0]));
            for (int i = 0; i < columns.length; i++) {
                String c = header.get(i);
                String v = f[i + 1];
                if (i == tsIndex || SYMBOL_COLUMNS.contains(c) || v.isEmpty()) {
                    continue; // an empty cell (NaN) is a null
                }
                if (LONG_COLUMNS.contains(c)) {
                    sender.longColumn(columns[i], Long.parseLong(v));
                } else {
                    sender.doubleColumn(columns[i], Double.parseDouble(v));
                }
            }
            sender.at(Long.parseLong(f[tsIndex + 1]), ChronoUnit.NANOS);
        }

        @Override
        public void flush(boolean endOfInput) {
            sender.flush();
        }

        @Override
        public void close() {
            sender.close();
        }
    }
}
