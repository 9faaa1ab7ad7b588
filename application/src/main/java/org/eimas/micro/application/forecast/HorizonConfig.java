package org.eimas.micro.application.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Intraday horizons from a YAML file shaped like the seed's {@code configs/horizon_config.yaml} (section 10.1):
 * {@code horizons.intraday.intervals} is a list of {@code {name, seconds, min_observations}}; the daily horizons and
 * other keys of that file are ignored here.
 */
public record HorizonConfig(List<Interval> intervals) {
    public HorizonConfig {
        intervals = List.copyOf(intervals);
    }

    /** One intraday horizon: bar length and the fewest complete rows a model may be trained on. */
    public record Interval(String name, long seconds, int minObservations) {
        public Interval {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("horizon name must not be empty");
            }
            if (seconds <= 0) {
                throw new IllegalArgumentException("horizon " + name + ": seconds must be > 0, got " + seconds);
            }
            if (minObservations < 1) {
                throw new IllegalArgumentException("horizon " + name + ": min_observations must be >= 1, got "
                        + minObservations);
            }
        }

        public long barNs() {
            return seconds * 1_000_000_000L;
        }
    }

    /** The seed's values: 1min (60 s, 1000 rows), 5min (300 s, 500 rows), 15min (900 s, 200 rows). */
    public static HorizonConfig seedDefaults() {
        return new HorizonConfig(List.of(new Interval("1min", 60, 1000), new Interval("5min", 300, 500),
                new Interval("15min", 900, 200)));
    }

    public Interval interval(String name) {
        for (Interval i : intervals) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no intraday horizon '" + name + "'; configured: "
                + intervals.stream().map(Interval::name).toList());
    }

    public static HorizonConfig load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read horizon config " + file + ": " + e.getMessage(), e);
        }
    }

    public static HorizonConfig parse(String yaml, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage().split("\n")[0], e);
        }
        JsonNode list = root == null ? null : root.path("horizons").path("intraday").path("intervals");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(source + ": no horizons.intraday.intervals list");
        }
        JsonNode enabled = root.path("horizons").path("intraday").path("enabled");
        if (enabled.isBoolean() && !enabled.asBoolean()) {
            throw new IllegalArgumentException(source + ": horizons.intraday.enabled is false");
        }
        List<Interval> out = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            JsonNode i = list.get(k);
            String where = source + ": horizons.intraday.intervals[" + k + "]";
            if (!i.path("name").isTextual() || !i.path("seconds").canConvertToLong()
                    || !i.path("min_observations").canConvertToInt()) {
                throw new IllegalArgumentException(where + " needs name (text), seconds and min_observations (integers),"
                        + " got " + i);
            }
            try {
                out.add(new Interval(i.get("name").asText(), i.get("seconds").asLong(), i.get("min_observations").asInt()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return new HorizonConfig(out);
    }
}
