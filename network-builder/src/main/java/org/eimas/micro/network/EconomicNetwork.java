package org.eimas.micro.network;

import java.util.List;

/**
 * One run of the extended economic network: the significant edges, every test that was run, the pairs
 * that could not be tested and why, and the impulse responses (null with {@code irfError} set when the
 * VAR could not be fitted). {@code macroFrequency} is "bar" when the {@code macro_to_micro} tests ran
 * on the merged bars (lags in bars), "day" when on the daily panel (lags in days, {@code macroRows} rows).
 */
public record EconomicNetwork(String target, double significance, boolean benjaminiHochberg, int rows,
                              List<NetworkEdge> edges, List<NetworkEdge> tests, List<String> skipped,
                              ShockResponse irf, String irfError, String macroFrequency, int macroRows) {
    public EconomicNetwork {
        edges = List.copyOf(edges);
        tests = List.copyOf(tests);
        skipped = List.copyOf(skipped);
    }
}
