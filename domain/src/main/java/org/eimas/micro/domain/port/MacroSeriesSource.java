package org.eimas.micro.domain.port;

import java.time.LocalDate;
import java.util.Optional;
import org.eimas.micro.domain.store.MacroSeries;

/** Daily macro series (e.g. FRED's), point-in-time when {@code asOf} is given. */
public interface MacroSeriesSource {
    MacroSeries fetch(String seriesId, LocalDate from, LocalDate to, Optional<LocalDate> asOf);
}
