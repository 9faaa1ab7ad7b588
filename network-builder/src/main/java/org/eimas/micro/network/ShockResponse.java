package org.eimas.micro.network;

import java.util.List;

/**
 * Responses to a shock in one variable from a VAR on {@code variables} (in that order, which is the
 * Cholesky ordering of the orthogonalised responses). A response may be the shocked variable itself. {@code irf[h][r]} is the response of
 * {@code responses.get(r)} at step h = 0..horizon to a unit shock in {@code shock};
 * {@code orthIrf[h][r]} to a one-standard-deviation orthogonalised shock.
 */
public record ShockResponse(String shock, List<String> variables, List<String> responses, int lags, int nobs,
                            int horizon, double[][] irf, double[][] orthIrf, boolean stable) {
}
