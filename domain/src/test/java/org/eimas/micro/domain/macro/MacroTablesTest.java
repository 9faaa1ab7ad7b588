package org.eimas.micro.domain.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.store.MacroSeries;
import org.eimas.micro.domain.store.MacroSeries.Observation;
import org.junit.jupiter.api.Test;

class MacroTablesTest {
    private static Observation o(String d, double v) {
        return new Observation(LocalDate.parse(d), v, false, null, null);
    }

    private static long utc(String iso) {
        return Instant.parse(iso).getEpochSecond() * 1_000_000_000L;
    }

    @Test
    void unionOfDatesIndexedByNewYorkMidnightWithMissingAsNaN() {
        MacroSeries vix = new MacroSeries("VIXCLS", List.of(o("2024-01-02", 13.2), o("2024-07-03", 12.0)));
        MacroSeries dgs = new MacroSeries("DGS10", List.of(o("2024-01-02", 3.95),
                new Observation(LocalDate.parse("2024-01-03"), Double.NaN, true, null, null)));
        NumericTable t = MacroTables.byDate(List.of(vix, dgs));
        assertThat(t.columns()).containsExactly("VIXCLS", "DGS10");
        assertThat(t.rows()).isEqualTo(3);
        assertThat(t.ts(0)).isEqualTo(utc("2024-01-02T05:00:00Z")); // EST
        assertThat(t.ts(1)).isEqualTo(utc("2024-01-03T05:00:00Z"));
        assertThat(t.ts(2)).isEqualTo(utc("2024-07-03T04:00:00Z")); // EDT
        assertThat(t.get(0, 0)).isEqualTo(13.2);
        assertThat(t.get(0, 1)).isEqualTo(3.95);
        assertThat(t.get(1, 0)).isNaN();
        assertThat(t.get(1, 1)).isNaN();
        assertThat(t.get(2, 1)).isNaN();
        assertThat(MacroAvailability.dateOfNewYorkMidnight(t.ts(2))).isEqualTo("2024-07-03");
    }

    @Test
    void duplicatesAreErrors() {
        MacroSeries a = new MacroSeries("A", List.of(o("2024-01-02", 1), o("2024-01-02", 2)));
        assertThatThrownBy(() -> MacroTables.byDate(List.of(a))).hasMessageContaining("A has two observations dated 2024-01-02");
        MacroSeries b = new MacroSeries("B", List.of(o("2024-01-02", 1)));
        assertThatThrownBy(() -> MacroTables.byDate(List.of(b, b))).hasMessageContaining("B given twice");
    }

    @Test
    void betweenFiltersInclusive() {
        MacroSeries a = new MacroSeries("A", List.of(o("2024-01-02", 1), o("2024-01-03", 2), o("2024-01-04", 3)));
        assertThat(MacroTables.between(a, LocalDate.parse("2024-01-03"), LocalDate.parse("2024-01-04")).observations())
                .extracting(Observation::value).containsExactly(2.0, 3.0);
    }
}
