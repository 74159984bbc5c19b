package org.advsharp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabelledImagesTest {
    private static LabelledImages three() {
        return new LabelledImages(new double[][] {{0, 1}, {0.5, 0.5}, {1, 0}}, new int[] {2, 0, 2}, 3, 1, 1, 2);
    }

    @Test
    void binaryPairKeepsFileOrderAndMapsLabels() {
        Dataset d = three().binaryPair(0, 2);
        assertEquals(3, d.size());
        assertArrayEquals(new double[] {1, -1, 1}, d.labels());
        assertArrayEquals(new double[] {0.5, 0.5}, d.row(1));
    }

    @Test
    void badPairsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> three().binaryPair(1, 1));
        assertThrows(IllegalArgumentException.class, () -> three().binaryPair(0, 3));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> three().binaryPair(0, 1)).getMessage()
                .contains("both need some"));
    }

    @Test
    void constructionValidates() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LabelledImages(
                new double[][] {{0, 1.5}}, new int[] {0}, 2, 1, 1, 2)).getMessage().contains("[0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LabelledImages(
                new double[][] {{0, 1}}, new int[] {5}, 2, 1, 1, 2)).getMessage().contains("expected 0..1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LabelledImages(
                new double[][] {{0}}, new int[] {0}, 2, 1, 1, 2)).getMessage().contains("expected 2"));
    }

    @Test
    void headTakesThePrefix() {
        assertArrayEquals(new int[] {2, 0}, three().head(2).labels());
        assertEquals(3, three().head(10).size());
    }
}
