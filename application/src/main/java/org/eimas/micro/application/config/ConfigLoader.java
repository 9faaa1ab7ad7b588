package org.eimas.micro.application.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads {@link EimasConfig}: defaults, then a YAML file when given, then environment variables,
 * which win (so secrets never need to be in a file):
 * <pre>
 *   EIMAS_DATA_DIR, POLYGON_API_KEY, APCA_API_KEY_ID, APCA_API_SECRET_KEY, ALPACA_FEED,
 *   FRED_API_KEY, EIMAS_DB_URL, EIMAS_DB_USER, EIMAS_DB_PASSWORD
 * </pre>
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static EimasConfig load(Path yaml, Map<String, String> env) {
        EimasConfig cfg = new EimasConfig();
        if (yaml != null) {
            if (!Files.isRegularFile(yaml)) {
                throw new IllegalArgumentException("config file " + yaml + " does not exist");
            }
            ObjectMapper m = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            try {
                EimasConfig read = m.readValue(yaml.toFile(), EimasConfig.class);
                if (read != null) {
                    cfg = read;
                }
            } catch (IOException e) {
                String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
                throw new IllegalArgumentException("config file " + yaml + ": " + msg, e);
            }
        }
        applyEnvironment(cfg, env);
        return cfg;
    }

    /** Defaults plus the process environment. */
    public static EimasConfig fromEnvironment() {
        return load(null, System.getenv());
    }

    static void applyEnvironment(EimasConfig cfg, Map<String, String> env) {
        cfg.dataDir = env.getOrDefault("EIMAS_DATA_DIR", cfg.dataDir);
        cfg.polygon.apiKey = env.getOrDefault("POLYGON_API_KEY", cfg.polygon.apiKey);
        cfg.alpaca.keyId = env.getOrDefault("APCA_API_KEY_ID", cfg.alpaca.keyId);
        cfg.alpaca.secretKey = env.getOrDefault("APCA_API_SECRET_KEY", cfg.alpaca.secretKey);
        cfg.alpaca.feed = env.getOrDefault("ALPACA_FEED", cfg.alpaca.feed);
        cfg.fred.apiKey = env.getOrDefault("FRED_API_KEY", cfg.fred.apiKey);
        cfg.relational.url = env.getOrDefault("EIMAS_DB_URL", cfg.relational.url);
        cfg.relational.user = env.getOrDefault("EIMAS_DB_USER", cfg.relational.user);
        cfg.relational.password = env.getOrDefault("EIMAS_DB_PASSWORD", cfg.relational.password);
    }
}
