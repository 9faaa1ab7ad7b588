package org.eimas.micro.storage;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.eimas.micro.domain.port.AlertStore;
import org.eimas.micro.domain.port.BacktestRunStore;
import org.eimas.micro.domain.port.ModelStore;
import org.eimas.micro.domain.port.NetworkStore;
import org.eimas.micro.domain.port.TickStore;

/**
 * Binds the storage ports: {@link TickStore} to the embedded {@link QuestDbTickStore} (or to an
 * {@link ExternalQuestDbTickStore} when the configuration names a server), and
 * {@link ModelStore}, {@link AlertStore}, {@link NetworkStore}, {@link BacktestRunStore} to the
 * jOOQ stores on one {@link RelationalDatabase}. Stores open lazily, once per injector; whoever
 * owns the injector closes the {@link TickStore} and the {@link RelationalDatabase} when done.
 */
public final class StorageModule extends AbstractModule {
    private final StorageConfig config;

    public StorageModule(StorageConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(StorageConfig.class).toInstance(config);
    }

    @Provides
    @Singleton
    QuestDbTickStore questDbTickStore() {
        return QuestDbTickStore.open(config.dataDir());
    }

    /** The embedded store, or the external QuestDB server when the configuration names one. */
    @Provides
    @Singleton
    TickStore tickStore(com.google.inject.Injector injector) {
        return config.questDb() == null ? injector.getInstance(QuestDbTickStore.class) : config.openTickStore();
    }

    @Provides
    @Singleton
    RelationalDatabase relationalDatabase() {
        return config.openRelational(System.currentTimeMillis() * 1_000_000L);
    }

    @Provides
    @Singleton
    ModelStore modelStore(RelationalDatabase db) {
        return new JooqModelStore(db);
    }

    @Provides
    @Singleton
    AlertStore alertStore(RelationalDatabase db) {
        return new JooqAlertStore(db);
    }

    @Provides
    @Singleton
    NetworkStore networkStore(RelationalDatabase db) {
        return new JooqNetworkStore(db);
    }

    @Provides
    @Singleton
    BacktestRunStore backtestRunStore(RelationalDatabase db) {
        return new JooqBacktestRunStore(db);
    }
}
