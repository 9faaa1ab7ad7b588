package org.eimas.micro.application.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's configuration, read from YAML ({@link ConfigLoader}) with environment overrides
 * for secrets. Sections are plain mutable beans so Jackson can bind them and adapters can read
 * only their own section. {@link #toString()} never prints a secret.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class EimasConfig {
    /** Where the embedded QuestDB and H2 files live. */
    public String dataDir = "./data";
    public Polygon polygon = new Polygon();
    public Alpaca alpaca = new Alpaca();
    public Fred fred = new Fred();
    public QuestDb questdb = new QuestDb();
    public Relational relational = new Relational();
    /** Free-form settings of individual use cases (e.g. monitor.updateSeconds). */
    public Map<String, String> settings = new LinkedHashMap<>();

    public Path dataPath() {
        return Path.of(dataDir);
    }

    public static final class Polygon {
        public String apiKey;
        public String wsUrl = "wss://socket.polygon.io/stocks";
        public String restUrl = "https://api.polygon.io";
    }

    public static final class Alpaca {
        public String keyId;
        public String secretKey;
        /** iex or sip. */
        public String feed = "iex";
        public String wsUrl = "wss://stream.data.alpaca.markets/v2";
        public String restUrl = "https://data.alpaca.markets";
    }

    public static final class Fred {
        public String apiKey;
        public String url = "https://api.stlouisfed.org";
    }

    public static final class QuestDb {
        /** embedded (default) or external. */
        public String mode = "embedded";
        /** ILP address of an external server, e.g. 127.0.0.1:9009. */
        public String ilp;
        /** PostgreSQL-wire JDBC URL of an external server. */
        public String pgUrl;
    }

    public static final class Relational {
        /** JDBC URL; empty means the embedded H2 file in dataDir. */
        public String url;
        public String user;
        public String password;
    }

    private static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "unset" : "set";
    }

    @Override
    public String toString() {
        return "EimasConfig[dataDir=" + dataDir + ", polygon.apiKey=" + mask(polygon.apiKey)
                + ", alpaca.keyId=" + mask(alpaca.keyId) + ", alpaca.secretKey=" + mask(alpaca.secretKey)
                + ", alpaca.feed=" + alpaca.feed + ", fred.apiKey=" + mask(fred.apiKey)
                + ", questdb.mode=" + questdb.mode + ", relational.url=" + (relational.url == null ? "embedded H2" : "set")
                + ", relational.password=" + mask(relational.password) + "]";
    }
}
