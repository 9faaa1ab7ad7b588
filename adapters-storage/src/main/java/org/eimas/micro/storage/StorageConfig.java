package org.eimas.micro.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link StorageModule} needs: the data directory of the embedded stores and, optionally, a
 * JDBC URL (with user and password) of an external relational database such as PostgreSQL. The
 * password comes from configuration or the environment and is never printed.
 */
public record StorageConfig(Path dataDir, String relationalUrl, String relationalUser, String relationalPassword) {
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

    /** Opens the relational database this configuration names. */
    public RelationalDatabase openRelational(long nowNs) {
        return relationalUrl == null ? RelationalDatabase.openEmbedded(dataDir, nowNs)
                : RelationalDatabase.open(relationalUrl, relationalUser, relationalPassword, nowNs);
    }

    @Override
    public String toString() {
        return "StorageConfig[dataDir=" + dataDir + ", relational="
                + (relationalUrl == null ? "embedded H2" : RelationalDatabase.redact(relationalUrl))
                + ", password=" + (relationalPassword == null || relationalPassword.isEmpty() ? "unset" : "set") + "]";
    }
}
