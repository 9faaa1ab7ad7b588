package org.eimas.micro.flink;

import java.io.Serializable;
import org.eimas.micro.domain.vpin.CrashDetector;

/** The VPIN and crash-detector parameters, as {@code eimas vpin} takes them. */
public final class VpinParams implements Serializable {
    private static final long serialVersionUID = 1L;
    final long bucketUnits;
    final int buckets;
    final boolean dollar;
    final CrashDetector.Basis basis;
    final int history;
    final int minHistory;
    final int trend;

    public VpinParams(long bucketUnits, int buckets, boolean dollar, CrashDetector.Basis basis, int history, int minHistory, int trend) {
        this.bucketUnits = bucketUnits;
        this.buckets = buckets;
        this.dollar = dollar;
        this.basis = basis;
        this.history = history;
        this.minHistory = minHistory;
        this.trend = trend;
    }
}
