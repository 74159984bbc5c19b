package org.advsharp.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Accessors, index checks and the residual of SymmetricSpectrum on a hand-checkable diagonal case. */
class SymmetricSpectrumTest {
    private final SymmetricSpectrum spectrum = SymmetricEigenSolvers.standard().decompose(CommonOps_DDRM.diag(1.0, 2.0));

    @Test
    void indicesOutsideTheSpectrumAreRejectedWithTheValidRange() {
        for (int bad : new int[] {-1, 2}) {
            IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> spectrum.eigenvalue(bad));
            assertEquals("eigen index " + bad + " is outside 0..1", value.getMessage());
            IllegalArgumentException vector = assertThrows(IllegalArgumentException.class,
                    () -> spectrum.eigenvector(bad));
            assertEquals("eigen index " + bad + " is outside 0..1", vector.getMessage());
        }
        assertEquals(spectrum.largest(), spectrum.eigenvalue(0));
        assertEquals(spectrum.smallest(), spectrum.eigenvalue(1));
    }

    @Test
    void residualAgainstAnotherMatrixIsItsLargestEigenpairDefect() {
        // tolerances scale with the spectral norm of the matrix passed in: 2, then 3
        assertTrue(spectrum.residual(CommonOps_DDRM.diag(1.0, 2.0)) <= Tolerances.EIGEN_RESIDUAL * 2.0);
        // diag(1, 3) against the pairs (2, e_2), (1, e_1): ||3 e_2 - 2 e_2|| = 1, ||e_1 - e_1|| = 0
        assertEquals(1.0, spectrum.residual(CommonOps_DDRM.diag(1.0, 3.0)), Tolerances.EIGEN_RESIDUAL * 3.0);
    }

    @Test
    void residualRejectsAMissingOrMisshapenMatrixNamingWhatItGot() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> spectrum.residual(null));
        assertTrue(none.getMessage().endsWith(", got null"), none.getMessage());
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                () -> spectrum.residual(new DMatrixRMaj(2, 3)));
        assertTrue(wide.getMessage().endsWith(", got 2x3"), wide.getMessage());
    }

    @Test
    void toStringListsTheEigenvaluesInDescendingOrder() {
        assertEquals("SymmetricSpectrum" + Arrays.toString(spectrum.eigenvalues()), spectrum.toString());
        assertTrue(spectrum.toString().startsWith("SymmetricSpectrum[2.0"), spectrum.toString());
    }
}
