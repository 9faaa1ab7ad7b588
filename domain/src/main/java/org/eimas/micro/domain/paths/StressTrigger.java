package org.eimas.micro.domain.paths;

/**
 * A triggered path-18 check with every input it used.
 *
 * @param ts              observation time
 * @param severity        WARNING (VPIN or OFI triggered) or CRITICAL (both)
 * @param vpin            VPIN used (NaN when none yet)
 * @param ofi             the OFI observation
 * @param ofiZ            its z-score over the last observations (NaN before enough)
 * @param spread          the spread observation
 * @param spreadZ         its z-score
 * @param vpinTriggered   VPIN above its threshold
 * @param ofiTriggered    |OFI z| above its threshold
 * @param spreadTriggered spread z above its threshold
 * @param action          the design guide's action for the severity
 * @param message         the design guide's message
 * @param linkedPath      12 when CRITICAL (check the liquidity cascade), else 0
 */
public record StressTrigger(long ts, Severity severity, double vpin, double ofi, double ofiZ, double spread, double spreadZ,
                            boolean vpinTriggered, boolean ofiTriggered, boolean spreadTriggered, String action,
                            String message, int linkedPath) {
}
