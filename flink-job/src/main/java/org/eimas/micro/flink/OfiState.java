package org.eimas.micro.flink;

import java.util.Arrays;
import org.eimas.micro.domain.orderflow.OrderFlowImbalance;
import org.eimas.micro.domain.orderflow.WindowedSum;

/**
 * The keyed state of one symbol's OFI: the domain models themselves plus the rows held back until
 * their ts is complete. A Flink POJO; the domain classes inside are serialized by Flink's generic
 * (Kryo) serializer at checkpoints only (the heap state backend keeps the objects as they are).
 */
public final class OfiState {
    public OrderFlowImbalance ofi;
    public WindowedSum[] windows;
    public double[] cum;
    public long pendingTs = Long.MIN_VALUE;
    public int pending;
    public double[] pendingE;
    public long lastTs = Long.MIN_VALUE;
    public boolean flushedByWatermark;
    public long rows;

    public OfiState() {
    }

    static OfiState create(int levels, long[] windowNanos) {
        OfiState s = new OfiState();
        s.ofi = new OrderFlowImbalance(levels);
        s.windows = new WindowedSum[windowNanos.length];
        for (int i = 0; i < windowNanos.length; i++) {
            s.windows[i] = new WindowedSum(windowNanos[i]);
        }
        s.cum = new double[windowNanos.length];
        s.pendingE = new double[4 * levels];
        return s;
    }

    /** Holds the per-level OFI of the snapshot just taken. */
    void hold(int levels) {
        if ((pending + 1) * levels > pendingE.length) {
            pendingE = Arrays.copyOf(pendingE, pendingE.length * 2);
        }
        for (int m = 0; m < levels; m++) {
            pendingE[pending * levels + m] = ofi.ofi(m + 1);
        }
        pending++;
    }
}
