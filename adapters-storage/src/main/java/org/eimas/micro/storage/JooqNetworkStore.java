package org.eimas.micro.storage;

import static org.eimas.micro.storage.RelationalSchema.CREATED_NS;
import static org.eimas.micro.storage.RelationalSchema.EDGE_NO;
import static org.eimas.micro.storage.RelationalSchema.EDGE_TYPE;
import static org.eimas.micro.storage.RelationalSchema.ID;
import static org.eimas.micro.storage.RelationalSchema.LAG_ORDER;
import static org.eimas.micro.storage.RelationalSchema.NETWORKS;
import static org.eimas.micro.storage.RelationalSchema.NETWORK_EDGES;
import static org.eimas.micro.storage.RelationalSchema.NETWORK_ID;
import static org.eimas.micro.storage.RelationalSchema.PARAMETERS_JSON;
import static org.eimas.micro.storage.RelationalSchema.P_VALUE;
import static org.eimas.micro.storage.RelationalSchema.SIGNIFICANCE;
import static org.eimas.micro.storage.RelationalSchema.SOURCE_NODE;
import static org.eimas.micro.storage.RelationalSchema.TARGET_NAME;
import static org.eimas.micro.storage.RelationalSchema.TARGET_NODE;
import static org.eimas.micro.storage.RelationalSchema.WEIGHT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eimas.micro.domain.port.NetworkStore;
import org.eimas.micro.domain.store.StoredNetwork;
import org.jooq.Record;

/** {@link NetworkStore}: a run in {@code networks} and its edges in {@code network_edges}, in one transaction. */
public final class JooqNetworkStore implements NetworkStore {
    private final RelationalDatabase db;

    public JooqNetworkStore(RelationalDatabase db) {
        this.db = db;
    }

    @Override
    public long save(StoredNetwork n) {
        JooqModelStore.requireText("target", n.target());
        return db.transaction(tx -> {
            long id = tx.insertInto(NETWORKS)
                    .set(CREATED_NS, n.createdNs()).set(TARGET_NAME, n.target()).set(SIGNIFICANCE, n.significance())
                    .set(PARAMETERS_JSON, RelationalDatabase.toJson(n.parameters()))
                    .returningResult(ID).fetchOne().value1();
            var insert = tx.insertInto(NETWORK_EDGES, NETWORK_ID, EDGE_NO, SOURCE_NODE, TARGET_NODE, EDGE_TYPE, WEIGHT,
                    P_VALUE, LAG_ORDER);
            int k = 0;
            for (StoredNetwork.Edge e : n.edges()) {
                JooqModelStore.requireText("edge source", e.source());
                JooqModelStore.requireText("edge target", e.target());
                insert = insert.values(id, k++, e.source(), e.target(), e.type() == null ? "" : e.type(), e.weight(),
                        e.pValue(), e.lag());
            }
            if (k > 0) {
                insert.execute();
            }
            return id;
        });
    }

    /** All runs with their edges, oldest first. */
    @Override
    public List<StoredNetwork> list() {
        return db.read(dsl -> {
            Map<Long, List<StoredNetwork.Edge>> edges = new HashMap<>();
            dsl.select(NETWORK_ID, EDGE_NO, SOURCE_NODE, TARGET_NODE, EDGE_TYPE, WEIGHT, P_VALUE, LAG_ORDER)
                    .from(NETWORK_EDGES).orderBy(NETWORK_ID, EDGE_NO).fetch().forEach(r ->
                    edges.computeIfAbsent(r.get(NETWORK_ID), k -> new ArrayList<>()).add(new StoredNetwork.Edge(
                            r.get(SOURCE_NODE), r.get(TARGET_NODE), r.get(EDGE_TYPE), r.get(WEIGHT), r.get(P_VALUE),
                            r.get(LAG_ORDER))));
            return dsl.select(ID, CREATED_NS, TARGET_NAME, SIGNIFICANCE, PARAMETERS_JSON).from(NETWORKS).orderBy(CREATED_NS, ID).fetch(r -> map(r, edges));
        });
    }

    private static StoredNetwork map(Record r, Map<Long, List<StoredNetwork.Edge>> edges) {
        long id = r.get(ID);
        return new StoredNetwork(id, r.get(CREATED_NS), r.get(TARGET_NAME), r.get(SIGNIFICANCE),
                RelationalDatabase.strings(r.get(PARAMETERS_JSON)), edges.getOrDefault(id, List.of()));
    }
}
