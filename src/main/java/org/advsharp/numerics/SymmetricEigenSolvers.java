package org.advsharp.numerics;

import java.util.List;

/** The available dense symmetric eigen-solvers. */
public final class SymmetricEigenSolvers {
    private SymmetricEigenSolvers() {
    }

    /** The default solver (EJML). */
    public static SymmetricEigenSolver standard() {
        return new EjmlSymmetricEigenSolver();
    }

    /** The independent second solver (Commons Math), for cross-checks. */
    public static SymmetricEigenSolver independent() {
        return new CommonsMathSymmetricEigenSolver();
    }

    /** Both solvers, EJML first: a check that runs over this list compares two libraries. */
    public static List<SymmetricEigenSolver> both() {
        return List.of(standard(), independent());
    }
}
