package org.advsharp.checks.training;

import static org.advsharp.checks.training.TrainingFigures.DIGITS;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.checks.Figures;
import org.advsharp.checks.problems.DataRadius;
import org.advsharp.data.Dataset;
import org.advsharp.landscape.LinearSharpness;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.Logistic;
import org.advsharp.training.EpsilonSweep;
import org.advsharp.training.NewtonTrainer;
import org.advsharp.training.StartingPoint;
import org.advsharp.training.SweepPoint;
import org.advsharp.training.SweepResult;
import org.advsharp.training.TrainingObjective;

/**
 * prop:critical-radius (named Proposition to stay apart from {@link CriticalRadius}, the oracle it checks),
 * three checks: (a) the one-sided directional derivative of F at w = 0 is (eps ||u|| - mean(y x)^T u)/2, so
 * w = 0 is the minimiser exactly when eps >= eps_c ({@link ZeroIsTheMinimiser}); (b) as eps rises to eps_c,
 * ||w*|| <= (eps_c - eps)/(2 lambda) and
 * eps sigma(-(R + eps) ||w*||)/||w*|| <= kappa(w*) <= eps sigma((R + eps) ||w*||)/||w*|| (the proved bounds,
 * both sides), and lambda_max(H(w*)) >= kappa measured without H = A + kappa P: the curvature
 * u^T H u along a seeded unit u orthogonal to w*, by central differences of the oracle's gradient, is a lower
 * bound of lambda_max and at least kappa (u^T A u >= 0, u^T P u = 1), so it diverges ({@link SharpnessDiverges});
 * (c) sweeps refuse eps >= eps_c ({@link SweepsRefuse}).
 */
final class CriticalRadiusProposition {
    static final String CLAIM = "prop:critical-radius";
    /** Random problems per synthetic regime (the declared budget of the two checks that sweep them). */
    private static final int PROBLEMS_PER_REGIME = 5;

    private CriticalRadiusProposition() {
    }

    /**
     * (a): difference quotients of F at w = 0 along the mean direction and random unit directions match
     * (eps - mu^T u)/2; from eps_c on no ray from 0 lowers F, just below eps_c F falls along mean(y x).
     */
    static final class ZeroIsTheMinimiser implements Check {
        private static final int DIRECTIONS = 200;
        /** Step of the one-sided difference quotient (F(t u) - F(0)) / t. */
        private static final double QUOTIENT_STEP = 1e-6;
        /** Lengths t of the rays t u from 0 along which the loss is compared with F(0) above eps_c. */
        private static final double[] RAY_LENGTHS = {1e-6, 1e-3, 1e-1, 1.0, 10.0};

        @Override
        public String id() {
            return "zero-is-the-minimiser-exactly-from-eps-c";
        }

        @Override
        public String claimId() {
            return CLAIM;
        }

        @Override
        public String title() {
            return "directional derivative of F at 0 is (eps - mu^T u)/2: >= 0 in every direction iff eps >= eps_c";
        }

