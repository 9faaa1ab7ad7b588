package org.eimas.micro.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link StorageModule} needs: the data directory of the embedded stores and, optionally, a
 * JDBC URL (with user and password) of an external relational database such as PostgreSQL, and
 * an external QuestDB server for the tick store ({@code questDb} null = embedded). Passwords come
 * from configuration or the environment and are never printed.
 */
public record StorageConfig(Path dataDir, String relationalUrl, String relationalUser, String relationalPassword,
                            ExternalQuestDb questDb) {
    /**
     * An external QuestDB server: {@code ilp} is its HTTP address ({@code host:9000}) or a full ILP
     * client configuration string ({@code http::addr=host:9000;...}); {@code pgUrl} its
     * PostgreSQL-wire JDBC URL ({@code jdbc:postgresql://host:8812/qdb}).
     */
    public record ExternalQuestDb(String ilp, String pgUrl, String user, String password) {
        @Override
        public String toString() {
            return "ExternalQuestDb[ilp=" + (ilp == null ? null : ilp.replaceAll("(?i)(password=)[^;]*", "$1***"))
                    + ", pgUrl=" + (pgUrl == null ? null : RelationalDatabase.redact(pgUrl)) + ", user=" + user
                    + ", password=" + (password == null || password.isEmpty() ? "unset" : "set") + "]";
        }
    }

    /** Embedded tick store. */
    public StorageConfig(Path dataDir, String relationalUrl, String relationalUser, String relationalPassword) {
        this(dataDir, relationalUrl, relationalUser, relationalPassword, null);
    }

    public StorageConfig withExternalQuestDb(ExternalQuestDb server) {
        return new StorageConfig(dataDir, relationalUrl, relationalUser, relationalPassword, server);
    }

    public StorageConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        if (relationalUrl != null && relationalUrl.isBlank()) {
            relationalUrl = null;
        }
    }

    /** Embedded QuestDB and H2 in {@code dataDir}. */
    public static StorageConfig embedded(Path dataDir) {
        return new StorageConfig(dataDir, null, null, null);
    }

    /** Opens the tick store this configuration names: embedded in dataDir, or the external server. */
    public org.eimas.micro.domain.port.TickStore openTickStore() {
        if (questDb == null) {
            return QuestDbTickStore.open(dataDir);
        }
        return new ExternalQuestDbTickStore(questDb.ilp(), questDb.pgUrl(), questDb.user(), questDb.password());
    }

    /** Opens the relational database this configuration names. */
    public RelationalDatabase openRelational(long nowNs) {
        return relationalUrl == null ? RelationalDatabase.openEmbedded(dataDir, nowNs)
                : RelationalDatabase.open(relationalUrl, relationalUser, relationalPassword, nowNs);
    }

    @Override
    public String toString() {
        return "StorageConfig[dataDir=" + dataDir + ", relational="
                + (relationalUrl == null ? "embedded H2" : RelationalDatabase.redact(relationalUrl))
                + ", password=" + (relationalPassword == null || relationalPassword.isEmpty() ? "unset" : "set")
                + ", questDb=" + (questDb == null ? "embedded" : questDb) + "]";
    }
}
