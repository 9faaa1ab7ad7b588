package org.eimas.micro.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.eimas.micro.domain.orderflow.OrderFlowImbalance;
import org.eimas.micro.domain.orderflow.WindowedSum;

/**
 * Keyed by symbol: multi-level OFI ({@link OrderFlowImbalance}, Cont, Kukanov and Stoikov 2014 eq. 2;
 * Xu, Gould and Howison 2019 eq. 5) and windowed cumulative level-1 OFI ({@link WindowedSum}), the
 * domain classes themselves held in Flink keyed state ({@link OfiState}), so a checkpoint holds them.
 *
 * <p>Output rows are those of {@code eimas ofi --out}: {@code ts,ofi_1..ofi_N,cum_ofi_1_<W>s...},
 * prefixed with the symbol's row number. As in the CLI, rows with equal {@code ts} get the windowed
 * sum after all of them were added: a row is held until a row with a later ts arrives for its symbol,
 * or until the watermark passes its ts (an event-time timer; end of input for files). When the
 * watermark is already past a row's ts on arrival (a source reader that read another file first),
 * the row is not late for its symbol: its group is emitted by the symbol's next row or at the end.
 */
public final class OfiFunction extends KeyedProcessFunction<String, BookRow, SymbolLine> {
    private static final long serialVersionUID = 1L;

    private final int levels;
    private final long[] windowNanos;
    private transient ValueState<OfiState> state;
    private transient StringBuilder sb;
    private transient org.apache.flink.api.common.accumulators.LongCounter rowsIn;

    public OfiFunction(int levels, long[] windowNanos) {
        this.levels = levels;
        this.windowNanos = windowNanos.clone();
    }

    @Override
    public void open(OpenContext ctx) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("ofi", TypeInformation.of(OfiState.class)));
        sb = new StringBuilder(256);
        rowsIn = getRuntimeContext().getLongCounter(FlinkJobMain.BOOK_ROWS);
    }

    @Override
    public void processElement(BookRow r, Context ctx, Collector<SymbolLine> out) throws Exception {
        rowsIn.add(1);
        OfiState s = state.value();
        if (s == null) {
            s = OfiState.create(levels, windowNanos);
        }
        if (r.levels() < levels) {
            throw new IllegalArgumentException("symbol " + r.symbol + " ts " + r.ts + ": --levels " + levels
                    + " but the book has " + r.levels() + " levels");
        }
        if (r.ts < s.lastTs || (r.ts == s.pendingTs && s.flushedByWatermark)) {
            throw new IllegalArgumentException("symbol " + r.symbol + ": book row at ts " + r.ts + " arrived after "
                    + (r.ts < s.lastTs ? "ts " + s.lastTs : "the watermark had passed its ts")
                    + "; a symbol's rows must come in non-decreasing ts from one file or partition, within the out-of-orderness bound");
        }
        s.ofi.update(r.bidPx, r.bidSz, r.askPx, r.askSz);
        if (r.ts != s.pendingTs) {
            flush(r.symbol, s, out);
            s.pendingTs = r.ts;
            s.flushedByWatermark = false;
            if (r.ts > ctx.timerService().currentWatermark()) {
                ctx.timerService().registerEventTimeTimer(r.ts);
            } else {
                // the watermark is already past this ts: another file read earlier by this source
                // reader pushed it there. A timer now would fire at once on the next watermark, so
                // the group waits for the symbol's next row or the end of input (one timer, deduplicated)
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            }
        }
        s.hold(levels);
        for (WindowedSum w : s.windows) {
            w.add(r.ts, s.ofi.ofi(1));
        }
        s.lastTs = r.ts;
        state.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SymbolLine> out) throws Exception {
        OfiState s = state.value();
        if (s != null && s.pending > 0 && s.pendingTs <= timestamp) {
            flush(ctx.getCurrentKey(), s, out);
            s.flushedByWatermark = true;
            state.update(s);
        }
    }

    private void flush(String symbol, OfiState s, Collector<SymbolLine> out) {
        if (s.pending == 0) {
            return;
        }
        double[] cum = s.cum;
        for (int i = 0; i < s.windows.length; i++) {
            cum[i] = s.windows[i].sum(s.pendingTs);
        }
        for (int r = 0; r < s.pending; r++) {
            sb.setLength(0);
            CsvText.field(sb, ++s.rows);
            CsvText.field(sb, s.pendingTs);
            for (int m = 0; m < levels; m++) {
                CsvText.field(sb, s.pendingE[r * levels + m]);
            }
            for (double c : cum) {
                CsvText.field(sb, c);
            }
            out.collect(new SymbolLine(symbol, s.pendingTs, sb.toString()));
        }
        s.pending = 0;
    }
}
