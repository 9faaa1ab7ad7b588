package org.eimas.micro.cli.command;

import java.net.URI;
import java.nio.file.Path;
import org.eimas.micro.alpaca.AlpacaConfig;
import org.eimas.micro.application.config.ConfigLoader;
import org.eimas.micro.application.config.EimasConfig;
import org.eimas.micro.polygon.PolygonConfig;

/** Vendor configurations for {@code stream} and {@code history}: YAML config plus environment, URL overrides. */
final class FeedSources {
    private FeedSources() {
    }

    static EimasConfig config(Path yaml) {
        return ConfigLoader.load(yaml, System.getenv());
    }

    static PolygonConfig polygon(EimasConfig c, String wsUrl, String restUrl) {
        if (c.polygon.apiKey == null || c.polygon.apiKey.isBlank()) {
            throw new IllegalArgumentException("Polygon needs an API key: set POLYGON_API_KEY (or polygon.apiKey in --config)");
        }
        return PolygonConfig.of(c.polygon.apiKey)
                .withWsUrl(URI.create(wsUrl != null ? wsUrl : c.polygon.wsUrl))
                .withRestUrl(URI.create(restUrl != null ? restUrl : c.polygon.restUrl));
    }

    static AlpacaConfig alpaca(EimasConfig c, String wsUrl, String restUrl) {
        if (c.alpaca.keyId == null || c.alpaca.keyId.isBlank() || c.alpaca.secretKey == null || c.alpaca.secretKey.isBlank()) {
            throw new IllegalArgumentException("Alpaca needs credentials: set APCA_API_KEY_ID and APCA_API_SECRET_KEY "
                    + "(or alpaca.keyId / alpaca.secretKey in --config)");
        }
        String feed = c.alpaca.feed == null ? "iex" : c.alpaca.feed;
        String ws = wsUrl != null ? wsUrl : c.alpaca.wsUrl.replaceAll("/+$", "") + "/" + feed;
        return AlpacaConfig.of(c.alpaca.keyId, c.alpaca.secretKey).withFeed(feed)
                .withWsUrl(URI.create(ws))
                .withRestUrl(URI.create(restUrl != null ? restUrl : c.alpaca.restUrl));
    }
}
