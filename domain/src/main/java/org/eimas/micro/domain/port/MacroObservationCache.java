package org.eimas.micro.domain.port;

import java.time.LocalDate;
import java.util.Optional;
import org.eimas.micro.domain.store.MacroSeries;

/**
 * Observations of daily macro series already fetched, so a second run needs no network. Rows are
 * (series, date, value, realtime_start, realtime_end); a vintage is either the latest data
 * ({@code asOf} empty) or the data known on {@code asOf} (ALFRED). The relational (jOOQ) store is
 * the intended home; a file-backed implementation exists in adapters-fred.
 */
public interface MacroObservationCache {
    /**
     * The cached observations of the series dated within [from, to] for this vintage, when a
     * previous {@link #store} covered the whole range; empty otherwise.
     */
    Optional<MacroSeries> find(String seriesId, LocalDate from, LocalDate to, Optional<LocalDate> asOf);

    /**
     * Records that {@code series} holds every observation of the series dated within [from, to]
     * for this vintage (an observation of the same date replaces the cached one).
     */
    void store(String seriesId, LocalDate from, LocalDate to, Optional<LocalDate> asOf, MacroSeries series);
}
