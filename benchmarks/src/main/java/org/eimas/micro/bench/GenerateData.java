package org.eimas.micro.bench;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.eimas.micro.replay.csv.CanonicalCsvWriter;

/**
 * Writes big synthetic inputs for the end-to-end timings (never committed):
 * {@code java -cp benchmarks/target/benchmarks.jar org.eimas.micro.bench.GenerateData trades OUT.csv.gz ROWS}
 * or {@code ... books OUT.csv.gz ROWS LEVELS}. Seeded random walks at 1-cent ticks.
 */
public final class GenerateData {
    private GenerateData() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: GenerateData trades|books OUT ROWS [LEVELS]");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        int rows = Integer.parseInt(args[2]);
        if (args[0].equals("trades")) {
            CsvParseBenchmark.writeTrades(out, rows, 42);
        } else {
            int levels = args.length > 3 ? Integer.parseInt(args[3]) : 5;
            SplittableRandom r = new SplittableRandom(7);
            long ts = 1_700_000_000_000_000_000L;
            long mid = 45_000;
            double[] bp = new double[levels], bs = new double[levels], ap = new double[levels], as = new double[levels];
            try (CanonicalCsvWriter w = CanonicalCsvWriter.books(out, levels)) {
                for (int i = 0; i < rows; i++) {
                    ts += r.nextInt(0, 2_000_000);
                    mid += r.nextInt(-1, 2);
                    for (int m = 0; m < levels; m++) {
                        bp[m] = (mid - 1 - m) / 100.0;
                        ap[m] = (mid + 1 + m) / 100.0;
                        bs[m] = r.nextInt(1, 1000);
                        as[m] = r.nextInt(1, 1000);
                    }
                    w.book(ts, "SPY", bp, bs, ap, as);
                }
            }
        }
    }
}
