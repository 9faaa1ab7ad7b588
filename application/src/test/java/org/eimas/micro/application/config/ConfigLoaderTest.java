package org.eimas.micro.application.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eimas.micro.application.EimasPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void yamlThenEnvironmentOverridesAndSecretsNeverPrinted() throws Exception {
        Path yaml = dir.resolve("eimas.yaml");
        Files.writeString(yaml, "dataDir: /tmp/x\npolygon:\n  apiKey: FILEKEY123\n  wsUrl: ws://127.0.0.1:1/stocks\n"
                + "alpaca:\n  feed: sip\n");
        EimasConfig cfg = ConfigLoader.load(yaml, Map.of("POLYGON_API_KEY", "ENVKEY456", "APCA_API_SECRET_KEY", "S3CR3T"));
        assertThat(cfg.dataDir).isEqualTo("/tmp/x");
        assertThat(cfg.polygon.apiKey).isEqualTo("ENVKEY456");
        assertThat(cfg.polygon.wsUrl).isEqualTo("ws://127.0.0.1:1/stocks");
        assertThat(cfg.alpaca.feed).isEqualTo("sip");
        assertThat(cfg.alpaca.secretKey).isEqualTo("S3CR3T");
        assertThat(cfg.toString()).doesNotContain("ENVKEY456").doesNotContain("S3CR3T").contains("polygon.apiKey=set");
    }

    @Test
    void unknownKeysAndMissingFilesAreClearErrors() throws Exception {
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, "dataDirr: /tmp/x\n");
        assertThatThrownBy(() -> ConfigLoader.load(yaml, Map.of())).hasMessageContaining("bad.yaml")
                .hasMessageContaining("dataDirr");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("none.yaml"), Map.of()))
                .hasMessageContaining("none.yaml does not exist");
    }

    interface Greeter {
        String greet();
    }

    @Test
    void platformBuildsFromModulesAndClosesResourcesInReverseOrder() {
        AtomicInteger order = new AtomicInteger();
        int[] closedAt = new int[2];
        EimasConfig cfg = new EimasConfig();
        cfg.dataDir = "/data/here";
        EimasPlatform p = EimasPlatform.builder().config(cfg).module(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Greeter.class).toInstance(() -> "hi");
            }
        }).build();
        assertThat(p.get(Greeter.class).greet()).isEqualTo("hi");
        assertThat(p.get(EimasConfig.class).dataDir).isEqualTo("/data/here");
        p.closeOnShutdown(() -> closedAt[0] = order.incrementAndGet());
        p.closeOnShutdown(() -> closedAt[1] = order.incrementAndGet());
        p.close();
        assertThat(closedAt).containsExactly(2, 1);
        assertThatThrownBy(() -> p.get(Greeter.class)).hasMessageContaining("closed");
    }
}