        /** One-sided derivative at 0 along unit u: (eps - mu^T u)/2 (lambda adds nothing at first order). */
        static double derivativeAtZero(double[] mu, double eps, double[] u) {
            return 0.5 * (eps - Vectors.dot(mu, u));
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            long seed = context.seed();
            int perRegime = context.tries(PROBLEMS_PER_REGIME);
            evidence.seed(new SeedRecord(TrainedProblems.count(perRegime) + " regime problems and "
                    + DIRECTIONS + " directions each", seed, context.replayCommand()));
            SplittableRandom rng = new SplittableRandom(seed ^ 3);
            double worstQuotientError = 0;
            double smallestRiseAboveCritical = Double.POSITIVE_INFINITY;
            double largestQuotientBelow = Double.NEGATIVE_INFINITY;
            int startsBelowZeroValue = 0;
            int problems = 0;
            for (TrainedProblem problem : TrainedProblems.regimes(seed, perRegime)) {
                Dataset data = problem.data();
                double[] mu = CriticalRadius.meanSignedInput(data);
                double epsC = Vectors.norm(mu);
                double radius = DataRadius.of(data);
                for (double r : new double[] {0.999, 1.0, 1.001, 1.5}) {
                    double eps = r * epsC;
                    TrainingObjective f = TrainingObjective.adversarial(data, eps, problem.lambda());
                    double f0 = f.value(new double[data.dimension()]);
                    // Second derivative along the ray is at most (R + eps)^2 / 4 + lambda: Taylor remainder bound.
                    double curvature = 0.25 * (radius + eps) * (radius + eps) + problem.lambda();
                    double tolerance = 0.5 * curvature * QUOTIENT_STEP + 8 * Math.ulp(f0) / QUOTIENT_STEP;
                    for (int k = 0; k <= DIRECTIONS; k++) {
                        double[] u = k == 0 ? Vectors.scaled(1 / epsC, mu) : randomUnit(rng, data.dimension());
                        double exact = derivativeAtZero(mu, eps, u);
                        double quotient = (f.value(Vectors.scaled(QUOTIENT_STEP, u)) - f0) / QUOTIENT_STEP;
                        worstQuotientError = Math.max(worstQuotientError, Math.abs(quotient - exact) / tolerance);
                        if (r >= 1) {
                            // (a) from eps_c on, 0 is the minimiser: the LOSS does not go below F(0) along any ray,
                            // at any of the lengths tried (relative to the rounding of F(0)).
                            for (double t : RAY_LENGTHS) {
                                smallestRiseAboveCritical = Math.min(smallestRiseAboveCritical,
                                        (f.value(Vectors.scaled(t, u)) - f0) / (8 * Math.ulp(f0)));
                            }
                        } else if (k == 0) {
                            // just below eps_c the loss falls along mean(y x): the quotient plus its error bound < 0
                            largestQuotientBelow = Math.max(largestQuotientBelow, quotient + tolerance);
                        }
                    }
                    if (r < 1 && f.value(StartingPoint.leaveKink(f)) < f0) {
                        startsBelowZeroValue++;
                    }
                }
                problems++;
            }
            evidence.measure(Measurement.atMost("largest |difference quotient - (eps - mu^T u)/2| / its error bound",
                    worstQuotientError, 1.0, "Taylor remainder (R+eps)^2 t/8 + lambda t/2 plus rounding 8 ulp/t"));
            evidence.measure(Measurement.atLeast("smallest (F(t u) - F(0)) / (8 ulp F(0)) for eps >= eps_c over "
                    + "directions u and lengths t", smallestRiseAboveCritical, -1.0,
                    "rounding of F(0): prop:critical-radius (a) says F(t u) >= F(0) from eps_c on"));
            evidence.measure(Measurement.below("largest (F(t mu_hat) - F(0))/t + its error bound at eps = 0.999 eps_c",
                    largestQuotientBelow, 0.0, "below eps_c the loss falls along mean(y x) from 0"));
            evidence.measure(Measurement.atLeast("problems where a point below F(0) was found at 0.999 eps_c",
                    startsBelowZeroValue, problems, "all: w* != 0 below eps_c"));
            return "on " + problems + " problems the loss's difference quotients at w = 0 match (eps - mu^T u)/2; "
                    + "from eps_c on no ray from 0 lowers the loss, and just below it the loss falls along mean(y x)";
        }
    }

    /**
     * (b): at eps/eps_c = 0.9 ... 0.9999 the trained weights obey ||w*|| <= (eps_c - eps)/(2 lambda) and both
     * proved bounds on kappa; lambda_max(H) >= u^T H u >= kappa, u^T H u measured from the oracle's gradient;
     * lambda_max grows at least tenfold over the grid.
     */
    static final class SharpnessDiverges implements Check {
        private static final double[] NEAR_CRITICAL = {0.9, 0.99, 0.999, 0.9999};
        /**
         * Relative slack on the proved bounds ||w*|| <= (eps_c - eps)/(2 lambda) and on kappa (both sides):
         * they are inequalities between quantities computed to about 1e-12 relative (w* has gradient
         * <= 1e-12); 1e-9 covers that and nothing more.
         */
        static final double BOUND_SLACK = 1e-9;
        /**
         * Step of the central difference of the oracle's gradient along u, relative to ||w*||: the loss's
         * curvature changes on the scale ||w*|| (kappa ~ eps/||w*||), so the truncation error is of relative
         * order (step)^2 = 1e-8; the rounding error of a gradient of size lambda ||w*|| divided by the step is
         * far below.
         */
        static final double CURVATURE_STEP = 1e-4;
        /**
         * Relative tolerance of u^T H u measured by that difference against kappa: 100 times the truncation
         * error (step)^2 = 1e-8 (its constant, a third derivative over the curvature times ||w*||, is of order
         * 1 to 10 near eps_c); doubling kappa (a relative error of 1) is far outside it.
         */
        static final double CURVATURE_SLACK = 1e-6;

