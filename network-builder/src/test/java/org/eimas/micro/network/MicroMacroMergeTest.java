package org.eimas.micro.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eimas.micro.domain.market.NumericTable;
import org.junit.jupiter.api.Test;

class MicroMacroMergeTest {
    static final double NaN = Double.NaN;

    static long ns(String date, String time) {
        return LocalDate.parse(date).atTime(LocalTime.parse(time)).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
    }

    @Test
    void levelsTakeTheLastValueFlowsTheSumAndMacroIsUsableFromTheNextDay() {
        long[] ts = {
            ns("2024-03-05", "14:30:01"), ns("2024-03-05", "14:33:00"), ns("2024-03-05", "14:34:59"), // bar 14:30
            ns("2024-03-05", "14:35:00"), ns("2024-03-05", "14:39:00"),                               // bar 14:35
            ns("2024-03-06", "14:30:10"),                                                             // bar 14:30 next day
        };
        double[] ofi = {1, 2, 3, 10, NaN, 5};
        double[] vpin = {0.1, 0.2, 0.3, 0.4, NaN, 0.6};
        NumericTable micro = new NumericTable(List.of("ofi", "vpin"), ts, new double[][] {ofi, vpin});
        long[] dts = {ns("2024-03-04", "00:00"), ns("2024-03-05", "00:00"), ns("2024-03-06", "00:00")};
        NumericTable macro = new NumericTable(List.of("d_VIX"), dts, new double[][] {{-1.0, 2.0, 3.0}});

        MicroMacroMerge.Result r = MicroMacroMerge.merge(micro, macro, MicroMacroMerge.Options.defaults());
        NumericTable t = r.table();
        assertThat(r.flowColumns()).containsExactly("ofi");
        assertThat(r.levelColumns()).containsExactly("vpin");
        assertThat(t.columns()).containsExactly("ofi", "vpin", "d_VIX");
        assertThat(t.rows()).isEqualTo(3);
        assertThat(t.tsIndex()).containsExactly(ns("2024-03-05", "14:30"), ns("2024-03-05", "14:35"),
                ns("2024-03-06", "14:30"));
        assertThat(t.column("ofi")).containsExactly(6, 10, 5);       // 1+2+3, 10 (+ missing), 5
        assertThat(t.column("vpin")).containsExactly(0.3, 0.4, 0.6); // last non-missing in the bar
        // on 03-05 the value dated 03-04 is the latest usable one; the one dated 03-05 is not yet
        assertThat(t.column("d_VIX")).containsExactly(-1.0, -1.0, 2.0);

        // same-day availability (lag 0) would be look-ahead: refused
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                new MicroMacroMerge.Options(MicroMacroMerge.FIVE_MINUTES_NS, MicroMacroMerge.DEFAULT_FLOWS, 0))
                .hasMessageContaining("never usable on its own date");
    }

    @Test
    void incompleteRowsAreDroppedAndMissingMacroDoesNotOverwrite() {
        long[] ts = {ns("2024-03-05", "10:00"), ns("2024-03-05", "10:05"), ns("2024-03-07", "10:00"),
            ns("2024-03-08", "10:00")};
        NumericTable micro = new NumericTable(List.of("spread_bps"), ts, new double[][] {{1, NaN, 3, 4}});
        long[] dts = {ns("2024-03-05", "00:00"), ns("2024-03-06", "00:00"), ns("2024-03-07", "00:00")};
        NumericTable macro = new NumericTable(List.of("dgs10"), dts, new double[][] {{4.1, 4.2, NaN}});
        MicroMacroMerge.Result r = MicroMacroMerge.merge(micro, macro, MicroMacroMerge.Options.defaults());
        // 10:00 UTC is 05:00 New York, before the open: a value dated D is usable from the open of D + 1.
        // 03-05: nothing usable yet (dropped); 10:05 has no spread (dropped); 03-07 05:00 NY still has only
        // 03-05's 4.1 (03-06's value opens at 09:30); 03-08 has 03-06's 4.2 (03-07 is missing, never a zero)
        assertThat(r.table().tsIndex()).containsExactly(ns("2024-03-07", "10:00"), ns("2024-03-08", "10:00"));
        assertThat(r.table().column("dgs10")).containsExactly(4.1, 4.2);
        assertThat(r.bars()).isEqualTo(4);
        assertThat(r.droppedIncomplete()).isEqualTo(2);
    }

    @Test
    void unsortedOrClashingInputIsRefused() {
        NumericTable micro = new NumericTable(List.of("ofi"), new long[] {5, 3}, new double[][] {{1, 2}});
        NumericTable macro = new NumericTable(List.of("x"), new long[] {0}, new double[][] {{1}});
        assertThatThrownBy(() -> MicroMacroMerge.merge(micro, macro, MicroMacroMerge.Options.defaults()))
                .hasMessageContaining("micro table is not sorted by ts: row 1");
        NumericTable clash = new NumericTable(List.of("ofi"), new long[] {0}, new double[][] {{1}});
        assertThatThrownBy(() -> MicroMacroMerge.merge(clash, clash, MicroMacroMerge.Options.defaults()))
                .hasMessageContaining("'ofi' is in both");
    }
}
