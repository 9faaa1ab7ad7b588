package org.eimas.micro.application.monitor;

import org.eimas.micro.domain.hawkes.HawkesParameters;
import org.eimas.micro.domain.hawkes.OrderFlowHawkes;

/**
 * Settings of the realtime monitor.
 *
 * @param updateNanos        event-time spacing of updates per symbol (default 5 s)
 * @param ofiWindowNanos     trailing window of the cumulative OFI (default 60 s)
 * @param ofiThreshold       |OFI| above which the OFI signal is BUY/SELL
 * @param vpinBucketShares   VPIN bucket size V in shares
 * @param vpinBuckets        n, buckets per VPIN value (default 50)
 * @param hawkes             parameters of the buy/sell trade-arrival Hawkes intensities
 * @param listenerQueue      capacity of each listener's queue before the oldest updates are dropped
 */
public record MonitorSettings(long updateNanos, long ofiWindowNanos, double ofiThreshold, long vpinBucketShares,
                              int vpinBuckets, HawkesParameters hawkes, int listenerQueue) {
    public MonitorSettings {
        if (updateNanos <= 0 || ofiWindowNanos <= 0 || vpinBucketShares <= 0 || vpinBuckets <= 0 || listenerQueue <= 0) {
            throw new IllegalArgumentException("monitor settings must be positive: update " + updateNanos
                    + " ns, ofi window " + ofiWindowNanos + " ns, bucket " + vpinBucketShares + ", n " + vpinBuckets
                    + ", queue " + listenerQueue);
        }
    }

    public static MonitorSettings defaults() {
        return new MonitorSettings(5_000_000_000L, 60_000_000_000L, 1000, 20_000, 50, OrderFlowHawkes.SEED_DEFAULT, 1024);
    }

    public MonitorSettings withVpinBucketShares(long shares) {
        return new MonitorSettings(updateNanos, ofiWindowNanos, ofiThreshold, shares, vpinBuckets, hawkes, listenerQueue);
    }

    public MonitorSettings withUpdateNanos(long nanos) {
        return new MonitorSettings(nanos, ofiWindowNanos, ofiThreshold, vpinBucketShares, vpinBuckets, hawkes, listenerQueue);
    }

    public MonitorSettings withListenerQueue(int capacity) {
        return new MonitorSettings(updateNanos, ofiWindowNanos, ofiThreshold, vpinBucketShares, vpinBuckets, hawkes, capacity);
    }
}
