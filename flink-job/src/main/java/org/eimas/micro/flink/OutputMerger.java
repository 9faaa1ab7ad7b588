package org.eimas.micro.flink;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * After a bounded run: merges the committed part files of one output ({@code <out>/_parts/<output>/<symbol>/part-*})
 * into {@code <out>/<output>/<symbol>.csv} with the CLI's header, ordered by the symbol's row
 * number, and checks that the row numbers are exactly 1..N: a duplicate or a gap (lost or
 * re-delivered output after a restore) is an error, not a silent difference.
 */
public final class OutputMerger {
    private OutputMerger() {
    }

    static String checkSymbol(String s) {
        if (s.isEmpty() || s.contains("/") || s.contains("\\") || s.startsWith(".") || s.startsWith("_")) {
            throw new IllegalArgumentException("symbol '" + s + "' cannot name an output file");
        }
        return s;
    }

    /** Merges every symbol of one output; returns rows per symbol (sorted by symbol). */
    public static Map<String, Long> merge(Path partsDir, Path outDir, List<String> header) {
        Map<String, Long> rows = new TreeMap<>();
        if (!Files.isDirectory(partsDir)) {
            return rows;
        }
        try (Stream<Path> symbols = Files.list(partsDir)) {
            for (Path symDir : symbols.filter(Files::isDirectory).sorted().toList()) {
                String symbol = symDir.getFileName().toString();
                rows.put(symbol, mergeSymbol(symDir, outDir.resolve(symbol + ".csv"), header));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + partsDir + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static final class Part {
        final Path file;
        final BufferedReader in;
        long row;
        String rest;

        Part(Path file) throws IOException {
            this.file = file;
            this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }

        boolean advance() throws IOException {
            String s = in.readLine();
            if (s == null) {
                in.close();
                return false;
            }
            int c = s.indexOf(',');
            try {
                long r = Long.parseLong(c < 0 ? s : s.substring(0, c));
                if (rest != null && r <= row) {
                    throw new IllegalStateException(file + ": row " + r + " after row " + row + " in one part file");
                }
                row = r;
            } catch (NumberFormatException e) {
                throw new IllegalStateException(file + ": line without a row number: '" + s + "'");
            }
            rest = c < 0 ? "" : s.substring(c + 1);
            return true;
        }
    }

    static long mergeSymbol(Path symDir, Path outFile, List<String> header) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(symDir)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString();
                return Files.isRegularFile(p) && !n.startsWith(".") && !n.startsWith("_");
            }).sorted().toList();
        }
        PriorityQueue<Part> q = new PriorityQueue<>((a, b) -> Long.compare(a.row, b.row));
        List<Part> all = new ArrayList<>();
        try {
            for (Path f : files) {
                Part p = new Part(f);
                all.add(p);
                if (p.advance()) {
                    q.add(p);
                }
            }
            Files.createDirectories(outFile.getParent());
            long expected = 1;
            try (BufferedWriter w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
                w.write(String.join(",", header));
                w.write('\n');
                while (!q.isEmpty()) {
                    Part p = q.poll();
                    if (p.row != expected) {
                        throw new IllegalStateException(symDir.getFileName() + ": " + (p.row < expected ? "duplicate row " + p.row : "rows "
                                + expected + ".." + (p.row - 1) + " missing") + " in " + symDir);
                    }
                    expected++;
                    w.write(p.rest);
                    w.write('\n');
                    if (p.advance()) {
                        q.add(p);
                    }
                }
            }
            return expected - 1;
        } finally {
            for (Part p : all) {
                p.in.close();
            }
        }
    }
}
