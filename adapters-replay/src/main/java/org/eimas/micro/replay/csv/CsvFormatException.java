package org.eimas.micro.replay.csv;

/**
 * A canonical CSV file that cannot be read: names the file, the 1-based line and column, the
 * offending text and what was wrong.
 */
public final class CsvFormatException extends RuntimeException {
    private final String file;
    private final long line;
    private final int column;

    public CsvFormatException(String file, long line, int column, String text, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (line > 0 && column > 0 ? ":" + column : "") + ": " + problem
                + (text != null ? " (got '" + abbreviate(text) + "')" : ""));
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    public String file() {
        return file;
    }

    /** 1-based line number; the header is line 1. */
    public long line() {
        return line;
    }

    /** 1-based column number, 0 when the problem concerns the whole line. */
    public int column() {
        return column;
    }
}
