package org.advsharp.training;

/**
 * Truncated Newton for large d: the Newton direction solves (A + kappa P + lambda I) p = -g by
 * preconditioned conjugate gradients on exact Hessian-vector products (two passes over the data each,
 * see {@link AdversarialKernel}), never forming the d x d Hessian. Same stopping rule
 * ({@link TrainerInput#stopReason}), start rule, line search ({@link LineSearch}) and divergence
 * certificates as the dense {@link NewtonTrainer}, so both stop at the same tolerance on the same
 * function.
 *
 * <pre>
 *   CG on H p = -g from p = 0, preconditioner M = diag(H) (Jacobi), stops when ||H p + g|| <= eta ||g||,
 *   eta = min(1/2, sqrt(||g||))   (the forcing term of Eisenstat and Walker: superlinear convergence),
 *   or on non-positive curvature q^T H q <= 0 (then the current p, or -g on the first CG step).
 * </pre>
 *
 * <p>The Jacobi preconditioner costs one pass over the data per Newton step (the diagonal of H is
 * (1/N) sum s_n x'_nj^2 + kappa (1 - w_hat_j^2) + lambda); on pixel data, whose columns differ in scale
 * by orders of magnitude (border pixels are nearly always 0), it cuts the CG steps several-fold.
 */
public final class MatrixFreeNewtonTrainer {
    /** Largest forcing term eta (relative CG residual) far from the minimiser. */
    static final double MAX_FORCING = 0.5;

    private final double gradientTolerance;
    private final int maxIterations;
    private long hessianProducts;

    /** Tolerance 1e-12 and at most 200 Newton steps, as the dense trainer. */
    public MatrixFreeNewtonTrainer() {
        this(NewtonTrainer.DEFAULT_GRADIENT_TOLERANCE, NewtonTrainer.DEFAULT_MAX_ITERATIONS);
    }

    public MatrixFreeNewtonTrainer(double gradientTolerance, int maxIterations) {
        if (!(gradientTolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("matrix-free Newton: gradient tolerance " + gradientTolerance
                    + " must be > 0 and the iteration limit " + maxIterations + " at least 1");
        }
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
    }

    /** One line naming the method and its settings. */
    public String name() {
        return "truncated Newton (Jacobi-preconditioned CG on exact Hessian-vector products, Armijo backtracking), "
                + "tolerance " + gradientTolerance;
    }

    /**
     * Minimises {@code objective} from {@code start} (not modified).
     *
     * @throws NoFiniteMinimiserException when the objective is certified to have no minimiser
     *                                    (prop:separable-divergence)
     */
    public TrainingResult train(KernelObjective objective, double[] start) {
        AdversarialKernel kernel = objective.kernel();
        hessianProducts = 0;
        return NewtonIteration.run(name(), objective, start, gradientTolerance, maxIterations,
                (w, g, gn) -> direction(kernel.curvature(w), g, gn),
                () -> " (" + hessianProducts + " Hessian-vector products)");
    }

    /** Minimises from {@link StartingPoint#leaveKink(TrainingObjective)}, a nonzero point. */
    public TrainingResult train(KernelObjective objective) {
        return train(objective, StartingPoint.leaveKink(objective));
    }

    /** Preconditioned CG for (A + kappa P + lambda I) p = -g, truncated at the forcing tolerance. */
    private double[] direction(AdversarialKernel.Curvature h, double[] g, double gn) {
        int d = g.length;
        double[] rhs = new double[d];
        for (int j = 0; j < d; j++) {
            rhs[j] = -g[j];
        }
        double target = Math.min(MAX_FORCING, Math.sqrt(gn)) * gn;
        PreconditionedCg.Solution s = PreconditionedCg.solve((v, out) -> h.apply(v, out, true, h.lambdaShift()),
                h.objectiveDiagonal(), rhs, target, Math.max(2 * d, 50));
        hessianProducts += s.products();
        return s.p();
    }
}
