package org.eimas.micro.domain.store;

import java.util.Map;

/**
 * An alert as stored: source (e.g. "vpin", "path18", "path12"), level, symbol, the time it fired,
 * a message, and the inputs that triggered it.
 */
public record StoredAlert(long id, long ts, String symbol, String source, String level, String message,
                          Map<String, Double> inputs) {
    public StoredAlert {
        inputs = Map.copyOf(inputs);
    }
}
