package org.eimas.micro.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.store.StoredAlert;
import org.eimas.micro.domain.store.StoredBacktestRun;
import org.eimas.micro.domain.store.StoredModel;
import org.eimas.micro.domain.store.StoredNetwork;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same checks against every database the relational store runs on (H2 embedded, PostgreSQL). */
abstract class RelationalStoreContract {
    static final long NOW = 1_772_492_400_000_000_000L;

    RelationalDatabase db;

    /** A fresh, empty database. */
    abstract RelationalDatabase openEmpty();

    /** The same database again, after {@link RelationalDatabase#close()}. */
    abstract RelationalDatabase reopen();

    @BeforeEach
    void open() {
        db = openEmpty();
    }

    @AfterEach
    void close() {
        db.close();
    }

    static StoredModel model(String kind, long created, double r2) {
        return new StoredModel(0, kind, "SPY", "5m", created, created - 1000, created - 10,
                Map.of("ofi", 0.25, "vpin", -1.5e-7), Map.of("ofi", 3.0), Map.of("ofi", 2.0),
                Map.of("r2", r2, "rmse", Double.NaN));
    }

    @Test
    void migrationsAreRecordedOnceAndDataSurvivesAReopen() {
        assertThat(db.schemaVersion()).isEqualTo(SchemaMigrator.shipped().size());
        long id = new JooqModelStore(db).save(model("lasso", NOW, 0.1));
        db.close();
        db = reopen();
        int rows = (int) db.<Integer>read(dsl -> dsl.fetchCount(SchemaMigrator.VERSION_TABLE));
        assertThat(rows).isEqualTo(SchemaMigrator.shipped().size());
        assertThat(new JooqModelStore(db).list()).extracting(StoredModel::id).containsExactly(id);
    }

    @Test
    void aNewerSchemaThanTheCodeKnowsIsAClearError() {
        db.transaction(tx -> tx.insertInto(SchemaMigrator.VERSION_TABLE, SchemaMigrator.VERSION,
                SchemaMigrator.DESCRIPTION, SchemaMigrator.CHECKSUM, SchemaMigrator.APPLIED_NS)
                .values(99, "from_the_future", "x", NOW).execute());
        db.close();
        assertThatThrownBy(this::reopen).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("newer than this program understands");
        db = openEmptyWithoutReset();
    }

    /** Opens without resetting (used after a failed open, so that close() has something to close). */
    RelationalDatabase openEmptyWithoutReset() {
        return openEmpty();
    }

    @Test
    void modelsRoundTripAndLatestPicksTheNewest() {
        JooqModelStore store = new JooqModelStore(db);
        StoredModel old = model("lasso", NOW, 0.1);
        StoredModel newer = model("lasso", NOW + 5, 0.2);
        StoredModel other = model("hawkes", NOW + 9, 0.3);
        long a = store.save(old);
        long b = store.save(newer);
        long c = store.save(other);
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
        StoredModel got = store.latest("lasso", "SPY", "5m").orElseThrow();
        assertThat(got.id()).isEqualTo(b);
        assertThat(got.createdNs()).isEqualTo(NOW + 5);
        assertThat(got.trainFromNs()).isEqualTo(newer.trainFromNs());
        assertThat(got.trainToNs()).isEqualTo(newer.trainToNs());
        assertThat(got.parameters()).isEqualTo(newer.parameters());
        assertThat(got.scalerMean()).isEqualTo(newer.scalerMean());
        assertThat(got.scalerScale()).isEqualTo(newer.scalerScale());
        assertThat(got.metrics().get("r2")).isEqualTo(0.2);
        assertThat(got.metrics().get("rmse")).isNaN();
        assertThat(store.latest("lasso", "QQQ", "5m")).isEmpty();
        assertThat(store.list()).extracting(StoredModel::id).containsExactly(a, b, c);
    }

