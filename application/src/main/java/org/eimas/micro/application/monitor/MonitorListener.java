package org.eimas.micro.application.monitor;

import org.eimas.micro.domain.market.ConnectionStatus;
import org.eimas.micro.domain.store.StoredAlert;

/**
 * Receives the monitor's output on its own dispatcher thread (never the feed's), so a slow listener
 * only loses its own oldest updates; see {@link RealtimeMonitor#addListener}.
 */
public interface MonitorListener {
    void onUpdate(MonitorUpdate update);

    default void onAlert(StoredAlert alert) {
    }

    default void onStatus(ConnectionStatus status, String detail) {
    }
}
