package org.eimas.micro.domain.macro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eimas.micro.domain.port.MacroObservationCache;
import org.eimas.micro.domain.port.MacroSeriesSource;
import org.eimas.micro.domain.store.MacroSeries;
import org.junit.jupiter.api.Test;

class CachingMacroSeriesSourceTest {
    /** Upstream that makes one observation per day with value = day of month (+ 100 for a vintage). */
    static final class CountingUpstream implements MacroSeriesSource {
        int calls;

        @Override
        public MacroSeries fetch(String id, LocalDate from, LocalDate to, Optional<LocalDate> asOf) {
            calls++;
            List<MacroSeries.Observation> obs = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                obs.add(new MacroSeries.Observation(d, d.getDayOfMonth() + (asOf.isPresent() ? 100 : 0), false, d, d));
            }
            return new MacroSeries(id, obs);
        }
    }

    /** Exact-range memory cache (ranges are not merged): enough to test the decorator. */
    static final class MemoryCache implements MacroObservationCache {
        final Map<String, MacroSeries> map = new HashMap<>();

        private static String key(String id, LocalDate from, LocalDate to, Optional<LocalDate> asOf) {
            return id + "|" + from + "|" + to + "|" + asOf.map(LocalDate::toString).orElse("latest");
        }

        @Override
        public Optional<MacroSeries> find(String id, LocalDate from, LocalDate to, Optional<LocalDate> asOf) {
            return Optional.ofNullable(map.get(key(id, from, to, asOf)));
        }

        @Override
        public void store(String id, LocalDate from, LocalDate to, Optional<LocalDate> asOf, MacroSeries s) {
            map.put(key(id, from, to, asOf), s);
        }
    }

    @Test
    void secondRunIsServedFromTheCacheAndVintagesAreKeptApart() {
        CountingUpstream up = new CountingUpstream();
        CachingMacroSeriesSource src = new CachingMacroSeriesSource(up, new MemoryCache(), false);
        LocalDate a = LocalDate.parse("2024-01-02");
        LocalDate b = LocalDate.parse("2024-01-05");
        MacroSeries first = src.fetch("DGS10", a, b, Optional.empty());
        MacroSeries second = src.fetch("DGS10", a, b, Optional.empty());
        assertThat(up.calls).isEqualTo(1);
        assertThat(second).isEqualTo(first);
        assertThat(src.cacheHits()).isEqualTo(1);
        MacroSeries vintage = src.fetch("DGS10", a, b, Optional.of(LocalDate.parse("2024-02-01")));
        assertThat(up.calls).isEqualTo(2);
        assertThat(vintage.observations().get(0).value()).isEqualTo(102.0);
        assertThat(src.upstreamFetches()).isEqualTo(2);
    }

    @Test
    void refreshAlwaysAsksUpstreamButStillStores() {
        CountingUpstream up = new CountingUpstream();
        MemoryCache cache = new MemoryCache();
        CachingMacroSeriesSource refresh = new CachingMacroSeriesSource(up, cache, true);
        LocalDate a = LocalDate.parse("2024-01-02");
        refresh.fetch("X", a, a, Optional.empty());
        refresh.fetch("X", a, a, Optional.empty());
        assertThat(up.calls).isEqualTo(2);
        assertThat(cache.map).hasSize(1);
        new CachingMacroSeriesSource(up, cache, false).fetch("X", a, a, Optional.empty());
        assertThat(up.calls).isEqualTo(2);
    }
}
