package org.advsharp.training;

import org.advsharp.data.Dataset;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.MarginLoss;

/**
 * The attack's norm ball, and all a sweep needs of it: its critical radius eps_c (at and above it w*(eps) = 0
 * exactly), the objective it trains, the trainer and the measurement at each trained radius.
 *
 * <pre>
 *   L2:   eps_c = ||mean(y x)||_2,    margins y w^T x - eps ||w||_2;  any margin loss ({@link #l2(MarginLoss)};
 *         eps_c is the same for every loss with l'(0) &lt; 0, prop:margin-loss-critical-radius);
 *         Newton, dense or truncated ({@link Solver}),
 *         first radius from {@link StartingPoint#leaveKink};  measured: lambda_max of H and of A, trace H, kappa
 *         ({@link SweepPoint} with its {@link PointSharpness})
 *   Linf: eps_c = ||mean(y x)||_inf,  margins y w^T x - eps ||w||_1;  orthant-wise truncated Newton
 *         ({@link OrthantNewtonTrainer}, matrix-free only), first radius from w = 0;  measured: lambda_max of the
 *         Hessian on the face {j : w*_j != 0} and the slack of the components at 0 ({@link FacePoint})
 * </pre>
 *
 * @param <P> the measured row of a radius
 */
public abstract sealed class Ball<P extends MeasuredRadius> permits Ball.Euclidean, Ball.MaxNorm {
    /** The L2 ball with the logistic loss, the paper's. */
    public static final Ball<SweepPoint> L2 = new Euclidean(MarginLoss.logistic());
    /** The L-infinity ball. */
    public static final Ball<FacePoint> LINF = new MaxNorm();

    private Ball() {
    }

    /** The L2 ball with the margin loss l ({@link #L2} for the logistic). */
    public static Ball<SweepPoint> l2(MarginLoss loss) {
        if (loss == null) {
            throw new IllegalArgumentException("the margin loss of the L2 ball is missing (null)");
        }
        return loss == MarginLoss.logistic() ? L2 : new Euclidean(loss);
    }

    /** Which objective a sweep of this ball trains, for reports ("L2 adversarial", "Linf adversarial"). */
    public abstract String kind();

    /** eps_c of this ball on the data. */
    public abstract double criticalRadius(Dataset data);

    /** eps_c as a formula, for messages. */
    public abstract String criticalRadiusFormula();

    /** The objective L_eps(w) + (lambda/2)||w||^2 of this ball, formed densely (the reference). */
    public abstract TrainingObjective objective(Dataset data, double epsilon, double lambda);

    /** The name of the trainer a measured sweep with {@code solver} uses. */
    public abstract String trainerName(Solver solver);

    /**
     * Trains and measures one radius of a measured sweep on {@code threads} threads (the numbers do not depend
     * on the count).
     *
     * @throws IllegalArgumentException for a solver this ball does not have
     */
    abstract EpsilonSweep.Step<P> measuredStep(Dataset data, double lambda, Solver solver, int threads);

    /** L2: the solver's Newton trainer; the first radius from the minimiser along mean(y x). */
    static final class Euclidean extends Ball<SweepPoint> {
        private final MarginLoss loss;

        private Euclidean(MarginLoss loss) {
            this.loss = loss;
        }

        /** "L2 adversarial" for the logistic loss (the paper's), "L2 adversarial NAME" for another. */
        @Override
        public String kind() {
            return loss == MarginLoss.logistic() ? "L2 adversarial" : "L2 adversarial " + loss.name();
        }

        @Override
        public double criticalRadius(Dataset data) {
            return CriticalRadius.of(data);
        }

        @Override
        public String criticalRadiusFormula() {
            return "||mean(y x)||";
        }

        @Override
        public TrainingObjective objective(Dataset data, double epsilon, double lambda) {
            return TrainingObjective.adversarial(data, loss, epsilon, lambda);
        }

        @Override
        public String trainerName(Solver solver) {
            return solver == Solver.DENSE ? new NewtonTrainer().name() : new MatrixFreeNewtonTrainer().name();
        }

        @Override
        EpsilonSweep.Step<SweepPoint> measuredStep(Dataset data, double lambda, Solver solver, int threads) {
            if (solver == Solver.DENSE) {
                return EpsilonSweep.trainedStep(e -> objective(data, e, lambda), new NewtonTrainer(),
                        (objective, w) -> PointSharpness.dense(data, loss, objective.epsilon(), w));
            }
            AdversarialKernel base = new AdversarialKernel(data, loss, 0.0, lambda, threads);
            return EpsilonSweep.matrixFreeStep(e -> new KernelObjective(objective(data, e, lambda), base.atEpsilon(e)));
        }
    }

    /** L-infinity: orthant-wise truncated Newton from w = 0 (no kink problem at the start), measured on the face. */
    static final class MaxNorm extends Ball<FacePoint> {
        @Override
        public String kind() {
            return "Linf adversarial";
        }

        @Override
        public double criticalRadius(Dataset data) {
            double worst = 0;
            for (double v : CriticalRadius.meanSignedInput(data)) {
                worst = Math.max(worst, Math.abs(v));
            }
            return worst;
        }

        @Override
        public String criticalRadiusFormula() {
            return "||mean(y x)||_inf";
        }

        @Override
        public TrainingObjective objective(Dataset data, double epsilon, double lambda) {
            return TrainingObjective.linf(data, epsilon, lambda);
        }

        @Override
        public String trainerName(Solver solver) {
            return new OrthantNewtonTrainer().name();
        }

        @Override
        EpsilonSweep.Step<FacePoint> measuredStep(Dataset data, double lambda, Solver solver, int threads) {
            if (solver == Solver.DENSE) {
                throw new IllegalArgumentException("the Linf sweep has one solver (orthant-wise truncated Newton, "
                        + "matrix-free)");
            }
            LinfKernel base = new LinfKernel(data, 0.0, lambda, threads);
            OrthantNewtonTrainer trainer = new OrthantNewtonTrainer();
            int d = data.dimension();
            return (eps, ratio, start) -> {
                LinfKernel kernel = base.atEpsilon(eps);
                return FacePoint.measure(kernel, ratio, trainer.train(kernel, start == null ? new double[d] : start));
            };
        }
    }
}
