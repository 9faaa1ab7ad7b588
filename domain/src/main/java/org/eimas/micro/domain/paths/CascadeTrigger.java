package org.eimas.micro.domain.paths;

/**
 * A triggered path-12 check with its inputs.
 *
 * @param ts            observation time
 * @param stress        the CRITICAL path-18 trigger it is linked to
 * @param depth         top-5 depth (bid + ask) observed
 * @param depthMedian   trailing median of the previous depth observations
 * @param depthFraction the collapse threshold: depth &lt; depthFraction x median
 * @param spreadZ       spread z-score (widening when above the threshold)
 * @param action        what to do
 * @param message       why
 */
public record CascadeTrigger(long ts, StressTrigger stress, double depth, double depthMedian, double depthFraction,
                             double spreadZ, String action, String message) {
}
