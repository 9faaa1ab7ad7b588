package org.eimas.micro.domain.market;

/** Order-level event kinds (LOBSTER's message types 1-7 map onto these). */
public enum OrderEventType {
    /** A new limit order (LOBSTER 1). */
    NEW,
    /** A partial cancellation: {@code size} shares removed (LOBSTER 2). */
    CANCEL,
    /** A full deletion of the remaining order (LOBSTER 3). */
    DELETE,
    /** A change of price or size of a resting order. */
    MODIFY,
    /** Execution of a visible limit order (LOBSTER 4). */
    EXECUTION,
    /** Execution against hidden liquidity (LOBSTER 5). */
    HIDDEN_EXECUTION,
    /** A cross / auction trade (LOBSTER 6). */
    CROSS,
    /** Trading halt or resume indicator (LOBSTER 7). */
    HALT;

    public boolean isExecution() {
        return this == EXECUTION || this == HIDDEN_EXECUTION || this == CROSS;
    }
}
