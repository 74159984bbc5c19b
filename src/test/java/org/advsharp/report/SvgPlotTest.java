package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.advsharp.check.Series;
import org.junit.jupiter.api.Test;

class SvgPlotTest {

    private static String plot(boolean logY, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return SvgPlot.svg(new Series("t", "x", "y", logY, List.of(new Series.Line("a", x, y))), "q_");
    }

    @Test
    void tinyValuesOnALogAxisGiveFiniteCoordinates() {
        String svg = plot(true, new double[] {3e-15, 1e-14, 7e-14, 2e-13});
        assertTrue(svg.startsWith("<svg"), svg.substring(0, 40));
        assertFalse(svg.contains("NaN"), "NaN coordinates in the SVG");
    }

    @Test
    void constantDataOnEitherAxisGivesFiniteCoordinates() {
        assertFalse(plot(true, new double[] {0.5, 0.5, 0.5}).contains("NaN"));
        assertFalse(plot(false, new double[] {0.5, 0.5, 0.5}).contains("NaN"));
        assertFalse(plot(false, new double[] {0, 0, 0}).contains("NaN"));
    }

    @Test
    void undrawablePointsAreLeftOutAndCounted() {
        String svg = plot(true, new double[] {1, 0, -2, Double.NaN, 3});
        assertTrue(svg.contains("3 point(s) not drawable, left out"));
        assertFalse(svg.contains("NaN"));
    }

    @Test
    void idsCarryThePrefixSoPlotsOnOnePageDoNotCollide() {
        String svg = plot(false, new double[] {1, 2});
        assertTrue(svg.contains("id='q_svg'") && svg.contains("q_clip"), svg.substring(0, 200));
    }
}
