package org.advsharp.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinearSeparabilityTest {

    @Test
    void separableDataHaveAStrictlySeparatingWitness() {
        Dataset d = Dataset.of(new double[][] {{1, 0.2}, {2, -1}, {-1, 0.5}, {-3, -0.1}},
                new double[] {1, 1, -1, -1});
        LinearSeparability.Result r = LinearSeparability.of(d);
        assertTrue(r.separable());
        assertTrue(r.l2Margin() > 0, "witness margin " + r.l2Margin());
    }

    @Test
    void xorThroughTheOriginIsNotSeparable() {
        Dataset d = Dataset.of(new double[][] {{1, 1}, {-1, -1}, {1, -1}, {-1, 1}},
                new double[] {1, 1, -1, -1});
        assertFalse(LinearSeparability.of(d).separable());
    }

    @Test
    void samePointWithBothLabelsIsNotSeparable() {
        Dataset d = Dataset.of(new double[][] {{1, 2}, {1, 2}, {3, 1}}, new double[] {1, -1, 1});
        assertFalse(LinearSeparability.of(d).separable());
    }

    @Test
    void zeroRowIsNeverStrictlySeparable() {
        Dataset d = Dataset.of(new double[][] {{1, 0}, {0, 0}}, new double[] {1, -1});
        assertFalse(LinearSeparability.of(d).separable());
    }

    @Test
    void tinyScaleDoesNotHideSeparation() {
        Dataset d = Dataset.of(new double[][] {{1e-9, 0}, {-2e-9, 1e-10}}, new double[] {1, -1});
        assertTrue(LinearSeparability.of(d).separable());
    }
}
