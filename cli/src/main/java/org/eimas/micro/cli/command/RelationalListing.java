package org.eimas.micro.cli.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.eimas.micro.application.config.ConfigLoader;
import org.eimas.micro.application.config.EimasConfig;
import org.eimas.micro.storage.QuestDbTickStore;
import org.eimas.micro.storage.RelationalDatabase;
import org.eimas.micro.storage.StorageConfig;

/** Shared by the list commands: opens the relational store and formats values. */
final class RelationalListing {
    private RelationalListing() {
    }

    /** The embedded H2 in {@code dataDir}, or the database named by EIMAS_DB_URL/USER/PASSWORD. */
    static RelationalDatabase open(Path dataDir) {
        EimasConfig cfg = ConfigLoader.fromEnvironment();
        StorageConfig sc = new StorageConfig(dataDir, cfg.relational.url, cfg.relational.user, cfg.relational.password);
        return sc.openRelational(System.currentTimeMillis() * 1_000_000L);
    }

    static String time(long ns) {
        return QuestDbTickStore.isoNanos(ns);
    }

    /** Keys sorted so that output is stable. */
    static <V> Map<String, V> sorted(Map<String, V> m) {
        return new TreeMap<>(m);
    }

    static String compact(Map<String, ?> m) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, ?> e : sorted(m).entrySet()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    static Map<String, Object> obj() {
        return new LinkedHashMap<>();
    }
}
