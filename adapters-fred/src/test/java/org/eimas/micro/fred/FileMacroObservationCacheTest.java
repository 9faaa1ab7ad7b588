package org.eimas.micro.fred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eimas.micro.domain.macro.CachingMacroSeriesSource;
import org.eimas.micro.domain.port.MacroSeriesSource;
import org.eimas.micro.domain.store.MacroSeries;
import org.eimas.micro.domain.store.MacroSeries.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMacroObservationCacheTest {
    @TempDir
    Path dir;

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static MacroSeries daily(String id, String from, String to, double base) {
        List<Observation> o = new ArrayList<>();
        for (LocalDate x = d(from); !x.isAfter(d(to)); x = x.plusDays(1)) {
            boolean missing = x.getDayOfMonth() == 3;
            o.add(new Observation(x, missing ? Double.NaN : base + x.getDayOfMonth(), missing, d("2024-11-25"),
                    d("2024-11-25")));
        }
        return new MacroSeries(id, o);
    }

    @Test
    void roundTripsExactlyIncludingMissingAndRealtime() throws Exception {
        FileMacroObservationCache c = new FileMacroObservationCache(dir);
        MacroSeries s = daily("VIXCLS", "2024-01-01", "2024-01-10", 0.1);
        assertThat(c.find("VIXCLS", d("2024-01-01"), d("2024-01-10"), Optional.empty())).isEmpty();
        c.store("VIXCLS", d("2024-01-01"), d("2024-01-10"), Optional.empty(), s);
        MacroSeries back = new FileMacroObservationCache(dir)
                .find("VIXCLS", d("2024-01-01"), d("2024-01-10"), Optional.empty()).orElseThrow();
        assertThat(back.observations()).hasSize(10);
        for (int i = 0; i < 10; i++) {
            Observation a = s.observations().get(i);
            Observation b = back.observations().get(i);
            assertThat(b.date()).isEqualTo(a.date());
            assertThat(b.missing()).isEqualTo(a.missing());
            assertThat(Double.compare(b.value(), a.value())).isZero();
            assertThat(b.realtimeStart()).isEqualTo(a.realtimeStart());
        }
        // a sub-range is served, a range reaching outside is not
        assertThat(c.find("VIXCLS", d("2024-01-04"), d("2024-01-05"), Optional.empty()).orElseThrow().observations())
                .extracting(Observation::date).containsExactly(d("2024-01-04"), d("2024-01-05"));
        assertThat(c.find("VIXCLS", d("2024-01-04"), d("2024-01-11"), Optional.empty())).isEmpty();
        // vintages are separate
        assertThat(c.find("VIXCLS", d("2024-01-04"), d("2024-01-05"), Optional.of(d("2024-06-01")))).isEmpty();
        assertThat(Files.readString(dir.resolve("VIXCLS@latest.csv")))
                .startsWith("series,date,value,realtime_start,realtime_end\nVIXCLS,2024-01-01,1.1,2024-11-25,2024-11-25\n")
                .contains("VIXCLS,2024-01-03,.,2024-11-25,2024-11-25\n");
    }

    @Test
    void adjacentRangesMergeAndNewFetchesReplaceTheirRange() {
        FileMacroObservationCache c = new FileMacroObservationCache(dir);
        c.store("DGS10", d("2024-01-01"), d("2024-01-10"), Optional.empty(), daily("DGS10", "2024-01-01", "2024-01-10", 0));
        c.store("DGS10", d("2024-01-11"), d("2024-01-20"), Optional.empty(), daily("DGS10", "2024-01-11", "2024-01-20", 0));
        assertThat(c.find("DGS10", d("2024-01-05"), d("2024-01-15"), Optional.empty()).orElseThrow().observations()).hasSize(11);
        // a revision of 2024-01-05..06 where the 6th no longer exists
        c.store("DGS10", d("2024-01-05"), d("2024-01-06"), Optional.empty(), new MacroSeries("DGS10",
                List.of(new Observation(d("2024-01-05"), 99.0, false, null, null))));
        List<Observation> o = c.find("DGS10", d("2024-01-04"), d("2024-01-07"), Optional.empty()).orElseThrow().observations();
        assertThat(o).extracting(Observation::date).containsExactly(d("2024-01-04"), d("2024-01-05"), d("2024-01-07"));
        assertThat(o.get(1).value()).isEqualTo(99.0);
        assertThat(o.get(1).realtimeStart()).isNull();
        List<LocalDate[]> merged = FileMacroObservationCache.merge(List.of(new LocalDate[] {d("2024-02-01"), d("2024-02-03")},
                new LocalDate[] {d("2024-01-01"), d("2024-01-31")}, new LocalDate[] {d("2024-02-05"), d("2024-02-06")}));
        assertThat(merged).hasSize(2);
        assertThat(merged.get(0)).containsExactly(d("2024-01-01"), d("2024-02-03"));
    }

    @Test
    void corruptFilesAreNamed() throws Exception {
        FileMacroObservationCache c = new FileMacroObservationCache(dir);
        c.store("DGS2", d("2024-01-01"), d("2024-01-02"), Optional.empty(), daily("DGS2", "2024-01-01", "2024-01-02", 0));
        Path f = dir.resolve("DGS2@latest.csv");
        Files.writeString(f, "series,date,value,realtime_start,realtime_end\nDGS2,2024-01-01,abc,,\n");
        assertThatThrownBy(() -> c.find("DGS2", d("2024-01-01"), d("2024-01-02"), Optional.empty()))
                .hasMessageContaining(f + ":2: corrupt macro cache file");
        assertThatThrownBy(() -> c.find("../etc", d("2024-01-01"), d("2024-01-02"), Optional.empty()))
                .hasMessageContaining("not a FRED series id");
    }

    /** FredModule wires FRED behind the cache: the second fetch makes no request. */
    @Test
    void fredModuleServesTheSecondRunFromTheCache() throws Exception {
        try (FakeFredServer server = new FakeFredServer()) {
            FredSettings s = FredSettings.of(server.baseUrl(), FakeFredServer.KEY);
            Injector inj = Guice.createInjector(new FredModule(s, dir.resolve("cache"), false));
            MacroSeriesSource src = inj.getInstance(MacroSeriesSource.class);
            assertThat(src).isInstanceOf(CachingMacroSeriesSource.class).isSameAs(inj.getInstance(MacroSeriesSource.class));
            MacroSeries first = src.fetch("VIXCLS", d("2024-01-01"), d("2024-01-31"), Optional.empty());
            assertThat(server.requests).hasSize(1);
            Injector again = Guice.createInjector(new FredModule(s, dir.resolve("cache"), false));
            MacroSeries second = again.getInstance(MacroSeriesSource.class)
                    .fetch("VIXCLS", d("2024-01-02"), d("2024-01-05"), Optional.empty());
            assertThat(server.requests).hasSize(1);
            assertThat(second.observations()).hasSize(4);
            assertThat(second.observations().get(2).missing()).isTrue();
            assertThat(second.observations().get(0)).isEqualTo(first.observations().get(0));
            MacroSeriesSource direct = Guice.createInjector(new FredModule(s, null, false)).getInstance(MacroSeriesSource.class);
            assertThat(direct).isInstanceOf(FredMacroSeriesSource.class);
        }
    }
}
