package org.eimas.micro.application.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.eimas.micro.domain.learning.IntradayForecast;
import org.eimas.micro.domain.market.Bar;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.port.MacroSeriesSource;
import org.eimas.micro.domain.port.ModelStore;
import org.eimas.micro.domain.port.TickStore;
import org.eimas.micro.domain.store.MacroSeries;
import org.eimas.micro.domain.store.StoredModel;
import org.junit.jupiter.api.Test;

class IntradayForecasterUseCaseTest {
    private static final long MIN = 60_000_000_000L;
    private static final long DAY0 = 1_709_596_800_000_000_000L; // 2024-03-05T00:00Z

    /** Feature rows in memory; everything else unsupported. */
    static final class InMemoryTickStore implements TickStore {
        final Map<String, NumericTable> features = new HashMap<>();

        @Override
        public void appendFeatures(String symbol, NumericTable table) {
            features.put(symbol, table);
        }

        @Override
        public NumericTable readFeatures(String symbol, long fromNs, long toNs) {
            NumericTable t = features.get(symbol);
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < t.rows(); r++) {
                if (t.ts(r) >= fromNs && t.ts(r) < toNs) {
                    rows.add(r);
                }
            }
            long[] ts = new long[rows.size()];
            double[][] d = new double[t.columns().size()][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                ts[i] = t.ts(rows.get(i));
                for (int c = 0; c < d.length; c++) {
                    d[c][i] = t.get(rows.get(i), c);
                }
            }
            return new NumericTable(t.columns(), ts, d);
        }

