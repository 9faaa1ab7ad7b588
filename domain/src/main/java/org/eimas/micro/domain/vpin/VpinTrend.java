package org.eimas.micro.domain.vpin;

/** Direction of VPIN over the last k values (see {@link CrashDetector#trend()}). */
public enum VpinTrend {
    RISING, FALLING, STABLE
}
