package org.eimas.micro.storage;

/** Another process holds the embedded data directory. */
public final class DataDirInUseException extends IllegalStateException {
    public DataDirInUseException(String message) {
        super(message);
    }
}
