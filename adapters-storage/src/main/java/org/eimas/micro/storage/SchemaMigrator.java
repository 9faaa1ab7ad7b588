package org.eimas.micro.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Versioned schema migrations: plain SQL files {@code db/migration/V<n>__<description>.sql} on the
 * class path, listed in order in {@code db/migration/migrations.txt}, applied at start-up one
 * transaction per file and recorded in {@code eimas_schema_version} (version, description, SHA-256
 * of the file, time applied). A database whose recorded version is newer than the newest file this
 * program has, or whose applied file differs from the one shipped, is a clear error.
 */
public final class SchemaMigrator {
    static final String RESOURCE_DIR = "db/migration/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    static final Table<Record> VERSION_TABLE = DSL.table(DSL.name("eimas_schema_version"));
    static final Field<Integer> VERSION = DSL.field(DSL.name("version"), SQLDataType.INTEGER);
    static final Field<String> DESCRIPTION = DSL.field(DSL.name("description"), SQLDataType.VARCHAR(200));
    static final Field<String> CHECKSUM = DSL.field(DSL.name("checksum"), SQLDataType.VARCHAR(64));
    static final Field<Long> APPLIED_NS = DSL.field(DSL.name("applied_ns"), SQLDataType.BIGINT);

    /** One migration file. */
    public record Migration(int version, String description, String sql, String checksum) {
    }

    private SchemaMigrator() {
    }

    /** The migrations shipped with this program, in order. */
    public static List<Migration> shipped() {
        return load(SchemaMigrator.class.getClassLoader(), RESOURCE_DIR);
    }

    static List<Migration> load(ClassLoader cl, String dir) {
        String index = read(cl, dir + "migrations.txt");
        List<Migration> out = new ArrayList<>();
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException(dir + "migrations.txt lists '" + name
                        + "', which is not named V<version>__<description>.sql");
            }
            int v = Integer.parseInt(m.group(1));
            if (v != out.size() + 1) {
                throw new IllegalStateException(dir + "migrations.txt: " + name + " should be version " + (out.size() + 1));
            }
            String sql = read(cl, dir + name);
            out.add(new Migration(v, m.group(2), sql, sha256(sql)));
        }
        return out;
    }

    private static String read(ClassLoader cl, String resource) {
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration resource " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Statements of a migration file: split at semicolons that end a line; {@code --} comments dropped. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : sql.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("--")) {
                continue;
            }
            cur.append(line).append('\n');
            if (l.endsWith(";")) {
                String st = cur.toString().strip();
                out.add(st.substring(0, st.length() - 1).strip());
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    /**
     * Brings the database to the newest shipped version; returns the version it is at.
     *
     * @param nowNs the time recorded for each migration applied
     */
    public static int migrate(DSLContext dsl, List<Migration> migrations, long nowNs) {
        dsl.createTableIfNotExists(VERSION_TABLE)
                .column(VERSION, SQLDataType.INTEGER.nullable(false))
                .column(DESCRIPTION, SQLDataType.VARCHAR(200).nullable(false))
                .column(CHECKSUM, SQLDataType.VARCHAR(64).nullable(false))
                .column(APPLIED_NS, SQLDataType.BIGINT.nullable(false))
                .constraints(DSL.constraint("eimas_schema_version_pk").primaryKey(VERSION))
                .execute();
        List<? extends Record> applied = dsl.select(VERSION, DESCRIPTION, CHECKSUM).from(VERSION_TABLE).orderBy(VERSION).fetch();
        int known = migrations.size();
        int current = 0;
        for (Record r : applied) {
            int v = r.get(VERSION);
            if (v > known) {
                throw new IllegalStateException("the relational database is at schema version " + v + " ("
                        + r.get(DESCRIPTION) + "), newer than this program understands (" + known
                        + "); use a newer eimas or another data directory");
            }
            Migration m = migrations.get(v - 1);
            if (!m.checksum().equals(r.get(CHECKSUM))) {
                throw new IllegalStateException("schema migration V" + v + "__" + m.description()
                        + " applied to this database differs from the one shipped (checksum "
                        + r.get(CHECKSUM) + " vs " + m.checksum() + ")");
            }
            current = Math.max(current, v);
        }
        for (int v = current + 1; v <= known; v++) {
            Migration m = migrations.get(v - 1);
            int version = v;
            dsl.transaction(cfg -> {
                DSLContext tx = DSL.using(cfg);
                for (String st : statements(m.sql())) {
                    tx.execute(st);
                }
                tx.insertInto(VERSION_TABLE, VERSION, DESCRIPTION, CHECKSUM, APPLIED_NS)
                        .values(version, m.description(), m.checksum(), nowNs).execute();
            });
            current = v;
        }
        return current;
    }
}
