package org.eimas.micro.storage;

import static org.eimas.micro.storage.RelationalSchema.ALERTS;
import static org.eimas.micro.storage.RelationalSchema.ALERT_LEVEL;
import static org.eimas.micro.storage.RelationalSchema.ALERT_SOURCE;
import static org.eimas.micro.storage.RelationalSchema.ID;
import static org.eimas.micro.storage.RelationalSchema.INPUTS_JSON;
import static org.eimas.micro.storage.RelationalSchema.MESSAGE;
import static org.eimas.micro.storage.RelationalSchema.SYMBOL;
import static org.eimas.micro.storage.RelationalSchema.TS_NS;

import java.util.List;
import org.eimas.micro.domain.port.AlertStore;
import org.eimas.micro.domain.store.StoredAlert;
import org.jooq.Record;

/**
 * {@link AlertStore} in the {@code alerts} table: crash-detector levels and critical-path (18/12)
 * triggers with the inputs that fired them (JSON).
 */
public final class JooqAlertStore implements AlertStore {
    private final RelationalDatabase db;

    public JooqAlertStore(RelationalDatabase db) {
        this.db = db;
    }

    @Override
    public long save(StoredAlert a) {
        JooqModelStore.requireText("symbol", a.symbol());
        JooqModelStore.requireText("source", a.source());
        JooqModelStore.requireText("level", a.level());
        return db.transaction(tx -> tx.insertInto(ALERTS)
                .set(TS_NS, a.ts()).set(SYMBOL, a.symbol()).set(ALERT_SOURCE, a.source())
                .set(ALERT_LEVEL, a.level()).set(MESSAGE, a.message() == null ? "" : a.message())
                .set(INPUTS_JSON, RelationalDatabase.toJson(a.inputs()))
                .returningResult(ID).fetchOne().value1());
    }

    @Override
    public List<StoredAlert> since(long sinceNs) {
        return db.read(dsl -> dsl.select(ID, TS_NS, SYMBOL, ALERT_SOURCE, ALERT_LEVEL, MESSAGE, INPUTS_JSON).from(ALERTS).where(TS_NS.ge(sinceNs)).orderBy(TS_NS, ID)
                .fetch(JooqAlertStore::map));
    }

    private static StoredAlert map(Record r) {
        return new StoredAlert(r.get(ID), r.get(TS_NS), r.get(SYMBOL), r.get(ALERT_SOURCE), r.get(ALERT_LEVEL),
                r.get(MESSAGE), RelationalDatabase.doubles(r.get(INPUTS_JSON)));
    }
}
