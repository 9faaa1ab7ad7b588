package org.eimas.micro.domain.port;

import java.util.List;
import org.eimas.micro.domain.store.StoredAlert;

/** Crash-detector and critical-path alerts with the inputs that triggered them. */
public interface AlertStore {
    long save(StoredAlert alert);

    /** Alerts with ts >= sinceNs, oldest first. */
    List<StoredAlert> since(long sinceNs);
}
