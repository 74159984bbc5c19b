package org.advsharp.oracle;

import static org.advsharp.numerics.Tolerances.ROUNDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogisticTest {

    @Test
    void sigmoidMatchesDefinitionAndIsStableAtExtremes() {
        for (double z = -30; z <= 30; z += 0.75) {
            assertEquals(1.0 / (1.0 + Math.exp(-z)), Logistic.sigmoid(z), ROUNDING, "sigma(" + z + ")");
            assertEquals(1.0, Logistic.sigmoid(z) + Logistic.sigmoid(-z), ROUNDING, "sigma(z) + sigma(-z)");
        }
        assertEquals(0.0, Logistic.sigmoid(-1e4));
        assertEquals(1.0, Logistic.sigmoid(1e4));
        assertEquals(0.5, Logistic.sigmoid(0.0));
    }

    @Test
    void softplusMatchesDefinitionAndIsStableAtExtremes() {
        for (double z = -30; z <= 30; z += 0.75) {
            double expected = Math.log(1.0 + Math.exp(z));
            assertEquals(expected, Logistic.softplus(z), ROUNDING * Math.max(1.0, Math.abs(expected)), "softplus(" + z + ")");
        }
        assertEquals(1e4, Logistic.softplus(1e4), ROUNDING * 1e4);
        assertTrue(Logistic.softplus(-1e4) >= 0.0);
        assertEquals(Math.log(2.0), Logistic.softplus(0.0), ROUNDING);
    }

    @Test
    void curvatureIsSigmaTimesSigmaOfMinus() {
        for (double m = -30; m <= 30; m += 0.75) {
            assertEquals(Logistic.sigmoid(m) * Logistic.sigmoid(-m), Logistic.curvature(m), ROUNDING, "s(" + m + ")");
            assertEquals(Logistic.curvature(m), Logistic.curvature(-m), 0.0, "s is even");
        }
        assertEquals(0.25, Logistic.curvature(0.0), 0.0);
        assertTrue(Logistic.curvature(2.0) < Logistic.curvature(1.0), "s falls as |m| grows");
    }
}
