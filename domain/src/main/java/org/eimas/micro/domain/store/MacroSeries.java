package org.eimas.micro.domain.store;

import java.time.LocalDate;
import java.util.List;

/** A daily series; a missing observation has {@code value} NaN and {@code missing} true. */
public record MacroSeries(String id, List<Observation> observations) {
    public MacroSeries {
        observations = List.copyOf(observations);
    }

    public record Observation(LocalDate date, double value, boolean missing, LocalDate realtimeStart,
                              LocalDate realtimeEnd) {
    }
}
