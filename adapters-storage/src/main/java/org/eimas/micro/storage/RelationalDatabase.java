package org.eimas.micro.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The relational store's database: an embedded H2 file ({@code DATA_DIR/relational/eimas.mv.db},
 * openable with H2's own tools when eimas is not running) or any JDBC URL, PostgreSQL included;
 * the jOOQ dialect follows the URL. Migrations ({@link SchemaMigrator}) run when it opens.
 *
 * <p>One connection, used under this object's lock; names are rendered unquoted so the same code
 * meets H2's upper-case and PostgreSQL's lower-case folding.
 */
public final class RelationalDatabase implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** jOOQ logs through java.util.logging when no SLF4J is bound; keep its INFO notices off the console. */
    private static final java.util.logging.Logger JOOQ_LOG = java.util.logging.Logger.getLogger("org.jooq");

    static {
        JOOQ_LOG.setLevel(java.util.logging.Level.WARNING);
    }
    private static final TypeReference<Map<String, Double>> DOUBLES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    private final Connection connection;
    private final DSLContext dsl;
    private final SQLDialect dialect;
    private final DataDirLock lock;
    private final int schemaVersion;
    private boolean closed;

    private RelationalDatabase(Connection connection, SQLDialect dialect, DataDirLock lock, long nowNs) {
        this.connection = connection;
        this.dialect = dialect;
        this.lock = lock;
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withRenderNameCase(RenderNameCase.AS_IS)
                .withExecuteLogging(false);
        this.dsl = DSL.using(connection, dialect, settings);
        this.schemaVersion = SchemaMigrator.migrate(dsl, SchemaMigrator.shipped(), nowNs);
    }

    /**
     * Opens the embedded H2 database in {@code dataDir}, locking the directory.
     *
     * @param nowNs the current time, recorded with any migration applied
     */
    public static RelationalDatabase openEmbedded(Path dataDir, long nowNs) {
        DataDirLock lock = DataDirLock.acquire(dataDir);
        try {
            Path dir = Files.createDirectories(lock.dir().resolve("relational"));
            // WRITE_DELAY=0: a committed transaction is on disk before commit returns (kill -9 safe)
            String url = "jdbc:h2:file:" + dir.resolve("eimas").toAbsolutePath() + ";WRITE_DELAY=0";
            return new RelationalDatabase(connect(url, "sa", ""), SQLDialect.H2, lock, nowNs);
        } catch (java.io.IOException e) {
            lock.close();
            throw new java.io.UncheckedIOException("cannot create " + dataDir.resolve("relational"), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Opens a database by JDBC URL ({@code jdbc:postgresql:...} or {@code jdbc:h2:...}). */
    public static RelationalDatabase open(String url, String user, String password, long nowNs) {
        return new RelationalDatabase(connect(url, user, password), dialectOf(url), null, nowNs);
    }

    static SQLDialect dialectOf(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        if (url.startsWith("jdbc:h2:")) {
            return SQLDialect.H2;
        }
        throw new IllegalArgumentException("unsupported relational database URL '" + redact(url)
                + "': use jdbc:postgresql:... or jdbc:h2:...");
    }

    private static Connection connect(String url, String user, String password) {
        dialectOf(url);
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(url, p);
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("Database may be already in use") || m.contains("locked by another process")) {
                throw new DataDirInUseException("data directory in use: the relational database " + redact(url)
                        + " is open in another process");
            }
            throw new IllegalStateException("cannot connect to " + redact(url) + ": " + m, e);
        }
    }

    /** A URL without any password parameter, safe to print. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    public SQLDialect dialect() {
        return dialect;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** Runs {@code work} in one transaction (all or nothing) under this database's lock. */
    public synchronized <T> T transaction(Function<DSLContext, T> work) {
        requireOpen();
        return dsl.transactionResult(cfg -> work.apply(DSL.using(cfg)));
    }

    /** Runs a read under this database's lock. */
    public synchronized <T> T read(Function<DSLContext, T> work) {
        requireOpen();
        return work.apply(dsl);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("relational database is closed");
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Double> doubles(String json) {
        return parse(json, DOUBLES);
    }

    static Map<String, String> strings(String json) {
        return parse(json, STRINGS);
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    static List<String> tables() {
        return List.of("models", "alerts", "networks", "network_edges", "backtest_runs", "backtest_trades");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the relational database failed: " + e.getMessage(), e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