        @Override
        public void appendBooks(List<LobSnapshot> books) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void appendTrades(List<Trade> trades) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void appendQuotes(List<Quote> quotes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void appendOrderEvents(List<OrderEvent> events) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long readTrades(String symbol, long fromNs, long toNs, Consumer<Trade> sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long readQuotes(String symbol, long fromNs, long toNs, Consumer<Quote> sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long readBooks(String symbol, long fromNs, long toNs, Consumer<LobSnapshot> sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Bar> bars(String symbol, long intervalNs, long fromNs, long toNs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    static final class InMemoryModelStore implements ModelStore {
        final List<StoredModel> saved = new ArrayList<>();

        @Override
        public long save(StoredModel m) {
            long id = saved.size() + 1;
            saved.add(new StoredModel(id, m.kind(), m.symbol(), m.horizon(), m.createdNs(), m.trainFromNs(),
                    m.trainToNs(), m.parameters(), m.scalerMean(), m.scalerScale(), m.metrics()));
            return id;
        }

        @Override
        public Optional<StoredModel> latest(String kind, String symbol, String horizon) {
            return saved.stream().filter(m -> m.kind().equals(kind) && m.symbol().equals(symbol)
                    && m.horizon().equals(horizon)).reduce((a, b) -> b);
        }

        @Override
        public List<StoredModel> list() {
            return List.copyOf(saved);
        }
    }

    /**
     * Four days of 1-minute rows 14:30-21:00 UTC: ofi, spread_bps (noise) and mid_price. The mid is constant within a
     * 5-minute bar and the next bar's return is 3·mean(ofi of this bar) - 1·VIX-change + noise bps.
     */
    static NumericTable minuteFeatures(long seed, double noiseBps) {
        Random rnd = new Random(seed);
        List<Long> ts = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            double mid = 100;
            double nextReturn = 0;
            for (int bar = 0; bar < 78; bar++) {
                mid *= 1 + nextReturn * 1e-4;
                double ofiSum = 0;
                for (int m = 0; m < 5; m++) {
                    double ofi = rnd.nextGaussian();
                    ofiSum += ofi;
                    ts.add(DAY0 + day * 86_400_000_000_000L + (870 + bar * 5 + m) * MIN);
                    rows.add(new double[] {ofi, 1 + rnd.nextDouble(), mid});
                }
                nextReturn = 3 * ofiSum / 5 + noiseBps * rnd.nextGaussian();
            }
        }
        long[] t = ts.stream().mapToLong(Long::longValue).toArray();
        double[][] d = new double[3][t.length];
        for (int i = 0; i < t.length; i++) {
            for (int c = 0; c < 3; c++) {
                d[c][i] = rows.get(i)[c];
            }
        }
        return new NumericTable(List.of("ofi", "spread_bps", "mid_price"), t, d);
    }

    static MacroSeriesSource vix() {
        return (id, from, to, asOf) -> {
            List<MacroSeries.Observation> obs = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                obs.add(new MacroSeries.Observation(d, 13 + d.getDayOfMonth() * 0.1, false, d, d));
            }
            return new MacroSeries(id, obs);
        };
    }

    @Test
    void trainsWalkForwardPersistsAndPredictsWithTheStoredModel() {
        InMemoryTickStore ticks = new InMemoryTickStore();
        ticks.appendFeatures("AMZN", minuteFeatures(1, 0.5));
        InMemoryModelStore models = new InMemoryModelStore();
        HorizonConfig cfg = HorizonConfig.parse("""
                horizons:
                  intraday:
                    enabled: true
                    intervals:
                      - name: "5min"
                        seconds: 300
                        min_observations: 200
                """, "test.yaml");
        TrainIntradayForecasterUseCase train = new TrainIntradayForecasterUseCase(ticks, models, vix(), () -> 123L, cfg);
        TrainIntradayForecasterUseCase.Report r = train.train(TrainIntradayForecasterUseCase.Request.of("AMZN", "5min",
                DAY0, DAY0 + 5 * 86_400_000_000_000L, List.of("VIXCLS")));

        // 4 days × 78 bars, the last bar of each day has no next bar
        assertThat(r.rows()).isEqualTo(4 * 77);
        assertThat(r.walkForwardFolds()).isEqualTo(5);
        assertThat(r.walkForward().n()).isEqualTo(5 * (308 / 6));
        assertThat(r.selected()).containsKey("ofi");
        assertThat(r.walkForward().r2()).isGreaterThan(0.8);
        assertThat(r.r2().status()).isEqualTo(r.r2().measured() >= 0.65 ? "PASS" : "FAIL");
        assertThat(r.directionAccuracy().pass()).isEqualTo(r.directionAccuracy().measured() >= 0.60);

        StoredModel s = models.saved.get(0);
        assertThat(s.kind()).isEqualTo("intraday_lasso");
        assertThat(s.createdNs()).isEqualTo(123L);
        assertThat(s.trainFromNs()).isEqualTo(DAY0 + 870 * MIN);
        assertThat(s.scalerMean()).containsOnlyKeys("ofi", "spread_bps", "VIXCLS");
        assertThat(s.metrics().get("r2")).isEqualTo(r.walkForward().r2());
        assertThat(s.parameters().get("alpha")).isEqualTo(r.alpha());

        // prediction by hand from the stored numbers
        Map<String, Double> live = Map.of("ofi", 0.8, "spread_bps", 1.4, "VIXCLS", 13.9);
        double expected = s.parameters().get("intercept");
        for (String f : live.keySet()) {
            expected += s.parameters().get("coef:" + f) * (live.get(f) - s.scalerMean().get(f)) / s.scalerScale().get(f);
        }
        IntradayForecast f = new PredictIntradayReturnQuery(models).predict("AMZN", "5min", live, 999L);
        assertThat(f.predictedReturnBps()).isCloseTo(expected, within(1e-9));
        assertThat(f.predictedReturnBps()).isCloseTo(3 * 0.8, within(0.5));
        assertThat(f.direction()).isEqualTo(IntradayForecast.Direction.UP);
        assertThat(f.confidence()).isCloseTo(Math.min(Math.abs(expected) / 10, 1), within(1e-12));
    }

    @Test
    void refusesTooFewRowsAndUnknownHorizonsAndModels() {
        InMemoryTickStore ticks = new InMemoryTickStore();
        ticks.appendFeatures("AMZN", minuteFeatures(2, 1));
        InMemoryModelStore models = new InMemoryModelStore();
        TrainIntradayForecasterUseCase train = new TrainIntradayForecasterUseCase(ticks, models, null, () -> 0L,
                HorizonConfig.seedDefaults());
        // 5min needs 500 rows; four days give 308
        assertThatThrownBy(() -> train.train(TrainIntradayForecasterUseCase.Request.of("AMZN", "5min", DAY0,
                DAY0 + 5 * 86_400_000_000_000L, List.of()))).hasMessageContaining("fewer than min_observations 500");
        assertThatThrownBy(() -> train.train(TrainIntradayForecasterUseCase.Request.of("AMZN", "2min", DAY0,
                DAY0 + 1, List.of()))).hasMessageContaining("no intraday horizon '2min'");
        assertThatThrownBy(() -> new PredictIntradayReturnQuery(models).predict("AMZN", "5min", Map.of(), 0))
                .hasMessageContaining("no stored intraday_lasso model for AMZN 5min");
    }

    @Test
    void readsTheSeedsHorizonYaml() {
        HorizonConfig c = HorizonConfig.parse("""
                horizons:
                  VeryShort:
                    max_days: 30
                    min_observations: 50
                  intraday:
                    enabled: true
                    intervals:
                      - name: "1min"
                        seconds: 60
                        min_observations: 1000
                      - name: "5min"
                        seconds: 300
                        min_observations: 500
                      - name: "15min"
                        seconds: 900
                        min_observations: 200
                    use_time_to_event: true
                """, "horizon_config.yaml");
        assertThat(c).isEqualTo(HorizonConfig.seedDefaults());
        assertThatThrownBy(() -> HorizonConfig.parse("horizons:\n  intraday:\n    intervals:\n      - name: x\n", "bad.yaml"))
                .hasMessageContaining("bad.yaml: horizons.intraday.intervals[0] needs name");
    }
}
