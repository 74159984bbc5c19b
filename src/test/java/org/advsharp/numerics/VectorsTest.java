package org.advsharp.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The package's vector helpers on the edge cases the solvers rely on. */
class VectorsTest {

    @Test
    void normIsExactOnAPythagoreanTripleAndPassesNonFiniteEntriesThrough() {
        assertEquals(5.0, Vectors.norm(new double[] {3.0, -4.0}));
        assertEquals(0.0, Vectors.norm(new double[] {0.0, 0.0}));
        assertEquals(Double.POSITIVE_INFINITY, Vectors.norm(new double[] {1.0, Double.NEGATIVE_INFINITY}));
        assertTrue(Double.isNaN(Vectors.norm(new double[] {Double.NaN, 1.0})));
        // no overflow where the squares would overflow: ||(3e200, 4e200)|| = 5e200
        assertEquals(5e200, Vectors.norm(new double[] {3e200, 4e200}), 5e200 * Tolerances.ROUNDING);
    }

    @Test
    void normalizeLeavesTheZeroVectorAloneInsteadOfDividingByZero() {
        double[] zero = {0.0, 0.0, 0.0};
        assertEquals(0.0, Vectors.normalize(zero));
        for (double z : zero) {
            assertEquals(0.0, z, "0 / 0 would give NaN");
        }
        double[] x = {0.0, -2.0};
        assertEquals(2.0, Vectors.normalize(x));
        assertEquals(-1.0, x[1]);
    }

    @Test
    void canonicalSignLeavesAZeroVectorBitForBitAlone() {
        double[] zeros = {-0.0, 0.0, -0.0};
        Vectors.canonicalSign(zeros);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(zeros[0]));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(zeros[1]));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(zeros[2]));
        double[] x = {1.0, -3.0, 3.0}; // tie of magnitudes: the lowest index (1) decides
        Vectors.canonicalSign(x);
        assertEquals(-1.0, x[0]);
        assertEquals(3.0, x[1]);
        assertEquals(-3.0, x[2]);
    }

    @Test
    void plusAndScaledAreFreshArraysAndIsZeroAcceptsBothSignsOfZero() {
        double[] a = {1.0, 2.0};
        assertArrayEquals(new double[] {7.0, -1.0}, Vectors.plus(a, 3.0, new double[] {2.0, -1.0}));
        assertArrayEquals(new double[] {1.0, 2.0}, a, "the input is left alone");
        double[] v = {3.0, -0.5, 0.0};
        double[] s = Vectors.scaled(4.0, v);
        assertArrayEquals(new double[] {12.0, -2.0, 0.0}, s);
        assertArrayEquals(new double[] {3.0, -0.5, 0.0}, v, "the input is left alone");
        assertTrue(Vectors.isZero(new double[] {0.0, -0.0}));
        assertTrue(Vectors.isZero(new double[0]));
        assertFalse(Vectors.isZero(new double[] {0.0, Double.MIN_VALUE}));
    }
}
