package org.eimas.micro.storage;

import static org.eimas.micro.storage.RelationalSchema.CREATED_NS;
import static org.eimas.micro.storage.RelationalSchema.HORIZON;
import static org.eimas.micro.storage.RelationalSchema.ID;
import static org.eimas.micro.storage.RelationalSchema.KIND;
import static org.eimas.micro.storage.RelationalSchema.METRICS_JSON;
import static org.eimas.micro.storage.RelationalSchema.MODELS;
import static org.eimas.micro.storage.RelationalSchema.PARAMETERS_JSON;
import static org.eimas.micro.storage.RelationalSchema.SCALER_MEAN_JSON;
import static org.eimas.micro.storage.RelationalSchema.SCALER_SCALE_JSON;
import static org.eimas.micro.storage.RelationalSchema.SYMBOL;
import static org.eimas.micro.storage.RelationalSchema.TRAIN_FROM_NS;
import static org.eimas.micro.storage.RelationalSchema.TRAIN_TO_NS;

import java.util.List;
import java.util.Optional;
import org.eimas.micro.domain.port.ModelStore;
import org.eimas.micro.domain.store.StoredModel;
import org.jooq.Record;

/** {@link ModelStore} in the relational store's {@code models} table (maps as JSON via Jackson). */
public final class JooqModelStore implements ModelStore {
    private static final org.jooq.SelectField<?>[] COLUMNS = {ID, KIND, SYMBOL, HORIZON, CREATED_NS, TRAIN_FROM_NS,
            TRAIN_TO_NS, PARAMETERS_JSON, SCALER_MEAN_JSON, SCALER_SCALE_JSON, METRICS_JSON};

    private final RelationalDatabase db;

    public JooqModelStore(RelationalDatabase db) {
        this.db = db;
    }

    @Override
    public long save(StoredModel m) {
        requireText("kind", m.kind());
        requireText("symbol", m.symbol());
        requireText("horizon", m.horizon());
        return db.transaction(tx -> tx.insertInto(MODELS)
                .set(KIND, m.kind()).set(SYMBOL, m.symbol()).set(HORIZON, m.horizon())
                .set(CREATED_NS, m.createdNs()).set(TRAIN_FROM_NS, m.trainFromNs()).set(TRAIN_TO_NS, m.trainToNs())
                .set(PARAMETERS_JSON, RelationalDatabase.toJson(m.parameters()))
                .set(SCALER_MEAN_JSON, RelationalDatabase.toJson(m.scalerMean()))
                .set(SCALER_SCALE_JSON, RelationalDatabase.toJson(m.scalerScale()))
                .set(METRICS_JSON, RelationalDatabase.toJson(m.metrics()))
                .returningResult(ID).fetchOne().value1());
    }

    /** The newest (by created time, then id) model of that kind, symbol and horizon. */
    @Override
    public Optional<StoredModel> latest(String kind, String symbol, String horizon) {
        return db.read(dsl -> dsl.select(COLUMNS).from(MODELS)
                .where(KIND.eq(kind)).and(SYMBOL.eq(symbol)).and(HORIZON.eq(horizon))
                .orderBy(CREATED_NS.desc(), ID.desc()).limit(1)
                .fetchOptional().map(JooqModelStore::map));
    }

    /** All models, oldest first. */
    @Override
    public List<StoredModel> list() {
        return db.read(dsl -> dsl.select(COLUMNS).from(MODELS).orderBy(CREATED_NS, ID).fetch(JooqModelStore::map));
    }

    private static StoredModel map(Record r) {
        return new StoredModel(r.get(ID), r.get(KIND), r.get(SYMBOL), r.get(HORIZON), r.get(CREATED_NS),
                r.get(TRAIN_FROM_NS), r.get(TRAIN_TO_NS), RelationalDatabase.doubles(r.get(PARAMETERS_JSON)),
                RelationalDatabase.doubles(r.get(SCALER_MEAN_JSON)), RelationalDatabase.doubles(r.get(SCALER_SCALE_JSON)),
                RelationalDatabase.doubles(r.get(METRICS_JSON)));
    }

    static void requireText(String field, String v) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
    }
}