        @Override
        public String id() {
            return "trained-weights-vanish-and-sharpness-diverges";
        }

        @Override
        public String claimId() {
            return CLAIM;
        }

        @Override
        public String title() {
            return "at eps/eps_c = 0.9 ... 0.9999: ||w*|| <= (eps_c - eps)/(2 lambda), both bounds on kappa, "
                    + "lambda_max(H) >= u^T H u >= kappa >= eps sigma(-(R+eps)||w*||)/||w*|| -> infinity";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            long seed = context.seed();
            int perRegime = context.tries(PROBLEMS_PER_REGIME);
            evidence.seed(new SeedRecord(TrainedProblems.count(perRegime) + " regime problems", seed,
                    context.replayCommand()));
            TrainerAccuracy accuracy = new TrainerAccuracy("Newton near eps_c");
            SplittableRandom rng = new SplittableRandom(seed ^ 5);
            double worstNorm = Double.NEGATIVE_INFINITY;
            double worstKappaLow = Double.NEGATIVE_INFINITY;
            double worstKappaHigh = Double.NEGATIVE_INFINITY;
            double worstCurvature = Double.NEGATIVE_INFINITY;
            double worstTop = Double.NEGATIVE_INFINITY;
            double smallestGrowth = Double.POSITIVE_INFINITY;
            List<Series.Line> lines = new ArrayList<>();
            int k = 0;
            for (TrainedProblem problem : TrainedProblems.regimes(seed, perRegime)) {
                Dataset data = problem.data();
                double radius = DataRadius.of(data);
                SweepResult sweep = EpsilonSweep.adversarial(data, problem.lambda(), NEAR_CRITICAL,
                        new NewtonTrainer());
                accuracy.add(problem.family() + " #" + k, sweep);
                double[] gap = new double[NEAR_CRITICAL.length];
                double[] top = new double[NEAR_CRITICAL.length];
                for (int i = 0; i < NEAR_CRITICAL.length; i++) {
                    SweepPoint p = sweep.points().get(i);
                    double eps = p.epsilon();
                    double distance = sweep.criticalRadius() - eps;
                    double[] w = p.result().w();
                    double wn = p.result().weightNorm();
                    LinearSharpness s = LinearSharpness.adversarial(data, eps, w);
                    double kappaLow = eps * Logistic.sigmoid(-(radius + eps) * wn) / wn;
                    double kappaHigh = eps * Logistic.sigmoid((radius + eps) * wn) / wn;
                    double curvature = curvatureOrthogonalTo(new AdversarialLoss(data, eps), w,
                            randomUnit(rng, data.dimension()));
                    worstNorm = Math.max(worstNorm, wn / (distance / (2 * problem.lambda())) - 1);
                    worstKappaLow = Math.max(worstKappaLow, 1 - s.kappa() / kappaLow);
                    worstKappaHigh = Math.max(worstKappaHigh, s.kappa() / kappaHigh - 1);
                    worstCurvature = Math.max(worstCurvature, 1 - curvature / s.kappa());
                    worstTop = Math.max(worstTop, 1 - s.lambdaMaxH() / curvature);
                    gap[i] = 1 - p.ratio();
                    top[i] = s.lambdaMaxH();
                }
                smallestGrowth = Math.min(smallestGrowth, top[top.length - 1] / top[0]);
                if (k < 6) {
                    lines.add(new Series.Line(problem.family() + " #" + k, gap, top));
                }
                k++;
            }
            accuracy.record(evidence);
            evidence.plot(new Series("lambda_max(H(w*(eps))) as eps approaches eps_c", "1 - eps/eps_c",
                    "lambda_max(H)", true, lines));
            evidence.measure(Measurement.atMost("largest ||w*|| / ((eps_c - eps)/(2 lambda)) - 1", worstNorm,
                    BOUND_SLACK, "proved bound ||w*|| <= (eps_c - eps)/(2 lambda)"));
            evidence.measure(Measurement.atMost("largest 1 - kappa / (eps sigma(-(R+eps)||w*||)/||w*||)",
                    worstKappaLow, BOUND_SLACK, "proved lower bound on kappa at w*"));
            evidence.measure(Measurement.atMost("largest kappa / (eps sigma((R+eps)||w*||)/||w*||) - 1",
                    worstKappaHigh, BOUND_SLACK, "proved upper bound on kappa at w*"));
            evidence.measure(Measurement.atMost("largest 1 - u^T H u / kappa, u unit orthogonal to w*, u^T H u by "
                    + "central differences of the oracle's gradient", worstCurvature, CURVATURE_SLACK,
                    "CURVATURE_SLACK: u^T H u = u^T A u + kappa >= kappa"));
            evidence.measure(Measurement.atMost("largest 1 - lambda_max(H) / u^T H u", worstTop, CURVATURE_SLACK,
                    "CURVATURE_SLACK: lambda_max(H) >= u^T H u for unit u"));
            evidence.measure(Measurement.atLeast("smallest lambda_max(0.9999 eps_c) / lambda_max(0.9 eps_c)",
                    smallestGrowth, 10.0,
                    "divergence: the lower bound grows like 1/(eps_c - eps), a factor 1000 over this grid"));
            return "near eps_c every trained point obeys ||w*|| <= (eps_c - eps)/(2 lambda) and both proved bounds "
                    + "on kappa; the curvature orthogonal to w*, measured from the oracle's gradient, is at least "
                    + "kappa and at most lambda_max(H); lambda_max grew at least "
                    + Figures.significant(smallestGrowth, DIGITS) + "-fold from 0.9 to 0.9999 eps_c";
        }

