package org.eimas.micro.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eimas.micro.domain.market.NumericTable;
import org.junit.jupiter.api.Test;

class DailyPanelTest {

    static long ns(String date, String time) {
        return LocalDate.parse(date).atTime(LocalTime.parse(time)).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
    }

    static long day(String date) {
        return ns(date, "00:00");
    }

    /** Bars on Thu 03-07, Fri 03-08 and Mon 03-11; macro dated every calendar day 03-06..03-10. */
    @Test
    void flowsSumLevelsTakeTheLastBarAndMacroIsWhatIsKnownByTheDaysEnd() {
        long[] ts = {ns("2024-03-07", "14:30"), ns("2024-03-07", "14:35"), ns("2024-03-08", "14:30"),
            ns("2024-03-08", "14:35"), ns("2024-03-08", "14:40"), ns("2024-03-11", "14:30")};
        NumericTable bars = new NumericTable(List.of("ofi", "vpin", "d_VIX"), ts, new double[][] {
            {1, 2, 3, 4, 5, 6}, {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, {9, 9, 9, 9, 9, 9}});
        long[] dts = {day("2024-03-06"), day("2024-03-07"), day("2024-03-08"), day("2024-03-09"), day("2024-03-10")};
        NumericTable macro = new NumericTable(List.of("d_VIX"), dts, new double[][] {{60, 70, 80, 90, 100}});

        NumericTable lag1 = DailyPanel.build(bars, List.of("ofi", "vpin"), MicroMacroMerge.DEFAULT_FLOWS, macro, 1);
        assertThat(lag1.columns()).containsExactly("ofi", "vpin", "d_VIX");
        assertThat(lag1.tsIndex()).containsExactly(day("2024-03-07"), day("2024-03-08"), day("2024-03-11"));
        assertThat(lag1.column("ofi")).containsExactly(3, 12, 6);
        assertThat(lag1.column("vpin")).containsExactly(0.2, 0.5, 0.6);
        // lag 1: known by the end of day d = dated on or before d (the merged bars' 9 is not used)
        assertThat(lag1.column("d_VIX")).containsExactly(70, 80, 100);

        // lag 2: dated on or before d - 1
        NumericTable lag2 = DailyPanel.build(bars, List.of("ofi"), MicroMacroMerge.DEFAULT_FLOWS, macro, 2);
        assertThat(lag2.column("d_VIX")).containsExactly(60, 70, 100);

        // nothing known yet on the first day: that day is dropped
        NumericTable late = new NumericTable(List.of("d_VIX"), new long[] {day("2024-03-08")}, new double[][] {{5}});
        NumericTable p = DailyPanel.build(bars, List.of("ofi"), MicroMacroMerge.DEFAULT_FLOWS, late, 1);
        assertThat(p.tsIndex()).containsExactly(day("2024-03-08"), day("2024-03-11"));
    }

    /** With a daily panel, macro_to_micro edges are the Granger tests of its columns, lags in days. */
    @Test
    void theBuilderRunsMacroTestsOnTheDailyPanel() {
        NumericTable t = EconomicNetworkBuilderTest.synthetic(78 * 30, 12);
        // a macro series with one value per "day" of 78 bars (the synthetic ts start at the epoch)
        int days = 31;
        long[] dts = new long[days];
        double[] v = new double[days];
        java.util.Random r = new java.util.Random(3);
        for (int d = 0; d < days; d++) {
            dts[d] = (d - 1) * MicroMacroMerge.DAY_NS;
            v[d] = r.nextGaussian();
        }
        NumericTable macro = new NumericTable(List.of("dgs10"), dts, new double[][] {v});
        List<String> micro = List.of("ofi", "vpin", "spread_bps", "depth_imbalance");
        // bars of 5 minutes, 78 a day: rebuild the ts so that each day holds 78 bars from 14:30
        long[] ts = new long[t.rows()];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = (i / 78) * MicroMacroMerge.DAY_NS + (870 + 5L * (i % 78)) * 60_000_000_000L;
        }
        double[][] cols = new double[t.columns().size()][];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = t.column(c);
        }
        NumericTable bars = new NumericTable(t.columns(), ts, cols);
        NumericTable daily = DailyPanel.build(bars, micro, MicroMacroMerge.DEFAULT_FLOWS, macro, 1);
        assertThat(daily.rows()).isEqualTo(30);
        EconomicNetwork net = EconomicNetworkBuilder.build(bars, daily, EconomicNetworkBuilder.Spec
                .defaults("ret_spy_5min").withVariables(micro, List.of("dgs10")));
        assertThat(net.macroFrequency()).isEqualTo("day");
        assertThat(net.macroRows()).isEqualTo(30);
        List<NetworkEdge> macroTests = net.tests().stream().filter(e -> e.type() == EdgeType.MACRO_TO_MICRO).toList();
        assertThat(macroTests).hasSize(4);
        for (NetworkEdge e : macroTests) {
            List<GrangerTest.LagResult> res = GrangerTest.test(e.target(), daily.column(e.target()), "dgs10",
                    daily.column("dgs10"), 3);
            double best = res.stream().mapToDouble(GrangerTest.LagResult::pValue).min().orElseThrow();
            assertThat(e.pValue()).isEqualTo(best);
        }
        // the other edge types still run on the bars
        NetworkEdge ofi = net.tests().stream().filter(e -> e.source().equals("ofi") && e.target().equals("ret_spy_5min"))
                .findFirst().orElseThrow();
        double barP = GrangerTest.test("ret_spy_5min", bars.column("ret_spy_5min"), "ofi", bars.column("ofi"), 5)
                .stream().mapToDouble(GrangerTest.LagResult::pValue).min().orElseThrow();
        assertThat(ofi.pValue()).isEqualTo(barP);
    }
}
