package org.eimas.micro.domain.macro;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.eimas.micro.domain.port.MacroObservationCache;
import org.eimas.micro.domain.port.MacroSeriesSource;
import org.eimas.micro.domain.store.MacroSeries;

/**
 * A {@link MacroSeriesSource} that answers from a {@link MacroObservationCache} when it covers the
 * request and otherwise asks the upstream source and stores what it returned. With
 * {@code refresh} the cache is never read, only written (to pick up revisions of the latest data).
 */
public final class CachingMacroSeriesSource implements MacroSeriesSource {
    private final MacroSeriesSource upstream;
    private final MacroObservationCache cache;
    private final boolean refresh;
    private long hits;
    private long misses;

    public CachingMacroSeriesSource(MacroSeriesSource upstream, MacroObservationCache cache, boolean refresh) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.refresh = refresh;
    }

    @Override
    public synchronized MacroSeries fetch(String seriesId, LocalDate from, LocalDate to, Optional<LocalDate> asOf) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("series " + seriesId + ": from " + from + " is after to " + to);
        }
        if (!refresh) {
            Optional<MacroSeries> cached = cache.find(seriesId, from, to, asOf);
            if (cached.isPresent()) {
                hits++;
                return cached.get();
            }
        }
        misses++;
        MacroSeries fetched = upstream.fetch(seriesId, from, to, asOf);
        cache.store(seriesId, from, to, asOf, fetched);
        return fetched;
    }

    /** Requests answered from the cache. */
    public synchronized long cacheHits() {
        return hits;
    }

    /** Requests passed to the upstream source. */
    public synchronized long upstreamFetches() {
        return misses;
    }
}
