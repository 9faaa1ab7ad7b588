package org.eimas.micro.flink;

import java.util.ArrayDeque;
import org.eimas.micro.domain.features.MicrostructureFeatures;
import org.eimas.micro.domain.paths.LiquidityCascadePath;
import org.eimas.micro.domain.paths.MicrostructureStressPath;

/**
 * The keyed state of one symbol's features: the domain models ({@link MicrostructureFeatures},
 * critical paths 18 and 12) and the rows of either input not yet merged into time order.
 */
public final class FeaturesState {
    public MicrostructureFeatures features;
    public MicrostructureStressPath path18;
    public LiquidityCascadePath path12;
    public ArrayDeque<BookRow> books = new ArrayDeque<>();
    public ArrayDeque<TradeRow> trades = new ArrayDeque<>();
    public long maxBookTs = Long.MIN_VALUE;
    public long maxTradeTs = Long.MIN_VALUE;
    public long nextSample = Long.MIN_VALUE;
    public long lastTs = Long.MIN_VALUE;
    public long rows;
    public boolean timerSet;

    public FeaturesState() {
    }
}
