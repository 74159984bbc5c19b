package org.advsharp.checks.training;

import static org.advsharp.checks.training.TrainingFigures.DIGITS;

import java.util.ArrayList;
import java.util.List;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.Figures;
import org.advsharp.checks.problems.DataRadius;
import org.advsharp.data.BundledData;
import org.advsharp.data.Dataset;
import org.advsharp.data.LinearSeparability;
import org.advsharp.data.SyntheticRegime;
import org.advsharp.numerics.SymmetricEigenSolvers;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.training.NewtonTrainer;
import org.advsharp.training.NoFiniteMinimiserException;
import org.advsharp.training.TrainingObjective;
import org.advsharp.training.TrainingResult;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * prop:separable-divergence, two checks: on strictly separable data with eps = 0 and lambda = 0, gradient
 * descent with step 1/L drives the loss to 0 while ||w_k|| grows without bound and the Hessian flattens
 * (lambda_max(H(w_k)) -> 0) ({@link GradientDescentDiverges}); Newton refuses with a certificate and weight
 * decay restores a finite minimiser ({@link NoMinimiserCertified}).
 */
final class SeparableDivergence {
    static final String CLAIM = "prop:separable-divergence";
    /** Random separable data sets each check runs besides digits 0 vs 1 (its declared budget). */
    private static final int RANDOM_PROBLEMS = 4;

    private SeparableDivergence() {
    }

