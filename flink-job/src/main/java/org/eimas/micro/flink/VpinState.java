package org.eimas.micro.flink;

import org.eimas.micro.domain.signing.TickRule;
import org.eimas.micro.domain.vpin.CrashDetector;
import org.eimas.micro.domain.vpin.Vpin;

/** The keyed state of one symbol's VPIN: tick rule, volume buckets and crash detector (domain classes). */
public final class VpinState {
    public TickRule tick;
    public Vpin vpin;
    public CrashDetector detector;
    public long lastTs = Long.MIN_VALUE;
    public long trades;
    public long alerts;

    public VpinState() {
    }
}
