package org.eimas.micro.application.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eimas.micro.application.monitor.MonitorListener;
import org.eimas.micro.application.monitor.MonitorSettings;
import org.eimas.micro.application.monitor.MonitorUpdate;
import org.eimas.micro.application.monitor.RealtimeMonitor;
import org.eimas.micro.application.network.BuildEconomicNetwork;
import org.eimas.micro.domain.backtest.BacktestResult;
import org.eimas.micro.domain.backtest.Backtester;
import org.eimas.micro.domain.backtest.DeflatedSharpe;
import org.eimas.micro.domain.hawkes.HawkesFit;
import org.eimas.micro.domain.hawkes.HawkesIntensity;
import org.eimas.micro.domain.hawkes.HawkesMle;
import org.eimas.micro.domain.learning.ForecastMetrics;
import org.eimas.micro.domain.learning.LassoCvModel;
import org.eimas.micro.domain.learning.LassoModel;
import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.market.LobSnapshot;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.market.OrderEvent;
import org.eimas.micro.domain.market.Quote;
import org.eimas.micro.domain.market.Side;
import org.eimas.micro.domain.market.Trade;
import org.eimas.micro.domain.orderflow.OfiFit;
import org.eimas.micro.domain.orderflow.OfiRegression;
import org.eimas.micro.domain.orderflow.OrderFlowImbalance;
import org.eimas.micro.domain.port.AlertStore;
import org.eimas.micro.domain.port.BacktestRunStore;
import org.eimas.micro.application.backtest.BacktestRuns;
import org.eimas.micro.domain.port.MarketDataFeed;
import org.eimas.micro.domain.port.MarketDataListener;
import org.eimas.micro.domain.port.ModelStore;
import org.eimas.micro.domain.port.NetworkStore;
import org.eimas.micro.domain.port.Subscription;
import org.eimas.micro.domain.port.TickStore;
import org.eimas.micro.domain.port.TimeSource;
import org.eimas.micro.domain.signing.TickRule;
import org.eimas.micro.domain.store.StoredAlert;
import org.eimas.micro.domain.store.StoredModel;
import org.eimas.micro.domain.strategy.ForecastSignStrategy;
import org.eimas.micro.domain.strategy.OfiVpinStrategy;
import org.eimas.micro.domain.strategy.TargetCheck;
import org.eimas.micro.domain.strategy.WalkForward;
import org.eimas.micro.network.EconomicNetworkBuilder;
import org.eimas.micro.network.MicroMacroMerge;

/**
 * The demo use case: one simulated trading day through the whole platform. Stages: the feed's events
 * go through the realtime monitor (one-minute feature rows, VPIN alerts) and into the tick store; then
 * OFI regression, Hawkes MLE, the walk-forward LASSO forecaster, both strategies backtested with their
 * deflated Sharpe ratios, the micro-macro network, and the seed's targets as measured PASS/FAIL.
 * Every evaluation is out of sample: forecasts and strategy thresholds only use past rows.
 */
public final class DemoPipeline {
    /** Feature columns of the one-minute table (the target is computed from {@code mid}). */
    public static final List<String> FEATURES = List.of("ofi", "cum_ofi", "spread_bps", "depth_imbalance_5",
            "trade_imbalance", "volume", "vpin", "hawkes_buy", "hawkes_sell", "mid_return_bps");

    /** Demo settings; see {@link #defaults(List, LocalDate, long)}. */
    public record Options(List<String> symbols, LocalDate day, long seed, long vpinBucketShares, double costBps,
                          int trainBars, int testBars, double tick) {
        public static Options defaults(List<String> symbols, LocalDate day, long seed) {
            return new Options(symbols, day, seed, 25_000, 2.0, 120, 30, 0.01);
        }
    }

    /** Progress of the stages, for the CLI. */
    public interface Progress {
        void stage(String name, String detail);
    }

    private final MarketDataFeed feed;
    private final TickStore ticks;
    private final AlertStore alertStore;
    private final ModelStore models;
    private final NetworkStore networks;
    private final BacktestRunStore runs;
    private final TimeSource time;

