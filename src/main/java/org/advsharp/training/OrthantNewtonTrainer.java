package org.advsharp.training;

import static org.advsharp.numerics.Vectors.dot;
import static org.advsharp.numerics.Vectors.norm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Orthant-wise truncated Newton for the Linf adversarial objective, whose eps ||w||_1 term has a kink
 * wherever a component of w is 0 and (like a lasso penalty) drives components of the minimiser to
 * exactly 0, where a method for smooth functions cannot converge. One step at w:
 *
 * <pre>
 *   g   = the minimum-norm subgradient ({@link LinfKernel.State#minimumNormSubgradient}); stop if ||g|| <= tol
 *   xi  = sign(w_j) where w_j != 0; -sign(g_j) where w_j = 0 (0 if g_j = 0: the pixel stays at 0)
 *   p   = Newton direction of F on the face of xi: (A_S + lambda I) p = -g by truncated Jacobi-preconditioned CG
 *         (forcing term min(1/2, sqrt(||g||)), as {@link MatrixFreeNewtonTrainer}); a component entering from 0
 *         against xi is set to 0, and if p is then no descent direction, p = -g
 *   w+  = pi(w + t p): coordinates that would leave the orthant xi stop at 0; t = 1, 1/2, ... until
 *         F(w+) <= F(w) + c g^T (w+ - w)  (Armijo, c = 1e-4, on the orthant where F is smooth with gradient g)
 * </pre>
 *
 * <p>Near the minimiser the face stops changing and the steps are Newton steps of a smooth strongly convex
 * function on it. The stopping rule is a certificate: ||g|| = dist(0, dF(w)), and lambda-strong convexity
 * gives ||w - w*|| <= ||g|| / lambda. The same rounding-floor rule as {@link LineSearch} accepts a full step
 * whose predicted decrease is below the resolution of F when it lowers ||g||.
 */
public final class OrthantNewtonTrainer {
    private final double gradientTolerance;
    private final int maxIterations;

    /** Tolerance 1e-12 and at most 200 Newton steps, as the smooth Newton trainers. */
    public OrthantNewtonTrainer() {
        this(NewtonTrainer.DEFAULT_GRADIENT_TOLERANCE, NewtonTrainer.DEFAULT_MAX_ITERATIONS);
    }

    public OrthantNewtonTrainer(double gradientTolerance, int maxIterations) {
        if (!(gradientTolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("orthant-wise Newton: gradient tolerance " + gradientTolerance
                    + " must be > 0 and the iteration limit " + maxIterations + " at least 1");
        }
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
    }

    public String name() {
        return "orthant-wise truncated Newton (Jacobi-preconditioned CG on the face, projected Armijo backtracking), "
                + "tolerance " + gradientTolerance + " on the minimum-norm subgradient";
    }

    /**
     * Trains from {@code start} (any finite w; w = 0 is allowed, the method starts on kinks).
     * {@link TrainingResult#gradientNorm()} is the norm of the minimum-norm subgradient.
     */
    public TrainingResult train(LinfKernel kernel, double[] start) {
        long t0 = System.nanoTime();
        if (kernel == null) {
            throw new IllegalArgumentException("Linf kernel is missing (null)");
        }
        double[] w = start == null ? null : start.clone();
        double f = kernel.value(w);
        List<Iterate> trace = new ArrayList<>();
        long products = 0;
        String reason;
        double gn;
        for (int k = 0; ; k++) {
            LinfKernel.State state = kernel.at(w);
            double[] g = state.minimumNormSubgradient();
            gn = norm(g);
            String stop = TrainerInput.stopReason(k, gn, gradientTolerance, maxIterations);
            if (stop != null) {
                trace.add(new Iterate(k, f, gn, 0, 0));
                reason = stop;
                break;
            }
            double[] xi = orthant(w, g);
            double[] rhs = new double[g.length];
            for (int j = 0; j < g.length; j++) {
                rhs[j] = -g[j];
            }
            PreconditionedCg.Solution cg = PreconditionedCg.solve((v, out) -> state.applyFace(xi, v, out,
                    kernel.lambda()), state.faceDiagonal(xi), rhs, Math.min(MatrixFreeNewtonTrainer.MAX_FORCING,
                    Math.sqrt(gn)) * gn, Math.max(2 * g.length, 50));
            products += cg.products();
            double[] p = aligned(cg.p(), w, xi, rhs);
            Step step = backtrack(kernel, w, f, g, gn, p, xi);
            if (step == null) {
                trace.add(new Iterate(k, f, gn, 0, 0));
                reason = "no decrease along the orthant-wise Newton direction: rounding floor reached at subgradient "
                        + "norm " + gn;
                break;
            }
            trace.add(new Iterate(k, f, gn, step.t(), step.length()));
            w = step.w();
            f = step.value();
        }
        return new TrainingResult(name(), "Linf adversarial logistic loss, eps = " + kernel.epsilon() + ", lambda = "
                + kernel.lambda(), w, trace, gn <= gradientTolerance, reason + " (" + products
                + " Hessian-vector products)", f, gn, Optional.empty(), System.nanoTime() - t0);
    }

    /** The orthant a step explores: sign(w_j), or for w_j = 0 the side the subgradient points down to. */
    static double[] orthant(double[] w, double[] g) {
        double[] xi = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            xi[j] = w[j] != 0 ? Math.signum(w[j]) : -Math.signum(g[j]);
        }
        return xi;
    }

    /** Drops components entering from 0 against their orthant; falls back to -g if no descent is left. */
    private static double[] aligned(double[] p, double[] w, double[] xi, double[] minusG) {
        for (int j = 0; j < p.length; j++) {
            if (w[j] == 0 && p[j] * xi[j] <= 0) {
                p[j] = 0;
            }
        }
        return dot(p, minusG) > 0 ? p : minusG.clone();
    }

    private record Step(double[] w, double value, double t, double length) {
    }

    private Step backtrack(LinfKernel kernel, double[] w, double f, double[] g, double gn, double[] p, double[] xi) {
        double t = 1.0;
        for (int k = 0; k <= MAX_HALVINGS; k++) {
            double[] trial = new double[w.length];
            double change = 0;
            double moved = 0;
            for (int j = 0; j < w.length; j++) {
                double v = w[j] + t * p[j];
                trial[j] = Math.signum(v) == xi[j] ? v : 0.0;
                double dj = trial[j] - w[j];
                change += g[j] * dj;
                moved += dj * dj;
            }
            double ft = kernel.value(trial);
            if (ft <= f + LineSearch.ARMIJO * change) {
                return new Step(trial, ft, t, Math.sqrt(moved));
            }
            if (k == 0 && -change <= LineSearch.VALUE_RESOLUTION * (1 + Math.abs(f))
                    && norm(kernel.at(trial).minimumNormSubgradient()) < gn) {
                return new Step(trial, ft, t, Math.sqrt(moved));
            }
            t *= 0.5;
        }
        return null;
    }

    private static final int MAX_HALVINGS = 60;
}
