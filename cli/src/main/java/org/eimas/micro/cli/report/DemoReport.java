package org.eimas.micro.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eimas.micro.application.demo.DemoResult;
import org.eimas.micro.application.network.BuildEconomicNetwork;
import org.eimas.micro.domain.backtest.BacktestResult;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.store.StoredAlert;
import org.eimas.micro.domain.strategy.TargetCheck;
import org.eimas.micro.network.NetworkEdge;
import org.eimas.micro.network.ShockResponse;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The demo's self-contained HTML report: charts are PNGs embedded as data URIs and the network is
 * inline SVG, so the page opens from disk without a server and without internet.
 */
public final class DemoReport {
    private DemoReport() {
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.4e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

    private static double[] minutes(NumericTable t) {
        double[] x = new double[t.rows()];
        long t0 = t.ts(0);
        for (int i = 0; i < x.length; i++) {
            x[i] = (t.ts(i) - t0) / 60e9;
        }
        return x;
    }

    private static String img(XYChart c, String alt) {
        return "<img alt=\"" + esc(alt) + "\" src=\"" + Charts.dataUri(c) + "\">";
    }

    public static String render(DemoResult r, String generatedAt) {
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>EIMAS-Micro demo report</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1000px;color:#222}")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}.PASS{color:#080;font-weight:bold}")
                .append(".FAIL{color:#b00;font-weight:bold}img{max-width:100%;display:block;margin:.5em 0}")
                .append("h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}.note{color:#555;font-size:.9em}</style></head><body>");
        h.append("<h1>EIMAS-Micro demo report</h1><p>Synthetic trading day ").append(esc(r.day())).append(" for ")
                .append(esc(String.join(", ", r.symbols()))).append(", seed ").append(r.seed())
                .append(". Generated ").append(esc(generatedAt)).append(".</p>");

        h.append("<h2>Targets of the design guide (measured, out of sample)</h2>")
                .append("<p class=\"note\">Measured on ").append(esc(r.symbols().get(0)))
                .append(": the OFI+VPIN strategy's backtest, the walk-forward 5-minute LASSO R², and the OFI direction ")
                .append("accuracy (sign of a bar's OFI against the next bar's return). Reported, never asserted.</p>")
                .append("<table><tr><th class=l>target</th><th>measured</th><th>goal</th><th>verdict</th></tr>");
        for (TargetCheck t : r.targets()) {
            h.append("<tr><td class=l>").append(t.name()).append("</td><td>").append(num(t.measured())).append("</td><td>")
                    .append(t.comparison()).append(' ').append(num(t.target())).append("</td><td class=\"")
                    .append(t.verdict()).append("\">").append(t.verdict()).append("</td></tr>");
        }
        h.append("</table>");

        h.append("<h2>Pipeline</h2><table><tr><th class=l>what</th><th>value</th></tr>");
        r.eventCounts().forEach((k, v) -> h.append("<tr><td class=l>events: ").append(k).append("</td><td>").append(v).append("</td></tr>"));
        r.storedRows().forEach((k, v) -> h.append("<tr><td class=l>rows in QuestDB: ").append(k).append("</td><td>").append(v).append("</td></tr>"));
        h.append("<tr><td class=l>simulate + monitor + ingest rate (rows/s)</td><td>").append(num(r.ingestRowsPerSecond())).append("</td></tr>");
        r.stageSeconds().forEach((k, v) -> h.append("<tr><td class=l>seconds: ").append(k).append("</td><td>").append(num(v)).append("</td></tr>"));
        r.storedIds().forEach((k, v) -> h.append("<tr><td class=l>stored id: ").append(k).append("</td><td>").append(v).append("</td></tr>"));
        h.append("<tr><td class=l>alerts (VPIN levels, paths 18/12)</td><td>").append(r.alerts().size()).append("</td></tr></table>");

        for (Map.Entry<String, DemoResult.SymbolResult> e : r.perSymbol().entrySet()) {
            symbol(h, e.getKey(), e.getValue());
        }
        network(h, r.network());
        alerts(h, r.alerts());
        h.append("<p class=\"note\">EIMAS-Micro. Formulas: OFI Cont, Kukanov &amp; Stoikov (2014); VPIN Easley, López de Prado ")
                .append("&amp; O'Hara (2012); Hawkes Bacry, Mastromatteo &amp; Muzy (2015); DSR Bailey &amp; López de Prado (2014).</p>");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void symbol(StringBuilder h, String s, DemoResult.SymbolResult r) {
        NumericTable f = r.features();
        double[] x = minutes(f);
        h.append("<h2>").append(esc(s)).append("</h2>");
        // price and VPIN with alert levels
        h.append(img(Charts.lines(s + " mid price (1-minute)", "minutes after the open", "price", x, new String[] {"mid"},
                new double[][] {f.column("mid")}), s + " price"));
        double[] vpin = f.column("vpin");
        double[] l6 = new double[x.length];
        double[] l7 = new double[x.length];
        double[] l8 = new double[x.length];
        java.util.Arrays.fill(l6, 0.6);
        java.util.Arrays.fill(l7, 0.7);
        java.util.Arrays.fill(l8, 0.8);
        XYChart vc = Charts.lines(s + " VPIN with the crash-alert levels", "minutes after the open", "VPIN", x,
                new String[] {"VPIN", "ELEVATED 0.6", "HIGH 0.7", "CRITICAL 0.8"}, new double[][] {vpin, l6, l7, l8});
        vc.getSeriesMap().get("ELEVATED 0.6").setLineColor(new Color(230, 180, 0));
        vc.getSeriesMap().get("HIGH 0.7").setLineColor(new Color(230, 110, 0));
        vc.getSeriesMap().get("CRITICAL 0.8").setLineColor(new Color(200, 0, 0));
        for (String k : List.of("ELEVATED 0.6", "HIGH 0.7", "CRITICAL 0.8")) {
            vc.getSeriesMap().get(k).setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        h.append(img(vc, s + " VPIN"));

        // OFI vs price change
        double[] mid = f.column("mid");
        double[] ofi = f.column("ofi");
        double[] ox = new double[Math.max(0, mid.length - 1)];
        double[] dy = new double[ox.length];
        for (int i = 1; i < mid.length; i++) {
            ox[i - 1] = ofi[i];
            dy[i - 1] = (mid[i] - mid[i - 1]) / 0.01;
        }
        XYChart sc = Charts.scatter(s + ": 1-minute OFI vs mid change", "OFI (shares)", "mid change (ticks)", ox, dy);
        if (r.ofiFit() != null && ox.length > 1) {
            double lo = java.util.Arrays.stream(ox).min().orElse(0);
            double hi = java.util.Arrays.stream(ox).max().orElse(0);
            XYSeries line = sc.addSeries("fit", new double[] {lo, hi},
                    new double[] {r.ofiFit().intercept() + r.ofiFit().beta() * lo, r.ofiFit().intercept() + r.ofiFit().beta() * hi});
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(Color.RED);
        }
        h.append(img(sc, s + " OFI scatter"));
        if (r.ofiFit() != null) {
            h.append("<p>Contemporaneous regression (Cont et al. Table 2 design, 60 s intervals): beta = ")
                    .append(num(r.ofiFit().beta())).append(" ticks/share, intercept = ").append(num(r.ofiFit().intercept()))
                    .append(", R² = ").append(num(r.ofiFit().r2())).append(", intervals = ").append(r.ofiFit().intervals())
                    .append(". OFI sign agrees with the same bar's price change in ").append(pct(r.ofiSignAgreement()))
                    .append(" of bars; with the next bar's return in ").append(pct(r.ofiDirectionAccuracy())).append(".</p>");
        }

        // Hawkes
        if (r.hawkesBuy() != null) {
            h.append(img(Charts.lines(s + ": fitted Hawkes intensity of buyer-initiated trades", "minutes after the open",
                    "events / s", x, new String[] {"lambda(t)"}, new double[][] {r.hawkesIntensity()}), s + " Hawkes"));
            h.append("<p>Hawkes MLE on buyer-initiated trade times: mu = ").append(num(r.hawkesBuy().mu()))
                    .append(" /s, alpha = ").append(num(r.hawkesBuy().alpha())).append(" /s, beta = ").append(num(r.hawkesBuy().beta()))
                    .append(" /s, branching ratio alpha/beta = ").append(num(r.hawkesBuy().branchingRatio()))
                    .append(", log-likelihood = ").append(num(r.hawkesBuy().logLikelihood()))
                    .append(", time-rescaling KS statistic = ").append(num(r.hawkesBuy().ksStatistic())).append(".</p>");
        }

        // forecast vs realised
        List<Double> fx = new ArrayList<>();
        List<Double> fr = new ArrayList<>();
        List<Double> ff = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(r.forecastBps()[i]) && Double.isFinite(r.realisedBps()[i])) {
                fx.add(x[i]);
                fr.add(r.realisedBps()[i]);
                ff.add(r.forecastBps()[i]);
            }
        }
        if (!fx.isEmpty()) {
            double[] ax = fx.stream().mapToDouble(Double::doubleValue).toArray();
            h.append(img(Charts.lines(s + ": walk-forward LASSO forecast vs realised next-minute return", "minutes after the open",
                    "bps", ax, new String[] {"realised", "forecast"}, new double[][] {fr.stream().mapToDouble(Double::doubleValue).toArray(),
                            ff.stream().mapToDouble(Double::doubleValue).toArray()}), s + " forecast"));
        }
        h.append("<table><tr><th class=l>forecaster (out of sample)</th><th>R²</th><th>RMSE (bps)</th><th>direction accuracy</th><th>predictions</th></tr>")
                .append("<tr><td class=l>1-minute</td><td>").append(num(r.forecast1m().r2())).append("</td><td>").append(num(r.forecast1m().rmse()))
                .append("</td><td>").append(pct(r.forecast1m().directionAccuracy())).append("</td><td>").append(r.forecast1m().n()).append("</td></tr>")
                .append("<tr><td class=l>5-minute</td><td>").append(num(r.forecast5m().r2())).append("</td><td>").append(num(r.forecast5m().rmse()))
                .append("</td><td>").append(pct(r.forecast5m().directionAccuracy())).append("</td><td>").append(r.forecast5m().n()).append("</td></tr></table>");
        h.append("<p>Features selected by the final LassoCV fit (original scale): ");
        if (r.selectedFeatures().isEmpty()) {
            h.append("none (every coefficient shrunk to zero)");
        }
        r.selectedFeatures().forEach((k, v) -> h.append("<code>").append(esc(k)).append("</code> ").append(num(v)).append("; "));
        h.append("</p>");

        // strategies
        for (DemoResult.Strategy st : List.of(r.ofiVpin(), r.forecast())) {
            BacktestResult b = st.result();
            double[] ex = new double[b.equity().length];
            for (int i = 0; i < ex.length; i++) {
                ex[i] = i;
            }
            double[] dd = b.drawdown().clone();
            for (int i = 0; i < dd.length; i++) {
                dd[i] = -100 * dd[i];
            }
            h.append("<h3>").append(esc(s)).append(" strategy <code>").append(esc(st.name())).append("</code></h3><p>")
                    .append(esc(st.configuration())).append(" (best of ").append(st.configurationsTried()).append(" configurations tried).</p>");
            h.append(img(Charts.lines("Equity: " + st.name(), "bar", "equity", ex, new String[] {"equity"}, new double[][] {b.equity()}), "equity"));
            h.append(img(Charts.area("Drawdown: " + st.name(), "bar", "drawdown %", ex, "drawdown", dd, new Color(220, 60, 60, 120)), "drawdown"));
            h.append("<table><tr><th>total return</th><th>Sharpe</th><th>deflated Sharpe</th><th>max drawdown</th><th>win rate</th>")
                    .append("<th>profit factor</th><th>trades</th><th>turnover</th><th>total cost</th></tr><tr><td>")
                    .append(pct(b.totalReturn())).append("</td><td>").append(num(b.sharpe())).append("</td><td>").append(num(st.deflatedSharpe()))
                    .append("</td><td>").append(pct(b.maxDrawdown())).append("</td><td>").append(pct(b.winRate())).append("</td><td>")
                    .append(num(b.profitFactor())).append("</td><td>").append(b.trades().size()).append("</td><td>").append(num(b.turnover()))
                    .append("</td><td>").append(pct(b.totalCost())).append("</td></tr></table>");
        }
    }

    private static void network(StringBuilder h, BuildEconomicNetwork.Run run) {
        h.append("<h2>Micro-macro economic network</h2>");
        if (run == null) {
            h.append("<p>not built</p>");
            return;
        }
        List<NetworkEdge> edges = run.network().edges();
        h.append("<p>").append(run.network().tests().size()).append(" Granger tests on ").append(run.network().rows())
                .append(" merged 5-minute rows; ").append(edges.size()).append(" significant at ")
                .append(num(run.network().significance())).append(". ")
                .append(run.network().skipped().size()).append(" pairs skipped: ")
                .append(esc(String.join("; ", run.network().skipped().stream().limit(6).toList()))).append("</p>");
        h.append(svg(run.network().target(), run.network().tests(), edges));
        h.append("<table><tr><th class=l>source</th><th class=l>target</th><th class=l>type</th><th>weight</th><th>p-value</th><th>lag</th></tr>");
        for (NetworkEdge e : edges) {
            h.append("<tr><td class=l>").append(esc(e.source())).append("</td><td class=l>").append(esc(e.target()))
                    .append("</td><td class=l>").append(e.type().wireName()).append("</td><td>").append(num(e.weight()))
                    .append("</td><td>").append(num(e.pValue())).append("</td><td>").append(e.lag()).append("</td></tr>");
        }
        h.append("</table>");
        ShockResponse irf = run.network().irf();
        if (irf != null) {
            double[] hx = new double[irf.horizon() + 1];
            double[][] ys = new double[irf.responses().size()][irf.horizon() + 1];
            for (int k = 0; k <= irf.horizon(); k++) {
                hx[k] = k;
                for (int j = 0; j < irf.responses().size(); j++) {
                    ys[j][k] = irf.orthIrf()[k][j];
                }
            }
            h.append(img(Charts.lines("Orthogonalised responses to a one-s.d. " + irf.shock() + " shock (VAR(" + irf.lags() + "))",
                    "5-minute steps", "response", hx, irf.responses().toArray(String[]::new), ys), "IRF"));
        } else {
            h.append("<p>Impulse responses not available: ").append(esc(String.valueOf(run.network().irfError()))).append("</p>");
        }
    }

    /** Nodes on a circle, significant edges as arrows. */
    private static String svg(String target, List<NetworkEdge> tests, List<NetworkEdge> edges) {
        java.util.LinkedHashSet<String> nodes = new java.util.LinkedHashSet<>();
        nodes.add(target);
        for (NetworkEdge e : tests) {
            nodes.add(e.source());
            nodes.add(e.target());
        }
        List<String> list = new ArrayList<>(nodes);
        int w = 900;
        int hgt = 520;
        double cx = w / 2.0;
        double cy = hgt / 2.0;
        double rad = 200;
        Map<String, double[]> pos = new java.util.HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            double a = 2 * Math.PI * i / list.size() - Math.PI / 2;
            pos.put(list.get(i), new double[] {cx + rad * Math.cos(a), cy + rad * Math.sin(a)});
        }
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(hgt)
                .append("\" role=\"img\" aria-label=\"economic network\"><defs><marker id=\"arr\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" ")
                .append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>");
        for (NetworkEdge e : edges) {
            double[] a = pos.get(e.source());
            double[] b = pos.get(e.target());
            double dx = b[0] - a[0];
            double dy = b[1] - a[1];
            double len = Math.max(1, Math.hypot(dx, dy));
            double x2 = b[0] - dx / len * 34;
            double y2 = b[1] - dy / len * 34;
            String color = e.weight() >= 0 ? "#2a7" : "#c33";
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\" marker-end=\"url(#arr)\"><title>%s -> %s p=%s lag %d</title></line>",
                    a[0] + dx / len * 34, a[1] + dy / len * 34, x2, y2, color, 1 + Math.min(4, -Math.log10(Math.max(1e-12, e.pValue()))),
                    esc(e.source()), esc(e.target()), num(e.pValue()), e.lag()));
        }
        for (String n : list) {
            double[] p = pos.get(n);
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"32\" fill=\"%s\" stroke=\"#333\"/>", p[0], p[1],
                    n.equals(target) ? "#ffd27a" : "#cfe3ff"));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" dominant-baseline=\"middle\">%s</text>",
                    p[0], p[1], esc(n)));
        }
        s.append("</svg><p class=\"note\">Arrows: significant Granger links (green positive, red negative summed lag coefficients; width grows with -log10 p).</p>");
        return s.toString();
    }

    private static void alerts(StringBuilder h, List<StoredAlert> alerts) {
        h.append("<h2>Alerts (VPIN crash levels, critical paths 18 and 12)</h2>");
        if (alerts.isEmpty()) {
            h.append("<p>No alert level was reached.</p>");
            return;
        }
        h.append("<table><tr><th class=l>time (UTC)</th><th class=l>symbol</th><th class=l>source</th><th class=l>level</th><th>VPIN</th><th>CDF</th><th class=l>message</th></tr>");
        int k = 0;
        for (StoredAlert a : alerts) {
            if (k++ == 60) {
                h.append("<tr><td class=l colspan=7>... ").append(alerts.size() - 60).append(" more</td></tr>");
                break;
            }
            h.append("<tr><td class=l>").append(java.time.Instant.ofEpochSecond(0, a.ts())).append("</td><td class=l>")
                    .append(esc(a.symbol())).append("</td><td class=l>").append(esc(a.source())).append("</td><td class=l>").append(esc(a.level())).append("</td><td>")
                    .append(num(a.inputs().getOrDefault("vpin", Double.NaN))).append("</td><td>")
                    .append(num(a.inputs().getOrDefault("vpin_cdf", a.inputs().getOrDefault("cdf", Double.NaN)))).append("</td><td class=l>")
                    .append(esc(a.message())).append("</td></tr>");
        }
        h.append("</table>");
    }
}
