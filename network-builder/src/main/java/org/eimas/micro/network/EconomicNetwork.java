package org.eimas.micro.network;

import java.util.List;

/**
 * One run of the extended economic network: the significant edges, every test that was run, the pairs
 * that could not be tested and why, and the impulse responses (null with {@code irfError} set when the
 * VAR could not be fitted).
 */
public record EconomicNetwork(String target, double significance, boolean benjaminiHochberg, int rows,
                              List<NetworkEdge> edges, List<NetworkEdge> tests, List<String> skipped,
                              ShockResponse irf, String irfError) {
    public EconomicNetwork {
        edges = List.copyOf(edges);
        tests = List.copyOf(tests);
        skipped = List.copyOf(skipped);
    }
}
