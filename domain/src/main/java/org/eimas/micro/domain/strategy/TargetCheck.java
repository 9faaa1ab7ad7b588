package org.eimas.micro.domain.strategy;

import java.util.List;

/**
 * One of the seed's performance targets, reported as a measured value with PASS/FAIL; never asserted.
 * The seed's section 11.1 and 5 targets: Sharpe > 2, win rate > 65 %, max drawdown < 1.5 %,
 * 5-minute R² >= 0.65, OFI direction accuracy >= 60 %.
 */
public record TargetCheck(String name, double measured, String comparison, double target) {
    public boolean pass() {
        if (Double.isNaN(measured)) {
            return false;
        }
        return switch (comparison) {
            case ">" -> measured > target;
            case ">=" -> measured >= target;
            case "<" -> measured < target;
            case "<=" -> measured <= target;
            default -> throw new IllegalStateException("unknown comparison " + comparison);
        };
    }

    public String verdict() {
        return Double.isNaN(measured) ? "N/A" : pass() ? "PASS" : "FAIL";
    }

    public static List<TargetCheck> seedTargets(double sharpe, double winRate, double maxDrawdown, double r2FiveMinute,
                                                double ofiDirectionAccuracy) {
        return List.of(
                new TargetCheck("sharpe", sharpe, ">", 2.0),
                new TargetCheck("win_rate", winRate, ">", 0.65),
                new TargetCheck("max_drawdown", maxDrawdown, "<", 0.015),
                new TargetCheck("r2_5min", r2FiveMinute, ">=", 0.65),
                new TargetCheck("ofi_direction_accuracy", ofiDirectionAccuracy, ">=", 0.60));
    }
}
