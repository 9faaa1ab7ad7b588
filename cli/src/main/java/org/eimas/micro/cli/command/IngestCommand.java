package org.eimas.micro.cli.command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.replay.csv.CanonicalCsv;
import org.eimas.micro.storage.AsyncTickAppender;
import org.eimas.micro.storage.QuestDbTickStore;
import org.eimas.micro.storage.RejectedRowException;
import org.eimas.micro.storage.TickAppender;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eimas ingest}: loads one canonical CSV (plain or .gz) into the embedded tick store in
 * committed batches. Running the same ingest again leaves exactly the file's rows (QuestDB
 * deduplicates on ts, symbol and the row's number among equal timestamps).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Load a canonical CSV (plain or .gz) into the tick store.",
                "Rows are committed in batches; a bad row stops the ingest and rolls its batch back.",
                "Running the same ingest again does not duplicate rows, so an interrupted ingest is simply re-run."})
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    DataDirOption dataDir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--book", paramLabel = "FILE", description = "Books: ts,symbol,bid_px_1,bid_sz_1,ask_px_1,ask_sz_1,...")
        Path book;
        @Option(names = "--trades", paramLabel = "FILE", description = "Trades: ts,symbol,price,size[,bid,ask]")
        Path trades;
        @Option(names = "--quotes", paramLabel = "FILE", description = "Quotes: ts,symbol,bid,ask[,bid_sz,ask_sz]")
        Path quotes;
        @Option(names = "--events", paramLabel = "FILE", description = "Order events: ts,symbol,type,side,price,size,order_id")
        Path events;
    }

    @Option(names = "--symbol", paramLabel = "S", description = "Ingest only the rows of this symbol (others are counted as skipped).")
    String symbol;

    @Option(names = "--batch-rows", paramLabel = "N", defaultValue = "" + QuestDbTickStore.DEFAULT_BATCH_ROWS,
            description = "Rows per committed batch (default: ${DEFAULT-VALUE}).")
    int batchRows;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Option(names = "--no-progress", description = "No progress line, even on a terminal.")
    boolean noProgress;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path file;
        String table;
        if (source.book != null) {
            file = source.book;
            table = "books";
        } else if (source.trades != null) {
            file = source.trades;
            table = "trades";
        } else if (source.quotes != null) {
            file = source.quotes;
            table = "quotes";
        } else {
            file = source.events;
            table = "order_events";
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file " + file + " does not exist");
        }
        if (batchRows <= 0) {
            throw new IllegalArgumentException("--batch-rows must be positive, got " + batchRows);
        }
        boolean progress = !noProgress && !json && System.console() != null;
        try (QuestDbTickStore store = QuestDbTickStore.open(dataDir.path())) {
            long t0 = System.nanoTime();
            TickIngest.Result r = TickIngest.ingest(store, table, file, symbol, batchRows,
                    progress ? new TickIngest.Progress(spec.commandLine().getErr(), TickIngest.Progress.estimateRows(file)) : null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long total = store.count(table);
            double rate = r.rows() / Math.max(seconds, 1e-9);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("table", table);
                out.put("file", file.toString());
                out.put("rows", r.rows());
                out.put("skipped", r.skipped());
                out.put("seconds", seconds);
                out.put("rows_per_second", rate);
                out.put("table_rows", total);
                PrintWriter o = spec.commandLine().getOut();
                o.println(Json.toJson(out));
                o.flush();
            } else {
                PrintWriter o = spec.commandLine().getOut();
                o.printf(Locale.ROOT, "ingested %d rows into %s from %s in %.3f s (%,.0f rows/s)%s; %s now holds %d rows%n",
                        r.rows(), table, file, seconds, rate,
                        r.skipped() > 0 ? ", skipped " + r.skipped() + " rows of other symbols" : "", table, total);
                o.flush();
            }
        }
        return 0;
    }

    /** The CSV → tick store glue, shared with tests. */
    public static final class TickIngest {
        /** Rows per chunk handed from the parsing thread to the writing thread. */
        static final int CHUNK_ROWS = 16_384;

        private TickIngest() {
        }

        public record Result(long rows, long skipped) {
        }

        /**
         * A progress bar on a terminal (stderr), redrawn every half second: percentage of an
         * estimated row count (file size over the mean line length of the first megabyte; for
         * .gz the uncompressed size from the gzip trailer), rows, rows/s and elapsed time.
         */
        public static final class Progress {
            private final PrintWriter err;
            private final long estimatedRows;
            private final long start = System.nanoTime();
            private long last = start;

            public Progress(PrintWriter err, long estimatedRows) {
                this.err = err;
                this.estimatedRows = estimatedRows;
            }

            void update(long rows) {
                long now = System.nanoTime();
                if (now - last >= 500_000_000L) {
                    last = now;
                    double s = (now - start) / 1e9;
                    String bar = "";
                    if (estimatedRows > 0) {
                        double f = Math.min(1, rows / (double) estimatedRows);
                        int w = 30;
                        int full = (int) Math.round(f * w);
                        bar = "[" + "=".repeat(full) + " ".repeat(w - full) + "] " + String.format(Locale.ROOT, "%3.0f%% ", 100 * f);
                    }
                    err.printf(Locale.ROOT, "\r%s%,d rows  %,.0f rows/s  %.1f s ", bar, rows, rows / s, s);
                    err.flush();
                }
            }

            void done() {
                err.print("\r\033[K");
                err.flush();
            }

            /** Rows a canonical CSV probably holds (header excluded), or -1 when unknown. */
            public static long estimateRows(Path file) {
                try {
                    long size = Files.size(file);
                    boolean gz = file.getFileName().toString().endsWith(".gz");
                    if (gz) {
                        if (size < 4) {
                            return -1;
                        }
                        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
                            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                            ch.read(b, size - 4);
                            long isize = b.getInt(0) & 0xFFFFFFFFL;
                            // ISIZE is the uncompressed size mod 2^32; a CSV never shrinks below its gzip size
                            while (isize < size) {
                                isize += 1L << 32;
                            }
                            size = isize;
                        }
                    }
                    byte[] head = new byte[1 << 20];
                    int n;
                    try (java.io.InputStream raw = Files.newInputStream(file);
                         java.io.InputStream in = gz ? new java.util.zip.GZIPInputStream(raw, 1 << 16) : raw) {
                        n = in.readNBytes(head, 0, head.length);
                    }
                    int lines = 0;
                    int firstEnd = -1;
                    for (int i = 0; i < n; i++) {
                        if (head[i] == '\n') {
                            if (firstEnd < 0) {
                                firstEnd = i;
                            } else {
                                lines++;
                            }
                        }
                    }
                    if (lines == 0) {
                        return -1;
                    }
                    double perLine = (double) (n - firstEnd - 1) / lines;
                    return Math.max(1, Math.round((size - firstEnd - 1) / perLine));
                } catch (java.io.IOException e) {
                    return -1;
                }
            }
        }

        /**
         * Reads {@code file} into {@code table} ({@code trades}, {@code quotes}, {@code books} or
         * {@code order_events}); with {@code symbol} non-null only that symbol's rows.
         */
        public static Result ingest(QuestDbTickStore store, String table, Path file, String symbol, int batchRows,
                                    Progress progress) {
            long[] seen = new long[2]; // rows read, rows skipped
            TickAppender[] holder = new TickAppender[1];
            AsyncTickAppender[] async = new AsyncTickAppender[1];
            try {
                switch (table) {
                    case "trades" -> {
                        AsyncTickAppender a = async[0] = new AsyncTickAppender(
                                store.openAppender(TickAppender.Kind.TRADES, batchRows), Math.min(CHUNK_ROWS, batchRows));
                        CanonicalCsv.readTrades(file, (ts, sym, px, sz, bid, ask) -> {
                            if (keep(seen, symbol, sym, progress)) {
                                a.trade(ts, sym, px, sz, bid, ask, 0);
                            }
                        });
                    }
                    case "quotes" -> {
                        AsyncTickAppender a = async[0] = new AsyncTickAppender(
                                store.openAppender(TickAppender.Kind.QUOTES, batchRows), Math.min(CHUNK_ROWS, batchRows));
                        CanonicalCsv.readQuotes(file, (ts, sym, bid, ask, bs, as) -> {
                            if (keep(seen, symbol, sym, progress)) {
                                a.quote(ts, sym, bid, ask, bs, as);
                            }
                        });
                    }
                    case "books" -> CanonicalCsv.readBooks(file, (ts, sym, levels, bp, bs, ap, as) -> {
                        if (async[0] == null) {
                            // chunks of at most ~8 MB whatever the depth of the book
                            int chunk = Math.max(64, Math.min(CHUNK_ROWS, 262_144 / levels));
                            async[0] = new AsyncTickAppender(store.openBookAppender(levels, batchRows),
                                    Math.min(chunk, batchRows));
                        }
                        if (keep(seen, symbol, sym, progress)) {
                            async[0].book(ts, sym, levels, bp, bs, ap, as);
                        }
                    });
                    case "order_events" -> {
                        TickAppender a = holder[0] = store.openAppender(TickAppender.Kind.ORDER_EVENTS, batchRows);
                        CanonicalCsv.readOrderEvents(file, e -> {
                            if (keep(seen, symbol, e.symbol(), progress)) {
                                a.orderEvent(e.ts(), e.symbol(), e.type(), e.side(), e.price(), e.size(), e.orderId());
                            }
                        });
                    }
                    default -> throw new IllegalArgumentException("unknown tick table " + table);
                }
                if (async[0] != null) {
                    async[0].finish();
                }
                if (holder[0] != null) {
                    holder[0].finish();
                }
            } catch (RejectedRowException e) {
                long committed = close(holder[0], async[0]);
                throw new IllegalArgumentException(file + ": " + (symbol == null ? "data row " : symbol + " row ")
                        + e.row() + ": " + e.reason()
                        + "; nothing of the failed batch was written" + committedNote(committed), e);
            } catch (org.eimas.micro.replay.csv.CsvFormatException e) {
                long committed = close(holder[0], async[0]);
                throw new IllegalArgumentException(e.getMessage() + "; nothing of the failed batch was written"
                        + committedNote(committed), e);
            } catch (RuntimeException e) {
                close(holder[0], async[0]);
                throw e;
            } finally {
                if (progress != null) {
                    progress.done();
                }
            }
            return new Result(seen[0] - seen[1], seen[1]);
        }

        private static boolean keep(long[] seen, String symbol, String sym, Progress progress) {
            seen[0]++;
            if (progress != null && (seen[0] & 0xFFFF) == 0) {
                progress.update(seen[0]);
            }
            if (symbol != null && !symbol.equals(sym)) {
                seen[1]++;
                return false;
            }
            return true;
        }

        private static long close(TickAppender a, AsyncTickAppender async) {
            if (async != null) {
                async.close();
                return async.committedRows();
            }
            if (a == null) {
                return 0;
            }
            a.close();
            return a.committedRows();
        }

        private static String committedNote(long committed) {
            return committed == 0 ? "" : " (" + committed + " rows of earlier batches were committed;"
                    + " fix the file and run the same ingest again: it will not duplicate them)";
        }
    }
}
