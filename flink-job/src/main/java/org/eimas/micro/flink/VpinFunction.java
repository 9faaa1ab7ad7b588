package org.eimas.micro.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.eimas.micro.domain.signing.TickRule;
import org.eimas.micro.domain.vpin.BucketListener;
import org.eimas.micro.domain.vpin.CrashAlert;
import org.eimas.micro.domain.vpin.CrashDetector;
import org.eimas.micro.domain.vpin.Vpin;
import org.eimas.micro.domain.vpin.VolumeUnits;

/**
 * Keyed by symbol: trade signing by the tick rule ({@link TickRule}, Lee and Ready 1991), volume
 * buckets and VPIN ({@link Vpin}, Easley, López de Prado and O'Hara 2012 eq. 9/10) and its crash
 * levels ({@link CrashDetector}), the domain classes themselves held in keyed state.
 *
 * <p>Main output: the rows of {@code eimas vpin --out} ({@code bucket,end_ts,buy,sell,vpin}),
 * prefixed with the symbol's row number (which equals the bucket number). Side output
 * {@link #ALERTS}: one row per alert raised, {@code row,ts,vpin,cdf,level,action,trend}.
 */
public final class VpinFunction extends KeyedProcessFunction<String, TradeRow, SymbolLine> {
    private static final long serialVersionUID = 1L;
    public static final OutputTag<SymbolLine> ALERTS = new OutputTag<>("vpin-alerts", TypeInformation.of(SymbolLine.class));

    private final VpinParams p;
    private transient ValueState<VpinState> state;
    private transient StringBuilder sb;
    // per call: where the bucket listener writes (set before each Vpin call; no allocation per trade)
    private transient Collector<SymbolLine> out;
    private transient Context ctx;
    private transient VpinState current;
    private transient String symbol;
    private transient BucketListener listener;
    private transient org.apache.flink.api.common.accumulators.LongCounter rowsIn;

    public VpinFunction(VpinParams p) {
        this.p = p;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("vpin", TypeInformation.of(VpinState.class)));
        sb = new StringBuilder(128);
        listener = this::onBucket;
        rowsIn = getRuntimeContext().getLongCounter(FlinkJobMain.TRADE_ROWS);
    }

    @Override
    public void processElement(TradeRow t, Context ctx, Collector<SymbolLine> out) throws Exception {
        rowsIn.add(1);
        VpinState s = state.value();
        if (s == null) {
            s = new VpinState();
            s.tick = new TickRule();
            s.vpin = new Vpin(p.bucketUnits, p.buckets, VolumeUnits.perReported(p.dollar));
            s.detector = new CrashDetector(p.basis, p.history, p.minHistory, p.trend, 0);
        }
        if (t.ts < s.lastTs) {
            throw new IllegalArgumentException("symbol " + t.symbol + ": trade at ts " + t.ts + " arrived after ts " + s.lastTs
                    + "; a symbol's trades must come in non-decreasing ts from one file or partition");
        }
        this.out = out;
        this.ctx = ctx;
        this.current = s;
        this.symbol = t.symbol;
        int sign = s.tick.sign(t.price);
        s.vpin.addSigned(t.ts, VolumeUnits.of(t.price, t.size, p.dollar), sign, listener);
        s.lastTs = t.ts;
        s.trades++;
        state.update(s);
    }

    private void onBucket(long bucket, long endTs, double buy, double sell, double vpin) {
        sb.setLength(0);
        CsvText.field(sb, bucket);
        CsvText.field(sb, bucket);
        CsvText.field(sb, endTs);
        CsvText.field(sb, buy);
        CsvText.field(sb, sell);
        CsvText.field(sb, vpin);
        out.collect(new SymbolLine(symbol, endTs, sb.toString()));
        if (!Double.isNaN(vpin)) {
            CrashAlert a = current.detector.update(endTs, vpin);
            if (a != null) {
                sb.setLength(0);
                CsvText.field(sb, ++current.alerts);
                CsvText.field(sb, a.ts());
                CsvText.field(sb, a.vpin());
                CsvText.field(sb, a.cdf());
                CsvText.field(sb, a.level().name());
                CsvText.field(sb, a.action());
                CsvText.field(sb, a.trend().name());
                ctx.output(ALERTS, new SymbolLine(symbol, a.ts(), sb.toString()));
            }
        }
    }
}
