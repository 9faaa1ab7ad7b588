package org.eimas.micro.storage;

/**
 * A row refused by a {@link TickAppender} before anything of it was written: a price that is not
 * finite and non-negative, a time earlier than the symbol's previous row, a malformed book. The
 * appender's uncommitted batch is rolled back when it is closed. {@link #row()} is the 1-based
 * number of the row among those given to the appender, so a caller reading a file can name the line.
 */
public final class RejectedRowException extends IllegalArgumentException {
    private final long row;
    private final String reason;

    public RejectedRowException(long row, String reason) {
        super("row " + row + ": " + reason);
        this.row = row;
        this.reason = reason;
    }

    public long row() {
        return row;
    }

    public String reason() {
        return reason;
    }
}
