package org.eimas.micro.network;

import java.util.Locale;

/** GraphViz DOT of a network: one node per variable, one edge per significant link, labelled. */
public final class DotExport {
    private DotExport() {
    }

    public static String toDot(EconomicNetwork net) {
        StringBuilder sb = new StringBuilder();
        sb.append("digraph economic_network {\n  rankdir=LR;\n  node [shape=box];\n");
        sb.append("  ").append(quote(net.target())).append(" [style=bold];\n");
        for (NetworkEdge e : net.edges()) {
            String color = switch (e.type()) {
                case MICRO_TO_RETURN -> "red";
                case MICRO_TO_MICRO -> "blue";
                case MACRO_TO_MICRO -> "darkgreen";
            };
            sb.append("  ").append(quote(e.source())).append(" -> ").append(quote(e.target()))
                    .append(" [label=").append(quote(String.format(Locale.ROOT, "%s w=%.4g p=%.3g lag=%d%s",
                            e.type().wireName(), e.weight(), e.pValue(), e.lag(),
                            e.type() == EdgeType.MACRO_TO_MICRO && net.macroFrequency().equals("day") ? "d" : "")))
                    .append(", color=").append(color)
                    .append(", penwidth=").append(String.format(Locale.ROOT, "%.2f",
                            1.0 + Math.min(4.0, -Math.log10(Math.max(e.pValue(), 1e-300)) / 2.0)))
                    .append("];\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
