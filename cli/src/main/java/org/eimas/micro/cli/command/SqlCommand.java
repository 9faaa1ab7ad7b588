package org.eimas.micro.cli.command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eimas.micro.cli.support.Json;
import org.eimas.micro.storage.QuestDbTickStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eimas sql}: a query on the tick store, printed as CSV (or JSON). */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run a QuestDB SQL query on the tick store and print CSV (header row first) or JSON.",
                "Tables: trades, quotes, books, order_events, features; timestamps print as ISO-8601 UTC.",
                "Example: eimas sql \"SELECT symbol, count() FROM trades\""})
public final class SqlCommand implements Callable<Integer> {
    @Mixin
    DataDirOption dataDir;

    @Parameters(index = "0", paramLabel = "QUERY", description = "A SELECT (or SHOW ...) statement.")
    String query;

    @Option(names = "--json", description = "Print a JSON array with one object per row instead of CSV.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (QuestDbTickStore store = QuestDbTickStore.open(dataDir.path())) {
            if (json) {
                JsonSink sink = new JsonSink(out);
                store.query(query, sink);
                sink.end();
            } else {
                store.query(query, new CsvSink(out));
            }
        }
        out.flush();
        return 0;
    }

    static final class CsvSink implements QuestDbTickStore.ResultSink {
        private final PrintWriter out;
        private final StringBuilder line = new StringBuilder();

        CsvSink(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void columns(List<String> names, List<String> types) {
            line.setLength(0);
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                cell(line, names.get(i));
            }
            out.println(line);
        }

        @Override
        public void row(Object[] values) {
            line.setLength(0);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                Object v = values[i];
                if (v != null) {
                    cell(line, v.toString());
                }
            }
            out.println(line);
        }

        /** RFC 4180 quoting when a cell holds a comma, quote or line break. */
        static void cell(StringBuilder sb, String s) {
            if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
                sb.append(s);
            } else {
                sb.append('"').append(s.replace("\"", "\"\"")).append('"');
            }
        }
    }

    static final class JsonSink implements QuestDbTickStore.ResultSink {
        private final PrintWriter out;
        private List<String> names;
        private long rows;

        JsonSink(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void columns(List<String> names, List<String> types) {
            this.names = names;
            out.print('[');
        }

        @Override
        public void row(Object[] values) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                m.put(names.get(i), values[i]);
            }
            if (rows++ > 0) {
                out.print(',');
            }
            out.print(Json.toJson(m));
        }

        void end() {
            out.println(']');
        }
    }
}
