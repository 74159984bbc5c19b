package org.advsharp.checks.problems;

import org.advsharp.numerics.SymmetricEigenSolver;
import org.advsharp.numerics.Tolerances;
import org.advsharp.oracle.HessianDecomposition;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * What the compressed-eigenvalue theorem compares between two radii at a fixed w (thm:compressed-monotone and
 * its restatement for margin losses): the eigenvalues of H compressed to the complement of w at eps1 and at
 * eps2, the rise of kappa between them, and the eigensolver's slack at eps2,
 * {@code Tolerances.EIGEN_SOLVER_AGREEMENT x max |(Q^T H Q)_ij|} (never below the smallest normal double, so a
 * zero matrix still has a positive slack).
 *
 * @param low       eigenvalues of the compressed H at eps1, descending
 * @param high      eigenvalues of the compressed H at eps2, descending
 * @param kappaRise kappa(eps2) - kappa(eps1)
 * @param slack     the eigensolver's slack at eps2
 */
public record CompressedRise(double[] low, double[] high, double kappaRise, double slack) {

    /** The comparison of {@code low} (at eps1) and {@code high} (at eps2), both decomposed by {@code solver}. */
    public static CompressedRise of(HessianDecomposition low, HessianDecomposition high, SymmetricEigenSolver solver) {
        double[] a = solver.decompose(low.compressed()).eigenvalues();
        double[] b = solver.decompose(high.compressed()).eigenvalues();
        double slack = Tolerances.EIGEN_SOLVER_AGREEMENT
                * Math.max(CommonOps_DDRM.elementMaxAbs(high.compressed()), Double.MIN_NORMAL);
        return new CompressedRise(a, b, high.kappa() - low.kappa(), slack);
    }
}
