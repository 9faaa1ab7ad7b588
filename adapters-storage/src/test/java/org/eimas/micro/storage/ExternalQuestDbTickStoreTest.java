package org.eimas.micro.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.questdb.ServerMain;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.TickStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tick-store contract against an external QuestDB server (ILP over HTTP in, PostgreSQL wire
 * out), started in-process with every port bound to 127.0.0.1.
 */
@Tag("slow")
class ExternalQuestDbTickStoreTest extends TickStoreContract {
    @TempDir
    static Path root;
    static ServerMain server;
    static ExternalQuestDbTickStore store;
    static String ilp;
    static String pgUrl;

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        int http = freePort();
        int pg = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("QDB_HTTP_BIND_TO", "127.0.0.1:" + http);
        env.put("QDB_HTTP_MIN_BIND_TO", "127.0.0.1:" + freePort());
        env.put("QDB_PG_NET_BIND_TO", "127.0.0.1:" + pg);
        env.put("QDB_LINE_TCP_NET_BIND_TO", "127.0.0.1:" + freePort());
        env.put("QDB_LINE_UDP_ENABLED", "false");
        env.put("QDB_TELEMETRY_ENABLED", "false");
        server = ServerMain.create(root.toString(), env);
        server.start();
        ilp = "127.0.0.1:" + http;
        pgUrl = "jdbc:postgresql://127.0.0.1:" + pg + "/qdb";
        store = new ExternalQuestDbTickStore(ilp, pgUrl, "admin", "quest");
    }

    @AfterAll
    static void stopServer() {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    TickStore store() {
        return store;
    }

    @Override
    long readTradesWithQuotes(String symbol, QuestDbTickStore.TradeQuoteSink sink) {
        return store.readTradesWithQuotes(symbol, 0, Long.MAX_VALUE, sink);
    }

    @Override
    long readOrderEvents(String symbol, Consumer<OrderEvent> sink) {
        return store.readOrderEvents(symbol, 0, Long.MAX_VALUE, sink);
    }

    @Override
    int bookLevels() {
        return store.bookLevels();
    }

    @Test
    void storageModuleBindsTheTickStoreToTheServerWhenConfigured(@TempDir Path data) {
        StorageConfig cfg = StorageConfig.embedded(data)
                .withExternalQuestDb(new StorageConfig.ExternalQuestDb(ilp, pgUrl, "admin", "quest"));
        assertThat(cfg.toString()).doesNotContain("quest]").contains("password=set");
        com.google.inject.Injector injector = com.google.inject.Guice.createInjector(new StorageModule(cfg));
        TickStore ticks = injector.getInstance(TickStore.class);
        try {
            assertThat(ticks).isInstanceOf(ExternalQuestDbTickStore.class);
            ticks.appendTrades(java.util.List.of(new Trade(T0, "GUICE", 12.5, 3)));
            java.util.List<Trade> got = new java.util.ArrayList<>();
            store.readTrades("GUICE", 0, Long.MAX_VALUE, got::add);
            assertThat(got).containsExactly(new Trade(T0, "GUICE", 12.5, 3));
        } finally {
            ticks.close();
        }
    }

    @Test
    void outOfOrderRowsAreRejectedBeforeAnythingIsSent() {
        long before = store.count("trades");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.appendTrades(java.util.List.of(
                        new Trade(T0 + 5, "OOO", 1, 1), new Trade(T0 + 4, "OOO", 1, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trade 2")
                .hasMessageContaining("earlier");
        assertThat(store.count("trades")).isEqualTo(before);
    }
}
