package org.eimas.micro.application.forecast;

import java.util.Map;
import org.eimas.micro.domain.learning.IntradayForecast;
import org.eimas.micro.domain.learning.IntradayForecaster;
import org.eimas.micro.domain.port.ModelStore;
import org.eimas.micro.domain.store.StoredModel;

/** Forecast of the next-bar return from a live feature vector with the latest stored intraday model. */
public final class PredictIntradayReturnQuery {
    private final ModelStore models;

    public PredictIntradayReturnQuery(ModelStore models) {
        this.models = models;
    }

    public IntradayForecast predict(String symbol, String horizon, Map<String, Double> features, long tsNs) {
        StoredModel stored = models.latest(IntradayForecaster.KIND, symbol, horizon).orElseThrow(() ->
                new IllegalArgumentException("no stored " + IntradayForecaster.KIND + " model for " + symbol + " "
                        + horizon + "; train one first"));
        return IntradayForecaster.fromStored(stored).predict(features, tsNs);
    }
}
