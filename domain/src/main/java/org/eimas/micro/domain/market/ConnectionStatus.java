package org.eimas.micro.domain.market;

/** States a live feed reports to its listener. */
public enum ConnectionStatus {
    CONNECTING, CONNECTED, AUTHENTICATED, SUBSCRIBED, DISCONNECTED, RECONNECTING, CLOSED, FAILED
}
