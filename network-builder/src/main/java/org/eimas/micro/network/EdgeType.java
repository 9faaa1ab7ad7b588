package org.eimas.micro.network;

/** The kinds of edge in the extended economic network; {@link #wireName()} is the public name. */
public enum EdgeType {
    MICRO_TO_RETURN("micro_to_return"),
    MICRO_TO_MICRO("micro_to_micro"),
    MACRO_TO_MICRO("macro_to_micro");

    private final String wireName;

    EdgeType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
