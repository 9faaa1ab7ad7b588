package org.eimas.micro.flink;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time in this job is the rows' {@code ts}, epoch nanoseconds (Flink's timestamps are plain
 * longs; no window operator here assumes milliseconds). Watermark = largest ts seen minus the
 * out-of-orderness bound minus 1 ns, emitted periodically (Flink's auto-watermark interval).
 */
final class NanosWatermarks {
    private NanosWatermarks() {
    }

    static <T> WatermarkStrategy<T> boundedOutOfOrderness(long boundNanos, TsOf<T> ts) {
        return WatermarkStrategy.<T>forGenerator(c -> new Generator<>(boundNanos))
                .withTimestampAssigner((row, previous) -> ts.ts(row));
    }

    /** The ts of a row (serializable). */
    interface TsOf<T> extends java.io.Serializable {
        long ts(T row);
    }

    private static final class Generator<T> implements WatermarkGenerator<T> {
        private final long bound;
        private long max;

        Generator(long bound) {
            this.bound = bound;
            this.max = Long.MIN_VALUE + bound + 1;
        }

        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
            if (eventTimestamp > max) {
                max = eventTimestamp;
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.emitWatermark(new Watermark(max - bound - 1));
        }
    }
}
