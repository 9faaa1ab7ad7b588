package org.eimas.micro.domain.learning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eimas.micro.domain.store.StoredModel;

/**
 * The fitted intraday forecaster (seed section 10.2, {@code IntradayLASSOForecaster}): a StandardScaler + LASSO
 * model for one symbol and horizon, convertible to and from a {@link StoredModel} (kind {@value #KIND}; parameters
 * {@code intercept}, {@code alpha} and {@code coef:<feature>}; the scaler by feature name; the metrics as given).
 * Unlike the seed, a feature missing from a live vector is an error, not silently 0.
 */
public final class IntradayForecaster {
    public static final String KIND = "intraday_lasso";
    private static final String COEF = "coef:";

    private final String symbol;
    private final String horizon;
    private final LassoModel model;

    public IntradayForecaster(String symbol, String horizon, LassoModel model) {
        this.symbol = symbol;
        this.horizon = horizon;
        this.model = model;
    }

    public String symbol() {
        return symbol;
    }

    public String horizon() {
        return horizon;
    }

    public LassoModel model() {
        return model;
    }

    /** Forecast from a live feature vector (raw values by name) at {@code tsNs}. */
    public IntradayForecast predict(Map<String, Double> features, long tsNs) {
        List<String> names = model.features();
        double[] row = new double[names.size()];
        for (int j = 0; j < row.length; j++) {
            Double v = features.get(names.get(j));
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("feature '" + names.get(j) + "' is " + (v == null ? "missing" : v)
                        + " in the live vector; the " + horizon + " model of " + symbol + " needs " + names);
            }
            row[j] = v;
        }
        return IntradayForecast.of(symbol, horizon, tsNs, model.predict(row));
    }

    public StoredModel toStored(long createdNs, long trainFromNs, long trainToNs, Map<String, Double> metrics) {
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("intercept", model.intercept());
        params.put("alpha", model.alpha());
        Map<String, Double> mean = new LinkedHashMap<>();
        Map<String, Double> scale = new LinkedHashMap<>();
        List<String> names = model.features();
        for (int j = 0; j < names.size(); j++) {
            params.put(COEF + names.get(j), model.fit().coefficient(j));
            mean.put(names.get(j), model.scaler().mean(j));
            scale.put(names.get(j), model.scaler().scale(j));
        }
        return new StoredModel(0, KIND, symbol, horizon, createdNs, trainFromNs, trainToNs, params, mean, scale, metrics);
    }

    public static IntradayForecaster fromStored(StoredModel s) {
        if (!KIND.equals(s.kind())) {
            throw new IllegalArgumentException("stored model " + s.id() + " is a '" + s.kind() + "', not " + KIND);
        }
        List<String> names = s.scalerMean().keySet().stream().sorted().toList();
        double[] mean = new double[names.size()];
        double[] scale = new double[names.size()];
        double[] coef = new double[names.size()];
        for (int j = 0; j < names.size(); j++) {
            String n = names.get(j);
            Double sc = s.scalerScale().get(n);
            Double w = s.parameters().get(COEF + n);
            if (sc == null || w == null) {
                throw new IllegalArgumentException("stored model " + s.id() + " lacks the scale or coefficient of '" + n + "'");
            }
            mean[j] = s.scalerMean().get(n);
            scale[j] = sc;
            coef[j] = w;
        }
        Double b = s.parameters().get("intercept");
        Double a = s.parameters().get("alpha");
        if (b == null || a == null) {
            throw new IllegalArgumentException("stored model " + s.id() + " lacks intercept or alpha");
        }
        LassoFit fit = new LassoFit(a, b, coef, Double.NaN, Double.NaN, 0, true);
        return new IntradayForecaster(s.symbol(), s.horizon(), new LassoModel(names, StandardScaler.of(mean, scale), fit));
    }
}