    /** Any store may be null: the demo then computes without persisting there. */
    public DemoPipeline(MarketDataFeed feed, TickStore ticks, AlertStore alertStore, ModelStore models,
                        NetworkStore networks, BacktestRunStore runs, TimeSource time) {
        this.runs = runs;
        this.feed = feed;
        this.ticks = ticks;
        this.alertStore = alertStore;
        this.models = models;
        this.networks = networks;
        this.time = time;
    }

    public DemoResult run(Options o, NumericTable macro, Progress progress) throws InterruptedException {
        Map<String, Double> stageSeconds = new LinkedHashMap<>();
        Map<String, Long> storedIds = new LinkedHashMap<>();
        long t0 = time.nowNanos();

        // 1. the day through the monitor and into the tick store
        progress.stage("simulate", "synthetic market for " + o.symbols() + " on " + o.day() + ", seed " + o.seed());
        MonitorSettings settings = MonitorSettings.defaults().withUpdateNanos(60_000_000_000L)
                .withVpinBucketShares(o.vpinBucketShares()).withListenerQueue(1 << 16);
        RealtimeMonitor monitor = new RealtimeMonitor(settings, alertStore, null);
        Map<String, List<MonitorUpdate>> rows = new ConcurrentHashMap<>();
        List<StoredAlert> alerts = Collections.synchronizedList(new ArrayList<>());
        monitor.addListener(new MonitorListener() {
            @Override
            public void onUpdate(MonitorUpdate u) {
                rows.computeIfAbsent(u.symbol(), k -> Collections.synchronizedList(new ArrayList<>())).add(u);
            }

            @Override
            public void onAlert(StoredAlert a) {
                alerts.add(a);
            }
        });
        Tee tee = new Tee(monitor, ticks, o.symbols(), o.tick());
        Subscription sub = feed.subscribe(o.symbols(), tee);
        if (!tee.done.await(30, TimeUnit.MINUTES)) {
            sub.close();
            throw new IllegalStateException("the feed did not finish within 30 minutes");
        }
        sub.close();
        if (tee.failure.get() != null) {
            throw new IllegalStateException("the feed failed: " + tee.failure.get());
        }
        tee.flush();
        monitor.flush();
        monitor.drain(60_000);
        monitor.close();
        long t1 = time.nowNanos();
        stageSeconds.put("simulate_monitor_ingest", (t1 - t0) / 1e9);
        double ingestRate = tee.storedRows() / Math.max(1e-9, (t1 - t0) / 1e9);
        progress.stage("ingest", tee.storedRows() + " rows into the tick store, " + alerts.size() + " alerts (VPIN levels, paths 18/12)");

        // 2. per-symbol models
        Map<String, DemoResult.SymbolResult> per = new LinkedHashMap<>();
        List<TargetCheck> targets = new ArrayList<>();
        for (String s : o.symbols()) {
            List<MonitorUpdate> list = new ArrayList<>(rows.getOrDefault(s, List.of()));
            list.sort((a, b) -> Long.compare(a.ts(), b.ts()));
            progress.stage("models " + s, list.size() + " one-minute bars");
            DemoResult.SymbolResult r = symbolModels(s, list, tee, o, storedIds);
            per.put(s, r);
        }
        long t2 = time.nowNanos();
        stageSeconds.put("models_backtests", (t2 - t1) / 1e9);

        // 3. network on the first symbol's 5-minute bars with the daily macro set
        String first = o.symbols().get(0);
        progress.stage("network", "Granger edges and VPIN shock responses for " + first);
        BuildEconomicNetwork.Run net = network(first, per.get(first).features(), macro, storedIds);
        long t3 = time.nowNanos();
        stageSeconds.put("network", (t3 - t2) / 1e9);

        DemoResult.SymbolResult f = per.get(first);
        targets.addAll(TargetCheck.seedTargets(f.ofiVpin().result().sharpe(), f.ofiVpin().result().winRate(),
                f.ofiVpin().result().maxDrawdown(), f.forecast5m().r2(), f.ofiDirectionAccuracy()));
        Map<String, Long> stored = new LinkedHashMap<>();
        stored.put("books", tee.storedBooks);
        stored.put("trades", tee.storedTrades);
        stored.put("quotes", tee.storedQuotes);
        stored.put("order_events", tee.storedEvents);
        return new DemoResult(o.symbols(), o.day().toString(), o.seed(), tee.counts(), stored, ingestRate, per, net,
                List.copyOf(alerts), targets, stageSeconds, storedIds);
    }

