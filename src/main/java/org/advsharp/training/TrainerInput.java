package org.advsharp.training;

import org.advsharp.numerics.Vectors;

/**
 * Validation of a trainer's starting point, with messages that name the problem, and the one rule that
 * keeps descent away from the kink at w = 0: for eps > 0, a start with F(start) >= F(0) is replaced by
 * {@link StartingPoint#leaveKink}, which has F < F(0). A monotone method started below F(0) never
 * approaches 0, because the sublevel set {F <= F(start)} is closed and does not contain 0. (Without the
 * rule, a warm start taken from a much smaller eps can have F above F(0) near eps_c, and a line search
 * may then land next to the kink, where kappa ~ eps/(2||w||) explodes and Newton stalls.)
 */
final class TrainerInput {
    private TrainerInput() {
    }

    static double[] start(TrainingObjective objective, double[] start) {
        if (objective == null) {
            throw new IllegalArgumentException("training objective is missing (null)");
        }
        if (start == null || start.length != objective.data().dimension()) {
            throw new IllegalArgumentException("start has " + (start == null ? "no" : start.length)
                    + " entries but the data have d = " + objective.data().dimension());
        }
        for (int j = 0; j < start.length; j++) {
            if (!Double.isFinite(start[j])) {
                throw new IllegalArgumentException("start[" + j + "] is " + start[j] + "; it must be finite");
            }
        }
        if (Vectors.isZero(start) && objective.epsilon() > 0) {
            throw new IllegalArgumentException("start is w = 0, a kink of the objective for eps > 0 (the gradient "
                    + "does not exist there); start from StartingPoint.leaveKink or a nonzero w");
        }
        if (objective.epsilon() > 0) {
            double atZero = objective.value(new double[start.length]);
            if (!(objective.value(start) < atZero)) {
                return StartingPoint.leaveKink(objective);
            }
        }
        return start.clone();
    }

    /**
     * Why a trainer stops at step k with gradient norm gn, or null to go on: the gradient norm reached
     * the tolerance, or the step budget is spent.
     */
    static String stopReason(int k, double gn, double gradientTolerance, int maxIterations) {
        if (gn <= gradientTolerance) {
            return "gradient norm " + gn + " <= tolerance " + gradientTolerance + " after " + k + " steps";
        }
        if (k == maxIterations) {
            return "iteration limit " + maxIterations + " reached at gradient norm " + gn;
        }
        return null;
    }
}
