package org.eimas.micro.network;

import java.util.List;

/**
 * All pairwise Granger tests of a set of series. Index [i][j] is about "variables[j] Granger-causes
 * variables[i]": {@code pValue} the smallest p-value over lags 1..maxlag, {@code lag} the lag that
 * attained it, {@code f} its F statistic, {@code weight} the sum of j's lag coefficients in i's
 * unrestricted regression at that lag. NaN (lag 0) on the diagonal and for pairs listed in
 * {@code errors}.
 */
public record GrangerMatrix(List<String> variables, int maxlag, double[][] pValue, int[][] lag, double[][] f,
                            double[][] weight, List<String> errors) {
}
