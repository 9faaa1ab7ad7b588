package org.eimas.micro.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Settings of the dashboard server.
 *
 * @param host          interface to bind; loopback (127.0.0.1, ::1, localhost) needs no token, any other
 *                      address requires one
 * @param port          TCP port (0 picks a free one)
 * @param token         the access token checked on {@code /api} and {@code /events} (null: none); never
 *                      written to the page or a log
 * @param windowMinutes rolling window of the charts and of {@code /api/history}, in event-time minutes
 * @param clientQueue   capacity of each SSE client's queue before its oldest frames are dropped
 * @param maxClients    concurrent SSE clients accepted (more get 503)
 * @param keepAliveMillis an SSE comment is sent after this long without frames
 */
public record DashboardSettings(String host, int port, String token, double windowMinutes, int clientQueue,
                                int maxClients, long keepAliveMillis) {
    public DashboardSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (!(windowMinutes > 0)) {
            throw new IllegalArgumentException("--window-minutes must be positive, got " + windowMinutes);
        }
        if (clientQueue < 1 || maxClients < 1 || keepAliveMillis < 1) {
            throw new IllegalArgumentException("client queue, max clients and keep-alive must be positive");
        }
        if (token == null && !isLoopback(host)) {
            throw new IllegalArgumentException("binding the dashboard to " + host
                    + " (not loopback) requires a token: pass --token or set EIMAS_DASHBOARD_TOKEN");
        }
    }

    /** 127.0.0.1 on the given port, no token, 30-minute window, 256 frames per client, 256 clients. */
    public static DashboardSettings loopback(int port) {
        return new DashboardSettings("127.0.0.1", port, null, 30, 256, 256, 15_000);
    }

    public DashboardSettings withToken(String t) {
        return new DashboardSettings(host, port, t, windowMinutes, clientQueue, maxClients, keepAliveMillis);
    }

    public DashboardSettings withHost(String h) {
        return new DashboardSettings(h, port, token, windowMinutes, clientQueue, maxClients, keepAliveMillis);
    }

    public DashboardSettings withWindowMinutes(double m) {
        return new DashboardSettings(host, port, token, m, clientQueue, maxClients, keepAliveMillis);
    }

    public DashboardSettings withClientQueue(int q) {
        return new DashboardSettings(host, port, token, windowMinutes, q, maxClients, keepAliveMillis);
    }

    public DashboardSettings withMaxClients(int n) {
        return new DashboardSettings(host, port, token, windowMinutes, clientQueue, n, keepAliveMillis);
    }

    public long windowNanos() {
        return (long) (windowMinutes * 60e9);
    }

    /** True for names and literals of the loopback interface (resolved without DNS for literals). */
    static boolean isLoopback(String host) {
        String h = host.trim();
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a host name other than localhost: treat as non-loopback
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "DashboardSettings[host=" + host + ", port=" + port + ", token=" + (token == null ? "unset" : "set")
                + ", windowMinutes=" + windowMinutes + ", clientQueue=" + clientQueue + ", maxClients=" + maxClients + "]";
    }
}