    /** The random separable data sets k = 0, 1, ..., count - 1 (d = 3 + k), then the fixed digits 0 vs 1. */
    private static List<TrainedProblem> separableProblems(long seed, int count) {
        List<TrainedProblem> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(new TrainedProblem("separable", SyntheticRegime.SEPARABLE.generate(seed + k, 40 + 10 * k, 3 + k), 0));
        }
        out.add(new TrainedProblem("digits 0 vs 1", BundledData.digits0vs1(), 0));
        return out;
    }

    /**
     * Gradient descent with step 1/L at eps = lambda = 0 on the separable data sets: the loss falls strictly,
     * lambda_max(H(w_k)) <= R^2 L(w_k), and the proved lower bound on ||w_k|| is positive and grows.
     */
    static final class GradientDescentDiverges implements Check {
        private static final int[] CHECKPOINTS = {10, 100, 1000, 10000};
        /**
         * Relative rounding allowed on the two proved bounds: both sides are sums of N positive terms computed
         * to about 1e-15 relative; 1e-12 covers that and nothing a broken bound could hide in.
         */
        static final double BOUND_ROUNDING = 1e-12;

        @Override
        public String id() {
            return "gradient-descent-diverges-on-separable-data";
        }

        @Override
        public String claimId() {
            return CLAIM;
        }

        @Override
        public String title() {
            return "eps = 0, lambda = 0, separable data: along gradient descent loss -> 0, ||w|| grows, "
                    + "lambda_max(H) -> 0";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            long seed = context.seed();
            evidence.seed(new SeedRecord("separable regime data sets", seed, context.replayCommand()));
            int monotoneNorm = 0;
            int monotoneLoss = 0;
            int monotoneTop = 0;
            double worstTopBound = 0;
            double worstNormBound = 0;
            int normBoundGrows = 0;
            int separable = 0;
            List<TrainedProblem> problems = separableProblems(seed, context.tries(RANDOM_PROBLEMS));
            List<Series.Line> normLines = new ArrayList<>();
            List<Series.Line> topLines = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            for (TrainedProblem problem : problems) {
                Dataset data = problem.data();
                if (LinearSeparability.of(data).separable()) {
                    separable++;
                }
                AdversarialLoss loss = new AdversarialLoss(data, 0.0);
                double step = 1.0 / smoothness(data);
                double[] w = new double[data.dimension()];
                double[] norms = new double[CHECKPOINTS.length];
                double[] values = new double[CHECKPOINTS.length];
                double[] tops = new double[CHECKPOINTS.length];
                double[] ks = new double[CHECKPOINTS.length];
                double[] bounds = new double[CHECKPOINTS.length];
                int c = 0;
                for (int k = 1; k <= CHECKPOINTS[CHECKPOINTS.length - 1]; k++) {
                    double[] g = loss.gradient(w);
                    for (int j = 0; j < w.length; j++) {
                        w[j] -= step * g[j];
                    }
                    if (k == CHECKPOINTS[c]) {
                        norms[c] = Vectors.norm(w);
                        values[c] = loss.value(w);
                        tops[c] = SymmetricEigenSolvers.standard().decompose(loss.hessian(w).full()).largest();
                        ks[c] = k;
                        double radius = DataRadius.of(data);
                        // proved: lambda_max(H(w)) <= R^2 L(w)
                        worstTopBound = Math.max(worstTopBound, tops[c] / (radius * radius * values[c]));
                        // proved: once N L(w) < log 2, ||w|| >= -log(exp(N L(w)) - 1) / R
                        double nl = data.size() * values[c];
                        bounds[c] = nl < Math.log(2) ? -Math.log(Math.expm1(nl)) / radius : 0;
                        worstNormBound = Math.max(worstNormBound, bounds[c] / norms[c]);
                        rows.add(List.of(problem.toString(), Integer.toString(k),
                                Figures.significant(norms[c], DIGITS), Figures.significant(values[c], DIGITS),
                                Figures.significant(tops[c], DIGITS)));
                        c++;
                    }
                }
                monotoneNorm += increasing(norms) ? 1 : 0;
                normBoundGrows += bounds[bounds.length - 1] > 0 && bounds[bounds.length - 1] > bounds[bounds.length - 2]
                        ? 1 : 0;
                monotoneLoss += increasing(negate(values)) ? 1 : 0;
                monotoneTop += increasing(negate(tops)) ? 1 : 0;
                normLines.add(new Series.Line(problem.toString(), ks, norms));
                topLines.add(new Series.Line(problem.toString(), ks, tops));
            }
            int n = problems.size();
            evidence.table(new Table("gradient descent, step 1/L, eps = 0, lambda = 0", List.of("problem", "step k",
                    "||w_k||", "L(w_k)", "lambda_max(H(w_k))"), rows));
            evidence.plot(new Series("||w_k|| along gradient descent on separable data", "step k", "||w_k||", false,
                    normLines));
            evidence.plot(new Series("lambda_max(H(w_k)) along gradient descent on separable data", "step k",
                    "lambda_max(H)", true, topLines));
            evidence.measure(Measurement.atLeast("data sets certified separable by the LP", separable, n, "all"));
            evidence.fact("runs with ||w_k|| increasing over the checkpoints (observed, not part of the claim)",
                    monotoneNorm + " of " + n);
            evidence.fact("runs with lambda_max(H(w_k)) decreasing over the checkpoints (observed)",
                    monotoneTop + " of " + n);
            evidence.measure(Measurement.atLeast("runs with L(w_k) strictly decreasing", monotoneLoss, n,
                    "descent lemma: all"));
            evidence.measure(Measurement.atMost("largest lambda_max(H(w_k)) / (R^2 L(w_k))", worstTopBound,
                    1 + BOUND_ROUNDING, "proved lambda_max(H) <= R^2 L (with BOUND_ROUNDING)"));
            evidence.measure(Measurement.atMost("largest (-log(exp(N L(w_k)) - 1)/R) / ||w_k||", worstNormBound,
                    1 + BOUND_ROUNDING, "proved lower bound on ||w_k|| (with BOUND_ROUNDING)"));
            evidence.measure(Measurement.atLeast("runs whose proved lower bound on ||w_k|| is positive at k = 10^4 "
                    + "and grew from k = 10^3", normBoundGrows, n, "all: the loss falls strictly, so the bound rises"));
            return "on " + n + " separable data sets gradient descent drives the loss and lambda_max(H) down while "
                    + "||w|| grows";
        }

        /** L = lambda_max((1/(4N)) X^T X): the clean loss's gradient is L-Lipschitz. */
        private static double smoothness(Dataset data) {
            DMatrixRMaj x = new DMatrixRMaj(data.size(), data.dimension(), true, data.featuresRowMajor());
            DMatrixRMaj g = new DMatrixRMaj(data.dimension(), data.dimension());
            CommonOps_DDRM.multInner(x, g);
            CommonOps_DDRM.scale(0.25 / data.size(), g);
            return SymmetricEigenSolvers.standard().decompose(g).largest();
        }

        private static boolean increasing(double[] v) {
            for (int i = 1; i < v.length; i++) {
                if (!(v[i] > v[i - 1])) {
                    return false;
                }
            }
            return true;
        }

        private static double[] negate(double[] v) {
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = -v[i];
            }
            return out;
        }
    }

    /**
     * Newton refuses every separable problem at eps = lambda = 0 (the LP certificate of no finite minimiser)
     * and converges on the same problems with lambda = 1e-3. It draws the same problems as
     * {@link GradientDescentDiverges}, from that check's seed.
     */
    static final class NoMinimiserCertified implements Check {

        @Override
        public String id() {
            return "no-minimiser-is-certified-and-weight-decay-restores-one";
        }

        @Override
        public String claimId() {
            return CLAIM;
        }

        @Override
        public String title() {
            return "Newton refuses separable data at eps = lambda = 0 (LP certificate) and converges with lambda > 0";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            long seed = context.seed("gradient-descent-diverges-on-separable-data");
            int refused = 0;
            int converged = 0;
            double worstGradient = 0;
            List<TrainedProblem> problems = separableProblems(seed, context.tries(RANDOM_PROBLEMS));
            for (TrainedProblem problem : problems) {
                try {
                    new NewtonTrainer().train(TrainingObjective.adversarial(problem.data(), 0.0, 0.0));
                } catch (NoFiniteMinimiserException e) {
                    refused++;
                    evidence.fact("refusal on " + problem, e.getMessage());
                }
                TrainingResult r = new NewtonTrainer().train(TrainingObjective.adversarial(problem.data(), 0.0, 1e-3));
                converged += r.converged() ? 1 : 0;
                worstGradient = Math.max(worstGradient, r.gradientNorm());
            }
            int n = problems.size();
            evidence.measure(Measurement.atLeast("separable problems refused at eps = lambda = 0", refused, n, "all"));
            evidence.measure(Measurement.atLeast("the same problems converging with lambda = 1e-3", converged, n,
                    "all"));
            evidence.measure(Measurement.atMost("largest ||grad F|| with lambda = 1e-3", worstGradient,
                    CheckTolerances.NEWTON_GRADIENT));
            return "all " + n + " separable problems are refused without weight decay and train to ||grad|| <= 1e-12 "
                    + "with it";
        }
    }
}
