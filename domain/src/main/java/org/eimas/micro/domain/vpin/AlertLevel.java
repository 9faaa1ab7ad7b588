package org.eimas.micro.domain.vpin;

/** Crash-alert levels of the VPIN crash detector, each with the action the design guide asks for. */
public enum AlertLevel {
    NONE("", ""),
    ELEVATED("MONITOR_CLOSELY", "Elevated informed trading activity"),
    HIGH("TIGHTEN_STOPS", "High toxicity flow detected"),
    CRITICAL("REDUCE_EXPOSURE_IMMEDIATELY", "Extreme information asymmetry detected");

    private final String action;
    private final String message;

    AlertLevel(String action, String message) {
        this.action = action;
        this.message = message;
    }

    public String action() {
        return action;
    }

    public String message() {
        return message;
    }
}
