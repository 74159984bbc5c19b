package org.advsharp.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.advsharp.data.Dataset;
import org.advsharp.data.GaussianMixture;
import org.advsharp.numerics.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * {@link StationarityResiduals#at(MarginAdversarialLoss, double, double[])}: the logistic member gives the numbers
 * of the logistic overload bit for bit (the training objective of every loss uses it), another loss its own.
 */
class MarginStationarityResidualsTest {
    private static final Dataset DATA = GaussianMixture.sample(20260420L, 30, 8, 1.0, 1.0);
    private static final double[] W = {0.4, -0.3, 0.7, 0.123456789, -1.7, 0.31, 0.0271828, -0.577};

    @Test
    void theLogisticMemberIsTheLogisticOverloadBitForBit() {
        StationarityResiduals logistic = StationarityResiduals.at(new AdversarialLoss(DATA, 0.2), 0.01, W);
        StationarityResiduals general = StationarityResiduals.at(
                new MarginAdversarialLoss(DATA, MarginLoss.logistic(), 0.2), 0.01, W);
        assertEquals(logistic, general);
    }

    @Test
    void anotherLossHasItsOwnRadialResidual() {
        MarginAdversarialLoss exponential = new MarginAdversarialLoss(DATA, MarginLoss.exponential(), 0.2);
        StationarityResiduals r = StationarityResiduals.at(exponential, 0.01, W);
        double[] m = exponential.margins(W);
        double sum = 0;
        for (double mi : m) {
            sum += Math.exp(-mi) * mi;
        }
        double normSquared = 0;
        for (double wj : W) {
            normSquared += wj * wj;
        }
        double expected = sum / m.length - 0.01 * normSquared;
        assertEquals(expected, r.radial(), Tolerances.ROUNDING * Math.max(1, Math.abs(expected)));
        assertNotEquals(StationarityResiduals.at(new AdversarialLoss(DATA, 0.2), 0.01, W).radial(), r.radial());
    }
}
