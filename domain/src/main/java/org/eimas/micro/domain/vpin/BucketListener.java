package org.eimas.micro.domain.vpin;

/** Receives each completed volume bucket (primitive arguments: nothing is allocated per bucket). */
@FunctionalInterface
public interface BucketListener {
    /**
     * @param bucket bucket number, from 1
     * @param endTs  ts of the trade (or bar) that completed the bucket
     * @param buy    buy volume in the bucket, in reporting units (shares or dollars)
     * @param sell   sell volume, {@code V - buy}
     * @param vpin   VPIN over the last n buckets ending here, NaN while {@code bucket < n}
     */
    void onBucket(long bucket, long endTs, double buy, double sell, double vpin);
}
