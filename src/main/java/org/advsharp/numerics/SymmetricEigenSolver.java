package org.advsharp.numerics;

import org.ejml.data.DMatrixRMaj;

/**
 * A dense symmetric eigen-solver behind one interface, so that two independent libraries can check
 * each other. Every implementation first replaces M by (M + M^T)/2, rejects bad input with an
 * IllegalArgumentException naming the problem, and returns the canonical {@link SymmetricSpectrum}
 * (descending eigenvalues, unit eigenvectors with canonical sign). Used by prop:spectral-bounds,
 * thm:compressed-monotone and every check that reads Hessian eigenvalues.
 */
public interface SymmetricEigenSolver {

    /**
     * The spectrum of (M + M^T)/2. M is not modified.
     *
     * @throws IllegalArgumentException if m is null, 0x0, not square, or has a NaN or infinite entry
     * @throws ArithmeticException if the library fails to converge
     */
    SymmetricSpectrum decompose(DMatrixRMaj m);

    /** A short name for reports, e.g. "EJML 0.46.1". */
    String name();
}
