package org.eimas.micro.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.eimas.micro.domain.features.MicrostructureFeatures;
import org.eimas.micro.domain.paths.CascadeTrigger;
import org.eimas.micro.domain.paths.LiquidityCascadePath;
import org.eimas.micro.domain.paths.MicrostructureStressPath;
import org.eimas.micro.domain.paths.StressTrigger;

/**
 * Keyed by symbol, books and trades together: rolling microstructure features
 * ({@link MicrostructureFeatures}, the design guide's section 5.2) sampled every step on the epoch
 * grid, and optionally critical paths 18 ({@link MicrostructureStressPath}) and 12
 * ({@link LiquidityCascadePath}), the domain classes held in keyed state. The rows are those of
 * {@code eimas features --book --trades [--paths]}, prefixed with the symbol's row number.
 *
 * <p>Merge order, as in the CLI: the trades with {@code ts <= } a book's ts before that book, each
 * input in its own order. The two inputs are merged per symbol from their own progress, not from
 * the watermark (a source reader that read another file first may have pushed the watermark past
 * this symbol's rows): a book is taken once a later trade of the symbol has arrived, a trade once a
 * book at or after it has arrived, and everything at the end of input. Limitation on live input: a
 * symbol that stops trading holds its later books (and sampling steps) until its next trade.
 */
public final class FeaturesFunction extends KeyedCoProcessFunction<String, BookRow, TradeRow, SymbolLine> {
    private static final long serialVersionUID = 1L;

    private final long windowNs;
    private final long stepNs;
    private final long vpinBucketShares;
    private final int vpinBuckets;
    private final boolean paths;
    private transient ValueState<FeaturesState> state;
    private transient double[] values;
    private transient StringBuilder sb;

    public FeaturesFunction(long windowNs, long stepNs, long vpinBucketShares, int vpinBuckets, boolean paths) {
        this.windowNs = windowNs;
        this.stepNs = stepNs;
        this.vpinBucketShares = vpinBucketShares;
        this.vpinBuckets = vpinBuckets;
        this.paths = paths;
    }

    @Override
    public void open(OpenContext ctx) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("features", TypeInformation.of(FeaturesState.class)));
        values = new double[MicrostructureFeatures.NAMES.length];
        sb = new StringBuilder(256);
    }

    private FeaturesState state(Context ctx) throws Exception {
        FeaturesState s = state.value();
        if (s == null) {
            s = new FeaturesState();
        }
        if (!s.timerSet) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE); // end of input
            s.timerSet = true;
        }
        return s;
    }

    @Override
    public void processElement1(BookRow b, Context ctx, Collector<SymbolLine> out) throws Exception {
        FeaturesState s = state(ctx);
        if (b.ts < s.maxBookTs) {
            throw new IllegalArgumentException("symbol " + b.symbol + ": book at ts " + b.ts + " after ts " + s.maxBookTs);
        }
        if (s.features == null) {
            s.features = new MicrostructureFeatures(windowNs, vpinBucketShares, vpinBuckets, b.levels());
            if (paths) {
                s.path18 = new MicrostructureStressPath();
                s.path12 = new LiquidityCascadePath();
            }
        }
        s.maxBookTs = b.ts;
        s.books.addLast(b);
        drain(ctx.getCurrentKey(), s, false, out);
        state.update(s);
    }

    @Override
    public void processElement2(TradeRow t, Context ctx, Collector<SymbolLine> out) throws Exception {
        FeaturesState s = state(ctx);
        if (t.ts < s.maxTradeTs) {
            throw new IllegalArgumentException("symbol " + t.symbol + ": trade at ts " + t.ts + " after ts " + s.maxTradeTs);
        }
        s.maxTradeTs = t.ts;
        s.trades.addLast(t);
        drain(ctx.getCurrentKey(), s, false, out);
        state.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SymbolLine> out) throws Exception {
        FeaturesState s = state.value();
        if (s == null) {
            return;
        }
        if (timestamp == Long.MAX_VALUE) {
            drain(ctx.getCurrentKey(), s, true, out);
            if (s.features != null && s.lastTs != Long.MIN_VALUE) {
                samplesBefore(ctx.getCurrentKey(), s, s.lastTs + 1, out); // the steps up to and including the last event's ts
            }
            state.update(s);
        }
    }

    /** Merges what can be merged; {@code end}: both inputs are over. */
    private void drain(String symbol, FeaturesState s, boolean end, Collector<SymbolLine> out) {
        while (true) {
            BookRow b = s.books.peekFirst();
            TradeRow t = s.trades.peekFirst();
            if (t != null && (b != null ? t.ts <= b.ts : (end || s.maxBookTs >= t.ts))) {
                s.trades.pollFirst();
                if (s.features != null) {
                    samplesBefore(symbol, s, t.ts, out);
                    s.features.onTrade(t.ts, t.price, t.size);
                    s.lastTs = Math.max(s.lastTs, t.ts);
                }
            } else if (b != null && (t != null || end || s.maxTradeTs > b.ts)) {
                s.books.pollFirst();
                samplesBefore(symbol, s, b.ts, out);
                s.features.onBook(b.ts, b.levels(), b.bidPx, b.bidSz, b.askPx, b.askSz);
                s.lastTs = Math.max(s.lastTs, b.ts);
            } else {
                return;
            }
        }
    }

    /** Emits every sampling step strictly before ts. */
    private void samplesBefore(String symbol, FeaturesState s, long ts, Collector<SymbolLine> out) {
        if (s.nextSample == Long.MIN_VALUE) {
            s.nextSample = Math.floorDiv(ts + stepNs - 1, stepNs) * stepNs; // first step at or after the first event
        }
        while (s.nextSample < ts) {
            emit(symbol, s, s.nextSample, out);
            s.nextSample += stepNs;
        }
    }

    private void emit(String symbol, FeaturesState s, long t, Collector<SymbolLine> out) {
        s.features.sample(t, values);
        sb.setLength(0);
        CsvText.field(sb, ++s.rows);
        CsvText.field(sb, t);
        for (double v : values) {
            CsvText.field(sb, v);
        }
        if (paths) {
            double spread = s.features.spread();
            double depth = s.features.topDepth5();
            if (Double.isFinite(spread) && Double.isFinite(depth)) {
                StressTrigger st = s.path18.update(t, values[MicrostructureFeatures.F_VPIN], values[MicrostructureFeatures.F_OFI], spread);
                CascadeTrigger ct = s.path12.update(t, st, s.path18.lastSpreadZ(), 2.0, depth);
                CsvText.field(sb, st == null ? "NONE" : st.severity().name());
                CsvText.field(sb, ct == null ? "NONE" : "CRITICAL");
            } else {
                CsvText.field(sb, "NONE");
                CsvText.field(sb, "NONE");
            }
        }
        out.collect(new SymbolLine(symbol, t, sb.toString()));
    }
}
