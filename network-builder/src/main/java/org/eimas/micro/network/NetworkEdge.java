package org.eimas.micro.network;

/**
 * A tested Granger link "source Granger-causes target". {@code pValue} is the smallest ssr F-test
 * p-value over lags 1..maxlag, attained at {@code lag} with statistic {@code f}; {@code weight} is the
 * sum of the source's lag coefficients in the target's unrestricted regression at that lag (the
 * short-run cumulative effect of a unit change in the source); {@code qValue} is the
 * Benjamini-Hochberg adjusted p-value over all tests of the run (NaN when no correction was asked).
 */
public record NetworkEdge(String source, String target, EdgeType type, double weight, double pValue,
                          double qValue, int lag, double f) {
}
