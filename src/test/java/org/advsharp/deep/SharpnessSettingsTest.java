package org.advsharp.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

/** The settings of a measurement of top eigenvalues only are the full settings with no curves and the usual choices. */
class SharpnessSettingsTest {

    @Test
    void eigenvaluesOnlyHasNoCurvesTheMadryStepTheDefaultDisplacementAndFloat64() {
        assertEquals(new SharpnessSettings(16, 3, PgdSettings.MADRY_STEP_FACTOR, 20, SharpnessSettings.DEFAULT_FD_STEP,
                0, null, DataType.FLOAT64, 7L), SharpnessSettings.eigenvaluesOnly(16, 3, 20, 7L));
    }
}
