package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(svg.contains("3 points not drawable, left out"));
        assertFalse(svg.contains("NaN"));
    }

    @Test
    void idsCarryThePrefixSoPlotsOnOnePageDoNotCollide() {
        String svg = plot(false, new double[] {1, 2});
        assertTrue(svg.contains("id='q_svg'") && svg.contains("q_clip"), svg.substring(0, 200));
        assertTrue(svg.contains("viewBox='0.0 0.0 760.0 430.0'"),
                "no viewBox: a narrow page would clip the plot instead of scaling it: " + svg.substring(0, 200));
    }

    @Test
    void aLogAxisOverDecadesIsLabelledAtPowersOfTen() {
        org.jfree.data.xy.XYSeries xy = new org.jfree.data.xy.XYSeries("a");
        xy.add(0, 2e-6);
        xy.add(1, 0.7);
        org.jfree.chart.axis.LogAxis axis = SvgPlot.logAxis("y", new org.jfree.data.xy.XYSeriesCollection(xy));
        assertEquals(1.0, axis.getTickUnit().getSize(), 0.0, "one tick per decade");
        assertEquals("10⁻⁴", axis.getNumberFormatOverride().format(1e-4));
        assertEquals("10⁻¹²", SvgPlot.PowerOfTen.label(-12));
        assertEquals("1", SvgPlot.PowerOfTen.label(0));
        assertEquals("10³", SvgPlot.PowerOfTen.label(3));
        assertFalse(plot(true, new double[] {2e-6, 3e-4, 5e-2, 0.7}).contains("NaN"));
    }

    @Test
    void titlesLabelsAndLegendsAreWrittenInUnicodeMathematics() {
        String svg = SvgPlot.svg(new Series("lambda_max(H(w*(eps))) against eps/eps_c", "eps/eps_c", "||w*||",
                false, List.of(new Series.Line("kappa >= 0", new double[] {0, 1}, new double[] {1, 2}),
                        new Series.Line("b", new double[] {0, 1}, new double[] {2, 3}))), "m_");
        assertTrue(svg.contains("λmax of H at w*(ε) against ε/εc"), "title");
        assertTrue(svg.contains("κ ≥ 0"), "legend");
        assertFalse(svg.contains("lambda_max") || svg.contains("eps_c") || svg.contains("kappa"));
        assertEquals("‖w*‖ ≤ (εc - ε)/λ, trace of A at w*(ε), ε₁ → ε₂",
                MathText.unicode("||w*|| <= (eps_c - eps)/lambda, trace(A(w*(eps))), eps1 -> eps2"));
        assertEquals("epsilon and kappas stay", MathText.unicode("epsilon and kappas stay"));
    }

    @Test
    void theCaptionSaysHowToReadThePlot() {
        Series many = new Series("t", "eps/eps_c", "lambda_max", true, java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> new Series.Line("p" + i, new double[] {0, 1}, new double[] {1, 2})).toList());
        String caption = SvgPlot.caption(many);
        assertTrue(caption.startsWith("x: ε/εc; y: λmax on a logarithmic scale"), caption);
        assertTrue(caption.contains("12 lines, one per case; colours and markers repeat after 10"), caption);
        Series curves = new Series("digits: 1-D robust loss curves F(w* + alpha d) - F(w*), ||d|| = ||w*||", "alpha",
                "F", false, List.of(new Series.Line("a", new double[] {0, 1}, new double[] {1, 2})));
        assertTrue(SvgPlot.caption(curves).contains("‖w*‖ shrinks as ε grows towards εc"), SvgPlot.caption(curves));
        assertFalse(SvgPlot.caption(many).contains("shrinks"));
    }
}
