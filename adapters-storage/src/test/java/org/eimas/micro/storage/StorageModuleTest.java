package org.eimas.micro.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.Map;
import org.eimas.micro.domain.port.AlertStore;
import org.eimas.micro.domain.port.BacktestRunStore;
import org.eimas.micro.domain.port.ModelStore;
import org.eimas.micro.domain.port.NetworkStore;
import org.eimas.micro.domain.port.TickStore;
import org.eimas.micro.domain.store.StoredModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageModuleTest {
    @TempDir
    Path dir;

    @Test
    void embeddedDefaultsBindEveryPortToOneStoreEach() {
        Injector injector = Guice.createInjector(new StorageModule(StorageConfig.embedded(dir.resolve("data"))));
        TickStore ticks = injector.getInstance(TickStore.class);
        RelationalDatabase db = injector.getInstance(RelationalDatabase.class);
        try {
            assertThat(ticks).isInstanceOf(QuestDbTickStore.class).isSameAs(injector.getInstance(QuestDbTickStore.class));
            ModelStore models = injector.getInstance(ModelStore.class);
            assertThat(models).isInstanceOf(JooqModelStore.class).isSameAs(injector.getInstance(ModelStore.class));
            assertThat(injector.getInstance(AlertStore.class)).isInstanceOf(JooqAlertStore.class);
            assertThat(injector.getInstance(NetworkStore.class)).isInstanceOf(JooqNetworkStore.class);
            assertThat(injector.getInstance(BacktestRunStore.class)).isInstanceOf(JooqBacktestRunStore.class);
            long id = models.save(new StoredModel(0, "lasso", "SPY", "1m", 5, 1, 4, Map.of("a", 1.0), Map.of(),
                    Map.of(), Map.of()));
            assertThat(models.latest("lasso", "SPY", "1m").orElseThrow().id()).isEqualTo(id);
            assertThat(db.dialect()).isEqualTo(org.jooq.SQLDialect.H2);
        } finally {
            ticks.close();
            db.close();
        }
        // both closed: the directory lock is free again
        QuestDbTickStore.open(dir.resolve("data")).close();
    }
}