    @Test
    void alertsSinceATimeOldestFirst() {
        JooqAlertStore store = new JooqAlertStore(db);
        store.save(new StoredAlert(0, NOW + 20, "SPY", "path18", "HIGH", "stress path triggered",
                Map.of("vpin", 0.81, "ofi_z", -3.2)));
        store.save(new StoredAlert(0, NOW, "SPY", "vpin", "WATCH", "vpin above 0.6", Map.of("vpin", 0.62)));
        store.save(new StoredAlert(0, NOW + 10, "QQQ", "crash", "ALERT", "it's falling", Map.of()));
        List<StoredAlert> got = store.since(NOW + 5);
        assertThat(got).extracting(StoredAlert::ts).containsExactly(NOW + 10, NOW + 20);
        assertThat(got.get(0).message()).isEqualTo("it's falling");
        assertThat(got.get(1).source()).isEqualTo("path18");
        assertThat(got.get(1).level()).isEqualTo("HIGH");
        assertThat(got.get(1).inputs()).isEqualTo(Map.of("vpin", 0.81, "ofi_z", -3.2));
        assertThat(store.since(0)).hasSize(3);
    }

    @Test
    void aNetworkAndItsEdgesAreWrittenAtomically() {
        JooqNetworkStore store = new JooqNetworkStore(db);
        StoredNetwork n = new StoredNetwork(0, NOW, "SPY_ret", 0.05, Map.of("lags", "5", "bars", "5m"), List.of(
                new StoredNetwork.Edge("ofi_SPY", "SPY_ret", "micro->return", 0.42, 0.001, 2),
                new StoredNetwork.Edge("vpin_SPY", "SPY_ret", "micro->return", -0.1, 0.04, 1)));
        long id = store.save(n);
        List<StoredNetwork> all = store.list();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).id()).isEqualTo(id);
        assertThat(all.get(0).target()).isEqualTo("SPY_ret");
        assertThat(all.get(0).significance()).isEqualTo(0.05);
        assertThat(all.get(0).parameters()).isEqualTo(n.parameters());
        assertThat(all.get(0).edges()).isEqualTo(n.edges());

        // the second edge is bad: the run row inserted before it must be rolled back too
        StoredNetwork bad = new StoredNetwork(0, NOW + 1, "QQQ_ret", 0.05, Map.of(), List.of(
                new StoredNetwork.Edge("ofi_QQQ", "QQQ_ret", "micro->return", 0.3, 0.01, 1),
                new StoredNetwork.Edge("", "QQQ_ret", "micro->return", 0.3, 0.01, 1)));
        assertThatThrownBy(() -> store.save(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("edge source");
        assertThat(store.list()).hasSize(1);
        assertThat((int) db.read(dsl -> dsl.fetchCount(DSL.table(DSL.name("network_edges"))))).isEqualTo(2);
    }

    @Test
    void aBacktestRunAndItsTradesAreWrittenAtomically() {
        JooqBacktestRunStore store = new JooqBacktestRunStore(db);
        List<StoredBacktestRun.Fill> fills = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            fills.add(new StoredBacktestRun.Fill(NOW + i, i % 2 == 0 ? Side.BUY : Side.SELL, 100 + i * 0.01,
                    100, 0.5, i % 2 == 0 ? 0 : 1.0 - 0.5));
        }
        StoredBacktestRun run = new StoredBacktestRun(0, NOW, "lasso-threshold", "SPY", NOW - 100, NOW + 5000,
                Map.of("threshold", "0.0002", "fee_bps", "0.5"), Map.of("sharpe", 1.3, "trades", 2500.0), fills);
        long id = store.save(run);
        StoredBacktestRun got = store.find(id).orElseThrow();
        assertThat(got.strategy()).isEqualTo("lasso-threshold");
        assertThat(got.fromNs()).isEqualTo(NOW - 100);
        assertThat(got.toNs()).isEqualTo(NOW + 5000);
        assertThat(got.parameters()).isEqualTo(run.parameters());
        assertThat(got.metrics()).isEqualTo(run.metrics());
        assertThat(got.trades()).isEqualTo(fills);

        // a bad trade after the first 1000 were inserted: nothing of the run remains
        List<StoredBacktestRun.Fill> badFills = new ArrayList<>(fills);
        badFills.set(1500, new StoredBacktestRun.Fill(NOW, null, 1, 1, 0, 0));
        StoredBacktestRun bad = new StoredBacktestRun(0, NOW + 1, "x", "SPY", 0, 1, Map.of(), Map.of(), badFills);
        assertThatThrownBy(() -> store.save(bad)).hasMessageContaining("trade 1501");
        assertThat(store.list()).extracting(StoredBacktestRun::id).containsExactly(id);
        assertThat((int) db.read(dsl -> dsl.fetchCount(DSL.table(DSL.name("backtest_trades"))))).isEqualTo(2500);
        assertThat(store.find(id + 1000)).isEmpty();
    }
}
