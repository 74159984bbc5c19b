package org.advsharp.checks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one formatting helper of the checks: significant digits in the root locale, arrays rounded to them. */
class FiguresTest {

    @Test
    void significantDigitsInTheRootLocale() {
        assertEquals("0.0123", Figures.significant(0.0123456, 3));
        assertEquals("1.235e+06", Figures.significant(1234567, 4));
        assertEquals("-2.000", Figures.significant(-2, 4));
        assertThrows(IllegalArgumentException.class, () -> Figures.significant(1, 0));
    }

    @Test
    void arraysAreRoundedToTheirPrintedForm() {
        assertArrayEquals(new double[] {0.01235, 1235000, 3.0}, Figures.rounded(new double[] {0.0123456, 1234567, 3}, 4),
                0.0);
    }

    @Test
    void fourDigitsAsTheDeepAndFashionChecksWriteThem() {
        assertEquals("0.1235", Figures.fourDigits(0.123456));
        assertEquals("1.000", Figures.fourDigits(1));
        assertArrayEquals(new double[] {0.1235, 2.5}, Figures.roundedToFour(new double[] {0.123456, 2.5}), 0.0);
    }
}
