package org.eimas.micro.replay.lobster;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a LOBSTER file name says: {@code TICKER_YYYY-MM-DD_start_end_message_N.csv} (or
 * {@code _orderbook_N}), with start and end in milliseconds after midnight New York time and N
 * the number of book levels. {@code .gz} is accepted after {@code .csv}.
 */
public record LobsterFileName(String ticker, LocalDate date, long startMs, long endMs, String kind, int levels) {
    private static final Pattern NAME = Pattern.compile(
            "^(.+)_(\\d{4}-\\d{2}-\\d{2})_(\\d+)_(\\d+)_(message|orderbook)_(\\d+)\\.csv(\\.gz)?$");

    public static LobsterFileName parse(Path file) {
        String name = file.getFileName().toString();
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException(file + ": not a LOBSTER file name; expected "
                    + "TICKER_YYYY-MM-DD_start_end_message_N.csv (or _orderbook_N.csv)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(m.group(2));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": bad date '" + m.group(2) + "' in the file name");
        }
        int levels = Integer.parseInt(m.group(6));
        if (levels < 1) {
            throw new IllegalArgumentException(file + ": the file name gives " + levels + " levels, need at least 1");
        }
        return new LobsterFileName(m.group(1), date, Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), m.group(5),
                levels);
    }

    /** The matching file of the other kind in the same directory. */
    public Path sibling(Path file, String otherKind) {
        String name = file.getFileName().toString();
        int at = name.lastIndexOf("_" + kind + "_");
        String other = name.substring(0, at) + "_" + otherKind + "_" + name.substring(at + kind.length() + 2);
        return file.resolveSibling(other);
    }
}
