package org.eimas.micro.domain.paths;

/** Severity of a critical-path check. */
public enum Severity {
    NONE, WARNING, CRITICAL
}