    private DemoResult.SymbolResult symbolModels(String s, List<MonitorUpdate> list, Tee tee, Options o,
                                                 Map<String, Long> storedIds) {
        int n = list.size();
        if (n < o.trainBars() + 10) {
            throw new IllegalStateException(s + ": only " + n + " one-minute bars; the demo needs more than "
                    + (o.trainBars() + 10));
        }
        long[] ts = new long[n];
        double[][] cols = new double[FEATURES.size() + 1][n];
        for (int i = 0; i < n; i++) {
            MonitorUpdate u = list.get(i);
            ts[i] = u.ts();
            cols[0][i] = u.mid();
            for (int j = 0; j < FEATURES.size(); j++) {
                Double v = u.features().get(FEATURES.get(j));
                cols[j + 1][i] = v == null ? Double.NaN : v;
            }
        }
        List<String> names = new ArrayList<>();
        names.add("mid");
        names.addAll(FEATURES);
        NumericTable table = new NumericTable(names, ts, cols);
        double[] mid = cols[0];
        // realised next-bar return, the forecasting target
        double[] next = new double[n];
        for (int i = 0; i < n; i++) {
            next[i] = i + 1 < n ? (mid[i + 1] / mid[i] - 1) * 1e4 : Double.NaN;
        }
        // design matrix: features of bar i (missing -> 0 before the first VPIN / mid return)
        double[][] x = new double[FEATURES.size()][n]; // column-major, as the learning package expects
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FEATURES.size(); j++) {
                double v = cols[j + 1][i];
                x[j][i] = Double.isFinite(v) ? v : 0.0;
            }
        }
        int usable = n - 1; // the last bar has no target
        double[] forecast = WalkForward.predict(usable, o.trainBars(), o.testBars(), split -> {
            LassoModel m = LassoCvModel.fit(FEATURES, x, next, split.trainFrom(), split.trainTo(), 5).model();
            return m.predict(x, split.testFrom(), split.testTo());
        });
        forecast = Arrays.copyOf(forecast, n);
        forecast[n - 1] = Double.NaN;
        ForecastMetrics m1 = metrics(next, forecast, o.trainBars(), usable);

        // 5-minute bars: sum flows, last levels; walk-forward on them
        ForecastMetrics m5 = fiveMinute(table, o);

        // OFI direction: sign of this bar's OFI vs the next bar's return (out of sample by construction)
        int agree = 0;
        int total = 0;
        int contemporaneous = 0;
        int ctotal = 0;
        double[] ofi = cols[1];
        for (int i = 1; i < usable; i++) {
            if (ofi[i] != 0 && next[i] != 0) {
                total++;
                if (Math.signum(ofi[i]) == Math.signum(next[i])) {
                    agree++;
                }
            }
            double dp = mid[i] - mid[i - 1];
            if (ofi[i] != 0 && dp != 0) {
                ctotal++;
                if (Math.signum(ofi[i]) == Math.signum(dp)) {
                    contemporaneous++;
                }
            }
        }
        double ofiDir = total == 0 ? Double.NaN : (double) agree / total;
        double ofiAgree = ctotal == 0 ? Double.NaN : (double) contemporaneous / ctotal;

        // final model on all rows, stored
        LassoCvModel.Result finalFit = LassoCvModel.fit(FEATURES, x, next, 0, usable, 5);
        Map<String, Double> selected = new LinkedHashMap<>();
        finalFit.model().coefficientsOriginal().forEach((k, v) -> {
            if (v != 0) {
                selected.put(k, v);
            }
        });
        if (models != null) {
            Map<String, Double> params = new LinkedHashMap<>(finalFit.model().coefficients());
            params.put("intercept", finalFit.model().intercept());
            params.put("alpha", finalFit.model().alpha());
            Map<String, Double> mean = new LinkedHashMap<>();
            Map<String, Double> scale = new LinkedHashMap<>();
            for (int j = 0; j < FEATURES.size(); j++) {
                mean.put(FEATURES.get(j), finalFit.model().scaler().mean(j));
                scale.put(FEATURES.get(j), finalFit.model().scaler().scale(j));
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("oos_r2_1m", m1.r2());
            metrics.put("oos_rmse_1m", m1.rmse());
            metrics.put("oos_direction_accuracy_1m", m1.directionAccuracy());
            metrics.put("oos_r2_5m", m5.r2());
            long id = models.save(new StoredModel(0, "lasso_intraday", s, "1min", time.nowNanos(), ts[0], ts[usable - 1],
                    params, mean, scale, metrics));
            storedIds.put("model_" + s, id);
        }

        // Hawkes on buyer-initiated trade arrivals
        double[] buys = tee.buyTimes(s);
        HawkesFit hawkes = null;
        double[] intensity = new double[n];
        Arrays.fill(intensity, Double.NaN);
        if (buys.length > 50) {
            double horizon = (ts[n - 1] - tee.origin(s)) / 1e9;
            double[] ev = buys;
            int cut = ev.length;
            while (cut > 0 && ev[cut - 1] >= horizon) {
                cut--;
            }
            ev = Arrays.copyOf(ev, cut);
            hawkes = HawkesMle.fitUnchecked(ev, horizon);
            double[] at = new double[n];
            for (int i = 0; i < n; i++) {
                at[i] = (ts[i] - tee.origin(s)) / 1e9;
            }
            intensity = HawkesIntensity.intensities(hawkes.parameters(), ev, at);
        }

        // strategies, thresholds from trailing data only
        double[] vpin = cols[7];
        double[] closes = mid.clone();
        double[] kGrid = {0.5, 1.0, 1.5};
        DemoResult.Strategy bestOfi = null;
        double[] sharpes = new double[kGrid.length];
        List<DemoResult.Strategy> tried = new ArrayList<>();
        for (int g = 0; g < kGrid.length; g++) {
            double[] pos = new double[n];
            for (int i = o.trainBars(); i < n; i++) {
                double sd = trailingSd(ofi, i - o.trainBars(), i);
                OfiVpinStrategy st = new OfiVpinStrategy(kGrid[g] * sd, 0.6, 0.8);
                pos[i] = st.position(ofi[i], Double.isNaN(vpin[i]) ? 0.0 : vpin[i]);
            }
            BacktestResult br = Backtester.run(closes, pos, o.costBps(), Backtester.MINUTE_BARS_PER_YEAR);
            sharpes[g] = br.meanReturn() / br.sdReturn();
            tried.add(new DemoResult.Strategy("ofi_vpin", "OFI threshold " + kGrid[g]
                    + " x trailing sd(OFI), VPIN safe 0.6, danger 0.8", kGrid.length, pos, br, Double.NaN));
        }
        int best = 0;
        for (int g = 1; g < kGrid.length; g++) {
            if (Double.isNaN(sharpes[best]) || sharpes[g] > sharpes[best]) {
                best = g;
            }
        }
        double varSr = variance(sharpes);
        DemoResult.Strategy chosen = tried.get(best);
        bestOfi = new DemoResult.Strategy(chosen.name(), chosen.configuration(), kGrid.length, chosen.positions(),
                chosen.result(), DeflatedSharpe.deflatedSharpe(chosen.result().netReturns(), kGrid.length, varSr));

        ForecastSignStrategy fs = new ForecastSignStrategy(o.costBps(), 1.0);
        double[] fpos = fs.positions(forecast);
        BacktestResult fr = Backtester.run(closes, fpos, o.costBps(), Backtester.MINUTE_BARS_PER_YEAR);
        DemoResult.Strategy fstrat = new DemoResult.Strategy("forecast_sign", "trade the sign of the walk-forward"
                + " LASSO forecast when |forecast| > 2 x cost (" + fs.thresholdBps() + " bps)", 1, fpos, fr,
                DeflatedSharpe.deflatedSharpe(fr.netReturns(), 1, 0));

        if (runs != null) {
            for (DemoResult.Strategy st : List.of(bestOfi, fstrat)) {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("configuration", st.configuration());
                params.put("configurations_tried", Integer.toString(st.configurationsTried()));
                params.put("cost_bps", Double.toString(o.costBps()));
                params.put("deflated_sharpe", Double.toString(st.deflatedSharpe()));
                params.put("evaluation", "walk-forward: train " + o.trainBars() + " bars, test " + o.testBars());
                long id = runs.save(BacktestRuns.toStored(time.nowNanos(), st.name(), s, ts, params, st.result()));
                storedIds.put("run_" + st.name() + "_" + s, id);
            }
        }
        OfiFit ofiFit = tee.ofiFit(s);
        return new DemoResult.SymbolResult(table, ofiFit, hawkes, intensity, forecast, next, m1, m5, ofiDir, ofiAgree,
                selected, bestOfi, fstrat);
    }

    private ForecastMetrics fiveMinute(NumericTable oneMinute, Options o) {
        long bar = 300_000_000_000L;
        int n = oneMinute.rows();
        List<double[]> rows = new ArrayList<>();
        double[] mid = oneMinute.column("mid");
        int fcount = FEATURES.size();
        double[] acc = null;
        long current = Long.MIN_VALUE;
        double lastMid = Double.NaN;
        List<Double> mids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long b = Math.floorDiv(oneMinute.ts(i) - 1, bar);
            if (b != current) {
                if (acc != null) {
                    rows.add(acc);
                    mids.add(lastMid);
                }
                acc = new double[fcount];
                current = b;
            }
            for (int j = 0; j < fcount; j++) {
                double v = oneMinute.get(i, j + 1);
                v = Double.isFinite(v) ? v : 0.0;
                String name = FEATURES.get(j);
                boolean flow = name.equals("ofi") || name.equals("volume") || name.equals("mid_return_bps");
                acc[j] = flow ? acc[j] + v : v;
            }
            lastMid = mid[i];
        }
        if (acc != null) {
            rows.add(acc);
            mids.add(lastMid);
        }
        int m = rows.size();
        double[][] x = new double[fcount][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < fcount; j++) {
                x[j][i] = rows.get(i)[j];
            }
        }
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = i + 1 < m ? (mids.get(i + 1) / mids.get(i) - 1) * 1e4 : Double.NaN;
        }
        int train = Math.max(30, o.trainBars() / 5);
        int test = Math.max(3, o.testBars() / 5);
        if (m - 1 <= train + 3) {
            return new ForecastMetrics(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] f = WalkForward.predict(m - 1, train, test, split ->
                LassoCvModel.fit(FEATURES, x, y, split.trainFrom(), split.trainTo(), 5).model()
                        .predict(x, split.testFrom(), split.testTo()));
        return metrics(y, f, train, m - 1);
    }

    private static ForecastMetrics metrics(double[] y, double[] f, int from, int to) {
        return ForecastMetrics.of(Arrays.copyOfRange(y, from, to), Arrays.copyOfRange(f, from, to));
    }

    private static double trailingSd(double[] v, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += v[i];
        }
        mean /= (to - from);
        double ss = 0;
        for (int i = from; i < to; i++) {
            ss += (v[i] - mean) * (v[i] - mean);
        }
        return Math.sqrt(ss / (to - from - 1));
    }

    private static double variance(double[] v) {
        double mean = 0;
        int k = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                mean += x;
                k++;
            }
        }
        if (k < 2) {
            return 0;
        }
        mean /= k;
        double ss = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                ss += (x - mean) * (x - mean);
            }
        }
        return ss / (k - 1);
    }

    private BuildEconomicNetwork.Run network(String symbol, NumericTable oneMinute, NumericTable macro,
                                             Map<String, Long> storedIds) {
        String target = "ret_" + symbol.toLowerCase(java.util.Locale.ROOT) + "_5min";
        List<String> cols = List.of("ofi", "vpin", "spread_bps", "depth_imbalance_5", "trade_imbalance", "hawkes_buy",
                "hawkes_sell", target);
        int n = oneMinute.rows();
        double[][] data = new double[cols.size()][n];
        double[] mid = oneMinute.column("mid");
        long[] ts = new long[n];
        for (int i = 0; i < n; i++) {
            // micro rows are stamped at the start of their minute so that 5-minute bars align
            ts[i] = oneMinute.ts(i) - 60_000_000_000L;
            for (int c = 0; c < cols.size() - 1; c++) {
                data[c][i] = oneMinute.get(i, oneMinute.indexOf(cols.get(c)));
            }
            data[cols.size() - 1][i] = i == 0 ? Double.NaN : (mid[i] / mid[i - 1] - 1) * 1e4;
        }
        NumericTable micro = new NumericTable(cols, ts, data);
        EconomicNetworkBuilder.Spec spec = EconomicNetworkBuilder.Spec.defaults(target)
                .withIrf("vpin", List.of(target, "spread_bps"), 2, 12);
        BuildEconomicNetwork.Run run = new BuildEconomicNetwork(networks, time).run(micro, macro,
                MicroMacroMerge.Options.defaults(), spec);
        run.storedId().ifPresent(id -> storedIds.put("network", id));
        return run;
    }

    /** A small synthetic daily macro set (VIX level and change, 10-year yield) for the days before {@code day}. */
    public static NumericTable syntheticMacro(LocalDate day, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        int days = 30;
        long[] ts = new long[days];
        double[][] v = new double[3][days];
        double vix = 14;
        double y10 = 4.3;
        for (int i = 0; i < days; i++) {
            LocalDate d = day.minusDays(days - i);
            ts[i] = d.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
            double dv = 0.6 * r.nextGaussian();
            vix = Math.max(9, vix + dv);
            y10 += 0.04 * r.nextGaussian();
            v[0][i] = vix;
            v[1][i] = dv;
            v[2][i] = y10;
        }
        return new NumericTable(List.of("VIX", "d_VIX", "DGS10"), ts, v);
    }

    /** Forwards events to the monitor, batches them into the tick store, and keeps what later stages need. */
    private static final class Tee implements MarketDataListener {
        private static final int BATCH = 50_000;
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicReference<String> failure = new AtomicReference<>();
        private final RealtimeMonitor monitor;
        private final TickStore store;
        private final double tick;
        private final List<LobSnapshot> books = new ArrayList<>();
        private final List<Trade> trades = new ArrayList<>();
        private final List<OrderEvent> events = new ArrayList<>();
        private final List<Quote> quotes = new ArrayList<>();
        private final Map<String, SymbolState> state = new LinkedHashMap<>();
        long storedBooks;
        long storedTrades;
        long storedEvents;
        long storedQuotes;
        private long nBooks;
        private long nTrades;
        private long nQuotes;
        private long nEvents;

        Tee(RealtimeMonitor monitor, TickStore store, List<String> symbols, double tick) {
            this.monitor = monitor;
            this.store = store;
            this.tick = tick;
            for (String s : symbols) {
                state.put(s, new SymbolState(tick));
            }
        }

        private static final class SymbolState {
            final OrderFlowImbalance ofi = new OrderFlowImbalance(1);
            final OfiRegression regression;
            final TickRule tickRule = new TickRule();
            final double[] bp = new double[1];
            final double[] bs = new double[1];
            final double[] ap = new double[1];
            final double[] as = new double[1];
            double[] buyTimes = new double[1 << 14];
            int buys;
            long origin = Long.MIN_VALUE;

            SymbolState(double tick) {
                regression = new OfiRegression(60_000_000_000L, tick);
            }
        }

        @Override
        public void onBook(LobSnapshot b) {
            monitor.onBook(b);
            SymbolState s = state.get(b.symbol());
            if (s != null) {
                s.bp[0] = b.bidPrice(1);
                s.bs[0] = b.bidSize(1);
                s.ap[0] = b.askPrice(1);
                s.as[0] = b.askSize(1);
                double e1 = s.ofi.update(s.bp, s.bs, s.ap, s.as);
                s.regression.update(b.ts(), e1, b.bestBid(), b.bestAsk());
                if (s.origin == Long.MIN_VALUE) {
                    s.origin = b.ts();
                }
            }
            nBooks++;
            if (store != null) {
                books.add(b);
                if (books.size() >= BATCH) {
                    store.appendBooks(books);
                    storedBooks += books.size();
                    books.clear();
                }
            }
        }

        @Override
        public void onQuote(Quote q) {
            monitor.onQuote(q);
            nQuotes++;
            if (store != null) {
                quotes.add(q);
                if (quotes.size() >= BATCH) {
                    store.appendQuotes(quotes);
                    storedQuotes += quotes.size();
                    quotes.clear();
                }
            }
        }

        @Override
        public void onTrade(Trade t) {
            monitor.onTrade(t);
            SymbolState s = state.get(t.symbol());
            if (s != null) {
                if (s.origin == Long.MIN_VALUE) {
                    s.origin = t.ts();
                }
                int sign = t.aggressor() == Side.UNKNOWN ? s.tickRule.sign(t.price()) : t.aggressor().sign();
                if (sign > 0) {
                    if (s.buys == s.buyTimes.length) {
                        s.buyTimes = Arrays.copyOf(s.buyTimes, s.buys * 2);
                    }
                    s.buyTimes[s.buys++] = (t.ts() - s.origin) / 1e9;
                }
            }
            nTrades++;
            if (store != null) {
                trades.add(t);
                if (trades.size() >= BATCH) {
                    store.appendTrades(trades);
                    storedTrades += trades.size();
                    trades.clear();
                }
            }
        }

        @Override
        public void onOrderEvent(OrderEvent e) {
            nEvents++;
            if (store != null) {
                events.add(e);
                if (events.size() >= BATCH) {
                    store.appendOrderEvents(events);
                    storedEvents += events.size();
                    events.clear();
                }
            }
        }

        @Override
        public void onStatus(ConnectionStatus status, String detail) {
            monitor.onStatus(status, detail);
            if (status == ConnectionStatus.FAILED) {
                failure.set(detail);
                done.countDown();
            } else if (status == ConnectionStatus.CLOSED) {
                done.countDown();
            }
        }

        void flush() {
            if (store == null) {
                return;
            }
            if (!books.isEmpty()) {
                store.appendBooks(books);
                storedBooks += books.size();
                books.clear();
            }
            if (!trades.isEmpty()) {
                store.appendTrades(trades);
                storedTrades += trades.size();
                trades.clear();
            }
            if (!quotes.isEmpty()) {
                store.appendQuotes(quotes);
                storedQuotes += quotes.size();
                quotes.clear();
            }
            if (!events.isEmpty()) {
                store.appendOrderEvents(events);
                storedEvents += events.size();
                events.clear();
            }
        }

        long storedRows() {
            return storedBooks + storedTrades + storedEvents + storedQuotes;
        }

        Map<String, Long> counts() {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("books", nBooks);
            m.put("quotes", nQuotes);
            m.put("trades", nTrades);
            m.put("order_events", nEvents);
            return m;
        }

        double[] buyTimes(String symbol) {
            SymbolState s = state.get(symbol);
            return s == null ? new double[0] : Arrays.copyOf(s.buyTimes, s.buys);
        }

        long origin(String symbol) {
            return state.get(symbol).origin;
        }

        OfiFit ofiFit(String symbol) {
            return state.get(symbol).regression.fit();
        }
    }
}
