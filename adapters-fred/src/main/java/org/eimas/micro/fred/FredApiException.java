package org.eimas.micro.fred;

/** FRED refused or failed a request; the message names the series and never contains the API key. */
public final class FredApiException extends RuntimeException {
    private final String seriesId;
    private final int status;

    public FredApiException(String seriesId, int status, String message, Throwable cause) {
        super(message, cause);
        this.seriesId = seriesId;
        this.status = status;
    }

    public String seriesId() {
        return seriesId;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int status() {
        return status;
    }
}
