package org.eimas.micro.domain.store;

import java.util.Map;

/**
 * A fitted model as stored: what it is, for which symbol and horizon, its parameters as named
 * numbers, the scaler, the training window and metrics. {@code id} is 0 before it is stored.
 */
public record StoredModel(long id, String kind, String symbol, String horizon, long createdNs,
                          long trainFromNs, long trainToNs, Map<String, Double> parameters,
                          Map<String, Double> scalerMean, Map<String, Double> scalerScale,
                          Map<String, Double> metrics) {
    public StoredModel {
        parameters = Map.copyOf(parameters);
        scalerMean = Map.copyOf(scalerMean);
        scalerScale = Map.copyOf(scalerScale);
        metrics = Map.copyOf(metrics);
    }
}
