package org.eimas.micro.domain.hawkes;

/**
 * A maximum-likelihood fit: parameters, log-likelihood at the optimum, and the time-rescaling goodness of fit
 * (Kolmogorov-Smirnov distance of the compensator increments from Exp(1) and its asymptotic p-value, which is
 * optimistic because the parameters were estimated on the same events).
 */
public record HawkesFit(HawkesParameters parameters, double logLikelihood, double ksStatistic, double ksPValue,
                        int events, double horizon, int likelihoodEvaluations) {

    public double mu() {
        return parameters.mu();
    }

    public double alpha() {
        return parameters.alpha();
    }

    public double beta() {
        return parameters.beta();
    }

    public double branchingRatio() {
        return parameters.branchingRatio();
    }
}
