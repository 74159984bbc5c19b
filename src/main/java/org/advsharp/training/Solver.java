package org.advsharp.training;

import java.util.Locale;
import org.advsharp.data.Dataset;

/**
 * How a sweep trains and measures: the dense reference (Newton with the formed d x d Hessian and
 * Cholesky, every eigenvalue by a symmetric eigen-decomposition) or matrix-free (truncated Newton on
 * Hessian-vector products, lambda_max by Lanczos with its residual, trace and kappa exactly).
 */
public enum Solver {
    /** Formed Hessian, Cholesky, full eigen-decomposition: the reference, for small d. */
    DENSE("dense"),
    /** Hessian-vector products only: CG for Newton, Lanczos for lambda_max; for large d. */
    MATRIX_FREE("matrix-free");

    /**
     * From this dimension on the automatic choice is matrix-free. A dense Newton step costs N d^2 to
     * form H plus d^3/3 to factor it; a matrix-free one costs about 4 N d per CG step, and with the
     * Jacobi preconditioner a few dozen CG steps suffice, so matrix-free wins once d is a few hundred;
     * the bundled data sets (d = 64 and 30) stay on the dense reference.
     */
    public static final int AUTOMATIC_MATRIX_FREE_DIMENSION = 200;

    private final String label;

    Solver(String label) {
        this.label = label;
    }

    /** "dense" or "matrix-free", as the command line spells it. */
    public String label() {
        return label;
    }

    /** Matrix-free when d >= {@link #AUTOMATIC_MATRIX_FREE_DIMENSION}, dense otherwise. */
    public static Solver automatic(Dataset data) {
        return data.dimension() >= AUTOMATIC_MATRIX_FREE_DIMENSION ? MATRIX_FREE : DENSE;
    }

    /** Parses "dense" or "matrix-free" (case-insensitive). */
    public static Solver parse(String s) {
        for (Solver v : values()) {
            if (v.label.equals(s == null ? null : s.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new IllegalArgumentException("solver '" + s + "' is not one of: dense, matrix-free");
    }
}