        /**
         * u^T H(w) u for the component of u orthogonal to w, normalised: the central difference
         * (grad L(w + h v) - grad L(w - h v))^T v / (2 h) of the oracle's gradient, v the unit component of u
         * orthogonal to w, h = {@link #CURVATURE_STEP} ||w||. Does not use the decomposition H = A + kappa P.
         */
        static double curvatureOrthogonalTo(AdversarialLoss loss, double[] w, double[] u) {
            double wn = Vectors.norm(w);
            double[] v = Vectors.plus(u, -Vectors.dot(u, w) / (wn * wn), w);
            v = Vectors.scaled(1 / Vectors.norm(v), v);
            double h = CURVATURE_STEP * wn;
            double[] up = loss.gradient(Vectors.plus(w, h, v));
            double[] down = loss.gradient(Vectors.plus(w, -h, v));
            double q = 0;
            for (int j = 0; j < v.length; j++) {
                q += v[j] * (up[j] - down[j]);
            }
            return q / (2 * h);
        }
    }

    /** (c): EpsilonSweep refuses grids reaching eps/eps_c = 1.0 and 1.2 with a message naming w* = 0. */
    static final class SweepsRefuse implements Check {

        @Override
        public String id() {
            return "sweeps-refuse-eps-at-or-above-eps-c";
        }

        @Override
        public String claimId() {
            return CLAIM;
        }

        @Override
        public String title() {
            return "EpsilonSweep refuses eps/eps_c >= 1 with a message naming w* = 0";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            TrainedProblem problem = TrainedProblems.regimes(context.seed(), 1).get(1);
            int refused = 0;
            String message = "";
            for (double r : new double[] {1.0, 1.2}) {
                try {
                    EpsilonSweep.adversarial(problem.data(), problem.lambda(), new double[] {0.5, r},
                            new NewtonTrainer());
                } catch (IllegalArgumentException e) {
                    if (e.getMessage().contains("w* = 0") && e.getMessage().contains("eps/eps_c")) {
                        refused++;
                        message = e.getMessage();
                    }
                }
            }
            evidence.fact("refusal message", message);
            evidence.measure(Measurement.atLeast("grids reaching eps/eps_c = 1.0 and 1.2 refused with the reason",
                    refused, 2, "both must be refused"));
            return "sweeps reaching eps_c are refused: " + message;
        }
    }

    /** A unit vector of dimension d in a direction uniform on the sphere (normalised standard normals). */
    private static double[] randomUnit(SplittableRandom rng, int d) {
        double[] u = new double[d];
        for (int i = 0; i < d; i++) {
            u[i] = rng.nextGaussian();
        }
        return Vectors.scaled(1 / Vectors.norm(u), u);
    }
}
