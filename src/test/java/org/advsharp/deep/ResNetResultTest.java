package org.advsharp.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.advsharp.numerics.RankTrend;
import org.junit.jupiter.api.Test;

/** The trends of a ResNet result are those of its radii: frozen, re-attacked, their gap; no curve trend without curves. */
class ResNetResultTest {

    @Test
    void theTrendsAreComputedFromTheRadii() {
        double[] frozen = {5, 4, 6};
        double[] reattacked = {5, 7, 6.5};
        List<EpsilonResult> rows = new ArrayList<>();
        for (int i = 0; i < frozen.length; i++) {
            NetworkSharpness s = new NetworkSharpness(0.1 * i, top(frozen[i]), top(reattacked[i]), 1, 1, null, 1);
            rows.add(new EpsilonResult(0.1 * i, List.of(1.0), List.of(0.5), 1, 1, s));
        }
        ResNetResult r = ResNetResult.of(ResNetConfig.cpuTier(), "net", 10, "cpu", "engine", "data", rows, 1, 2);
        assertArrayEquals(frozen, r.frozenTop());
        assertEquals(RankTrend.of(frozen), r.frozenTrend());
        assertEquals(RankTrend.of(reattacked), r.reattackedTrend());
        assertEquals(RankTrend.of(new double[] {0, 3, 0.5}), r.gapTrend());
        assertNull(r.curveTrend());
        assertNull(r.curveRise());
    }

    private static TopEigenvalue top(double value) {
        return new TopEigenvalue(value, 10, 1e-6, true, List.of(1.0), 0, 0, "test");
    }
}
