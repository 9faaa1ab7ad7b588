package org.eimas.micro.application.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.store.MacroSeries;
import org.eimas.micro.domain.store.MacroSeries.Observation;
import org.junit.jupiter.api.Test;

class FetchMacroTableTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void joinsTheSeriesOnTheirDatesAndPassesTheVintage() {
        List<String> calls = new ArrayList<>();
        FetchMacroTable uc = new FetchMacroTable((id, from, to, asOf) -> {
            calls.add(id + " " + from + ".." + to + " " + asOf.map(LocalDate::toString).orElse("latest"));
            if (id.equals("A")) {
                // a source that also returns a day outside the range: the use case trims it
                return new MacroSeries("A", List.of(new Observation(d("2023-12-29"), 0.5, false, null, null),
                        new Observation(d("2024-01-02"), 1.5, false, null, null),
                        new Observation(d("2024-01-03"), Double.NaN, true, null, null)));
            }
            return new MacroSeries("B", List.of(new Observation(d("2024-01-03"), 7.0, false, null, null)));
        });
        FetchMacroTable.Result r = uc.run(List.of("A", "B"), d("2024-01-01"), d("2024-01-31"), Optional.of(d("2024-02-01")));
        assertThat(calls).containsExactly("A 2024-01-01..2024-01-31 2024-02-01", "B 2024-01-01..2024-01-31 2024-02-01");
        NumericTable t = r.table();
        assertThat(t.columns()).containsExactly("A", "B");
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.ts(0)).isEqualTo(Instant.parse("2024-01-02T05:00:00Z").getEpochSecond() * 1_000_000_000L);
        assertThat(t.get(0, 0)).isEqualTo(1.5);
        assertThat(t.get(0, 1)).isNaN();
        assertThat(t.get(1, 0)).isNaN();
        assertThat(t.get(1, 1)).isEqualTo(7.0);
        assertThat(r.series().get(0).observations()).hasSize(2);
    }

    @Test
    void badRequestsAreRejectedBeforeAnyFetch() {
        FetchMacroTable uc = new FetchMacroTable((id, from, to, asOf) -> {
            throw new AssertionError("no fetch expected");
        });
        assertThatThrownBy(() -> uc.run(List.of(), d("2024-01-01"), d("2024-01-02"), Optional.empty()))
                .hasMessageContaining("no series");
        assertThatThrownBy(() -> uc.run(List.of("A"), d("2024-01-03"), d("2024-01-02"), Optional.empty()))
                .hasMessageContaining("is after");
        assertThatThrownBy(() -> uc.run(List.of("A", "A"), d("2024-01-01"), d("2024-01-02"), Optional.empty()))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> uc.run(List.of("A"), d("2024-01-01"), d("2024-01-02"), Optional.of(d("2023-12-31"))))
                .hasMessageContaining("before from");
    }
}
