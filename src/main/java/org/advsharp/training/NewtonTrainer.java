package org.advsharp.training;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The reference trainer: Newton's method with the analytic Hessian and a backtracking line search.
 *
 * <pre>
 *   p_k = -(Hess F(w_k))^{-1} grad F(w_k)        (Cholesky; for the L2 objective Hess F = A + kappa P + lambda I)
 *   w_{k+1} = w_k + t_k p_k,  t_k from LineSearch (Armijo, c = 1e-4, halving)
 * </pre>
 *
 * <p>Stops when ||grad F|| <= the gradient tolerance (default 1e-12), at the iteration limit, or when
 * the line search can no longer decrease F (the rounding floor). F is convex; with lambda > 0 it is
 * strongly convex and the Hessian is positive definite. A Hessian Cholesky cannot factor (lambda = 0
 * and a degenerate Hessian) is shifted by tau I, tau growing from 1e-12 times its mean diagonal.
 * Before and during training it checks the certificates of {@link MinimiserExistence}
 * (prop:separable-divergence).
 */
public final class NewtonTrainer implements Trainer {
    /** Default stopping tolerance on ||grad F||: docs/theory.md section 5 reports Newton reaching ~1e-15. */
    public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-12;
    /** Default iteration limit; these convex problems need a few dozen steps. */
    public static final int DEFAULT_MAX_ITERATIONS = 200;
    private static final double FIRST_SHIFT = 1e-12;
    private static final int MAX_SHIFTS = 30;

    private final double gradientTolerance;
    private final int maxIterations;

    /** Tolerance 1e-12, at most 200 iterations. */
    public NewtonTrainer() {
        this(DEFAULT_GRADIENT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    public NewtonTrainer(double gradientTolerance, int maxIterations) {
        if (!(gradientTolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("Newton: gradient tolerance " + gradientTolerance
                    + " must be > 0 and the iteration limit " + maxIterations + " at least 1");
        }
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
    }

    @Override
    public String name() {
        return "Newton (analytic Hessian, Cholesky, Armijo backtracking), tolerance " + gradientTolerance;
    }

    @Override
    public TrainingResult train(TrainingObjective objective, double[] start) {
        return NewtonIteration.run(name(), objective, start, gradientTolerance, maxIterations,
                (w, g, gn) -> newtonDirection(objective.hessian(w), g), () -> "");
    }

    /** Solves Hess p = -g by Cholesky, shifting Hess by tau I if it does not factor. */
    static double[] newtonDirection(DMatrixRMaj hessian, double[] g) {
        int d = g.length;
        DMatrixRMaj rhs = new DMatrixRMaj(d, 1);
        for (int j = 0; j < d; j++) {
            rhs.data[j] = -g[j];
        }
        double meanDiagonal = 0;
        for (int j = 0; j < d; j++) {
            meanDiagonal += hessian.get(j, j) / d;
        }
        double shift = 0;
        for (int attempt = 0; attempt <= MAX_SHIFTS; attempt++) {
            DMatrixRMaj h = hessian.copy();
            for (int j = 0; j < d; j++) {
                h.add(j, j, shift);
            }
            LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(d);
            if (chol.setA(h)) {
                DMatrixRMaj p = new DMatrixRMaj(d, 1);
                chol.solve(rhs, p);
                boolean finite = true;
                for (double v : p.data) {
                    finite &= Double.isFinite(v);
                }
                if (finite) {
                    return p.data;
                }
            }
            shift = shift == 0 ? FIRST_SHIFT * Math.max(meanDiagonal, Double.MIN_NORMAL) : shift * 10;
        }
        return Arrays.copyOf(rhs.data, d);
    }
}
