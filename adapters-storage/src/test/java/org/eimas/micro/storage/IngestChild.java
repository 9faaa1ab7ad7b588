package org.eimas.micro.storage;

import java.nio.file.Path;

/**
 * A child JVM for the crash and lock tests (not a test itself).
 * <ul>
 *   <li>{@code ingest DIR ROWS BATCH PAUSE_MS}: appends the deterministic trades of {@link #price}
 *       etc. in batches of BATCH, printing {@code committed N} after each commit and pausing
 *       PAUSE_MS in the middle of every batch, so that a SIGKILL lands mid-batch.</li>
 *   <li>{@code hold DIR}: opens the store, prints {@code ready} and waits to be killed.</li>
 * </ul>
 */
public final class IngestChild {
    static final long T0 = 1_772_492_400_000_000_000L;

    private IngestChild() {
    }

    /** Row i: two rows share each timestamp, so seq 0 and 1 both occur. */
    static long ts(long i) {
        return T0 + (i / 2) * 1_000_000L;
    }

    static String symbol(long i) {
        return "KILL";
    }

    static double price(long i) {
        return 100 + (i % 1000) * 0.01;
    }

    static double size(long i) {
        return 1 + i % 7;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("hold")) {
            try (QuestDbTickStore store = QuestDbTickStore.open(dir)) {
                System.out.println("ready");
                System.out.flush();
                Thread.sleep(120_000);
            }
            return;
        }
        long rows = Long.parseLong(args[2]);
        int batch = Integer.parseInt(args[3]);
        long pause = Long.parseLong(args[4]);
        try (QuestDbTickStore store = QuestDbTickStore.open(dir);
             TickAppender a = store.openAppender(TickAppender.Kind.TRADES, batch)) {
            long reported = 0;
            for (long i = 0; i < rows; i++) {
                a.trade(ts(i), symbol(i), price(i), size(i), Double.NaN, Double.NaN, 0);
                if (a.committedRows() != reported) {
                    reported = a.committedRows();
                    System.out.println("committed " + reported);
                    System.out.flush();
                }
                if (pause > 0 && i % batch == batch / 2) {
                    Thread.sleep(pause);
                }
            }
            a.finish();
            System.out.println("finished " + rows);
        }
    }
}
