package org.eimas.micro.domain.store;

import java.util.List;
import java.util.Map;

/** One economic-network run: its parameters and its edges. */
public record StoredNetwork(long id, long createdNs, String target, double significance,
                            Map<String, String> parameters, List<Edge> edges) {
    public StoredNetwork {
        parameters = Map.copyOf(parameters);
        edges = List.copyOf(edges);
    }

    /** A significant Granger-causal link. */
    public record Edge(String source, String target, String type, double weight, double pValue, int lag) {
    }
}
