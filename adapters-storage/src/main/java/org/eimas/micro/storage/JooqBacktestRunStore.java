package org.eimas.micro.storage;

import static org.eimas.micro.storage.RelationalSchema.BACKTEST_RUNS;
import static org.eimas.micro.storage.RelationalSchema.BACKTEST_TRADES;
import static org.eimas.micro.storage.RelationalSchema.CREATED_NS;
import static org.eimas.micro.storage.RelationalSchema.FEE;
import static org.eimas.micro.storage.RelationalSchema.FROM_NS;
import static org.eimas.micro.storage.RelationalSchema.ID;
import static org.eimas.micro.storage.RelationalSchema.METRICS_JSON;
import static org.eimas.micro.storage.RelationalSchema.PARAMETERS_JSON;
import static org.eimas.micro.storage.RelationalSchema.PNL;
import static org.eimas.micro.storage.RelationalSchema.PRICE;
import static org.eimas.micro.storage.RelationalSchema.QUANTITY;
import static org.eimas.micro.storage.RelationalSchema.RUN_ID;
import static org.eimas.micro.storage.RelationalSchema.SIDE;
import static org.eimas.micro.storage.RelationalSchema.STRATEGY;
import static org.eimas.micro.storage.RelationalSchema.SYMBOL;
import static org.eimas.micro.storage.RelationalSchema.TO_NS;
import static org.eimas.micro.storage.RelationalSchema.TRADE_NO;
import static org.eimas.micro.storage.RelationalSchema.TS_NS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.port.BacktestRunStore;
import org.eimas.micro.domain.store.StoredBacktestRun;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** {@link BacktestRunStore}: a run in {@code backtest_runs} and its trades in {@code backtest_trades}, atomically. */
public final class JooqBacktestRunStore implements BacktestRunStore {
    private final RelationalDatabase db;

    public JooqBacktestRunStore(RelationalDatabase db) {
        this.db = db;
    }

    @Override
    public long save(StoredBacktestRun run) {
        JooqModelStore.requireText("strategy", run.strategy());
        JooqModelStore.requireText("symbol", run.symbol());
        return db.transaction(tx -> {
            long id = tx.insertInto(BACKTEST_RUNS)
                    .set(CREATED_NS, run.createdNs()).set(STRATEGY, run.strategy()).set(SYMBOL, run.symbol())
                    .set(FROM_NS, run.fromNs()).set(TO_NS, run.toNs())
                    .set(PARAMETERS_JSON, RelationalDatabase.toJson(run.parameters()))
                    .set(METRICS_JSON, RelationalDatabase.toJson(run.metrics()))
                    .returningResult(ID).fetchOne().value1();
            List<StoredBacktestRun.Fill> fills = run.trades();
            for (int from = 0; from < fills.size(); from += 1000) {
                var insert = tx.insertInto(BACKTEST_TRADES, RUN_ID, TRADE_NO, TS_NS, SIDE, PRICE, QUANTITY, FEE, PNL);
                for (int k = from; k < Math.min(fills.size(), from + 1000); k++) {
                    StoredBacktestRun.Fill f = fills.get(k);
                    if (f.side() == null) {
                        throw new IllegalArgumentException("backtest trade " + (k + 1) + " has no side");
                    }
                    insert = insert.values(id, k, f.ts(), f.side().name(), f.price(), f.quantity(), f.fee(), f.pnl());
                }
                insert.execute();
            }
            return id;
        });
    }

    @Override
    public Optional<StoredBacktestRun> find(long id) {
        List<StoredBacktestRun> runs = db.read(dsl -> fetch(dsl, ID.eq(id)));
        return runs.stream().findFirst();
    }

    @Override
    public List<StoredBacktestRun> list() {
        return db.read(dsl -> fetch(dsl, DSL.trueCondition()));
    }

    private static List<StoredBacktestRun> fetch(DSLContext dsl, Condition runCondition) {
        List<? extends Record> runs = dsl.select(ID, CREATED_NS, STRATEGY, SYMBOL, FROM_NS, TO_NS, PARAMETERS_JSON,
                METRICS_JSON).from(BACKTEST_RUNS).where(runCondition).orderBy(CREATED_NS, ID).fetch();
        Map<Long, List<StoredBacktestRun.Fill>> fills = new HashMap<>();
        for (Record r : runs) {
            fills.put(r.get(ID), new ArrayList<>());
        }
        if (!runs.isEmpty()) {
            dsl.select(RUN_ID, TRADE_NO, TS_NS, SIDE, PRICE, QUANTITY, FEE, PNL).from(BACKTEST_TRADES).where(RUN_ID.in(fills.keySet())).orderBy(RUN_ID, TRADE_NO).fetch()
                    .forEach(t -> fills.get(t.get(RUN_ID)).add(new StoredBacktestRun.Fill(t.get(TS_NS),
                            Side.valueOf(t.get(SIDE)), t.get(PRICE), t.get(QUANTITY), t.get(FEE), t.get(PNL))));
        }
        List<StoredBacktestRun> out = new ArrayList<>(runs.size());
        for (Record r : runs) {
            long id = r.get(ID);
            out.add(new StoredBacktestRun(id, r.get(CREATED_NS), r.get(STRATEGY), r.get(SYMBOL), r.get(FROM_NS),
                    r.get(TO_NS), RelationalDatabase.strings(r.get(PARAMETERS_JSON)),
                    RelationalDatabase.doubles(r.get(METRICS_JSON)), fills.get(id)));
        }
        return out;
    }
}
