package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.AttributedCharacterIterator;
import java.text.AttributedString;
import java.text.CharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.Series;
import org.advsharp.checks.deep.StudyEvidence;
import org.advsharp.deep.HessianOperator;
import org.advsharp.deep.study.StudyCell;
import org.advsharp.deep.study.StudyConfig;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
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
        String svg = plot(true, new double[] {1, 0, -2, Double.NaN, 300});
        assertTrue(svg.contains("3 points not drawable, left out"), svg);
        assertFalse(svg.contains("NaN"));
    }

    /** The tick labels JFreeChart draws on the y axis (range) or the x axis (domain) of the plot of {@code s}. */
    private static List<String> ticks(Series s, boolean yAxis) {
        XYPlot plot = SvgPlot.chart(s).getXYPlot();
        ValueAxis axis = yAxis ? plot.getRangeAxis() : plot.getDomainAxis();
        Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB)
                .createGraphics();
        List<String> out = new ArrayList<>();
        for (Object t : axis.refreshTicks(g, new AxisState(), new Rectangle2D.Double(
                0, 0, 690, 350), yAxis ? RectangleEdge.LEFT : RectangleEdge.BOTTOM)) {
            ValueTick v = (ValueTick) t;
            if (v.getTickType() == TickType.MAJOR) {
                out.add(v instanceof LogTick l && l.getAttributedLabel() != null
                        ? text(l.getAttributedLabel()) : v.getText());
            }
        }
        return out;
    }

    private static String text(AttributedString a) {
        StringBuilder s = new StringBuilder();
        AttributedCharacterIterator i = a.getIterator();
        for (char c = i.first(); c != CharacterIterator.DONE; c = i.next()) {
            s.append(c);
        }
        return s.toString();
    }

    /** The text of every text element of the SVG, in order (title, tick labels, axis labels, legend). */
    private static List<String> texts(String svg) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(">([^<>]+)</text>").matcher(svg);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Fashion-MNIST's trace plot: kappa (d - 1) is 0 at eps = 0, written 1e-300 by the check. */
    private static final Series TRACE = new Series("pair: trace H = trace A + kappa (d - 1) at w*(eps)", "eps/eps_c",
            "trace", true, List.of(
            new Series.Line("trace H", new double[] {0, 0.5, 0.9}, new double[] {0.67, 120, 6280}),
            new Series.Line("trace A", new double[] {0, 0.5, 0.9}, new double[] {0.67, 3.1, 8.2}),
            new Series.Line("kappa (d - 1)", new double[] {0, 0.5, 0.9}, new double[] {1e-300, 117, 6272})));

    @Test
    void aZeroOnALogAxisIsLeftOutAndNamedAndTheAxisSpansOnlyTheData() {
        List<String> labels = ticks(TRACE, true);
        assertEquals(List.of("10⁻¹", "1", "10", "10²", "10³", "10⁴"), labels, "from the data's decades only");
        String caption = SvgPlot.caption(TRACE);
        assertTrue(caption.contains("κ (d - 1) at ε/εc = 0 (value 1e-300)"), caption);
        assertTrue(caption.contains("cannot show 0"), caption);
    }

    @Test
    void aLogAxisHasAtLeastTwoLabelledPowersOfTenAndTheCaptionSaysSo() {
        Series s = new Series("t", "x", "y", true, List.of(new Series.Line("a", new double[] {0, 1, 2},
                new double[] {3, 12, 40})));
        List<String> labels = ticks(s, true);
        assertTrue(labels.containsAll(List.of("1", "10", "10²")), "ticks 1, 10, 100: " + labels);
        assertTrue(SvgPlot.caption(s).contains("each labelled tick is a power of ten"), SvgPlot.caption(s));
    }

    @Test
    void valuesWithinAFactorOfTenGetALinearAxisAndTheCaptionSaysSo() {
        Series s = new Series("t", "x", "y", true, List.of(new Series.Line("a", new double[] {0, 1, 2},
                new double[] {39.81, 41, 44.67})));
        List<String> labels = ticks(s, true);
        assertFalse(labels.stream().anyMatch(l -> l.contains("E")), "no 4.467E1-style labels: " + labels);
        assertTrue(labels.stream().filter(l -> l.matches("\\d+(\\.\\d+)?")).count() >= 2, labels.toString());
        String caption = SvgPlot.caption(s);
        assertTrue(caption.contains("y: y on a linear scale (the values span less than a factor of 10"), caption);
        assertFalse(caption.contains("power of ten"), caption);
    }

    @Test
    void allZeroDataGetARangeAroundZeroAndTheCaptionSaysSo() {
        List<String> labels = ticks(new Series("t", "x", "y", false, List.of(new Series.Line("a",
                new double[] {0, 1, 2}, new double[] {0, 0, 0}))), true);
        assertTrue(labels.contains("1.0") || labels.contains("1"), labels.toString());
        assertFalse(labels.stream().anyMatch(l -> l.contains("E-") || l.contains("0.000000")), labels.toString());
        Series zeros = new Series("t", "x", "share", false, List.of(new Series.Line("a", new double[] {0, 1},
                new double[] {0, 0})));
        assertTrue(SvgPlot.caption(zeros).contains("Every point has the value 0."), SvgPlot.caption(zeros));
    }

    @Test
    void longSeedsGetShortLabelsInTheLegendAndAreListedInTheCaption() {
        Series s = new Series("t", "eps", "lambda_max", false, List.of(
                new Series.Line("seed 1234567890123456789, frozen (A)", new double[] {0, 1}, new double[] {1, 2}),
                new Series.Line("seed 1234567890123456789, recomputed (H)", new double[] {0, 1}, new double[] {1, 3}),
                new Series.Line("seed 998877665544332211, frozen (A)", new double[] {0, 1}, new double[] {2, 3}),
                new Series.Line("seed 3", new double[] {0, 1}, new double[] {2, 4})));
        String svg = SvgPlot.svg(s, "s_");
        assertFalse(svg.contains("1234567890123456789") || svg.contains("998877665544332211"), "no long seed in the plot");
        assertTrue(texts(svg).containsAll(List.of("seed #1, frozen (A)", "seed #1, recomputed (H)",
                "seed #2, frozen (A)", "seed 3")), texts(svg).toString());
        assertTrue(SvgPlot.caption(s).contains("Seeds: #1 = 1234567890123456789, #2 = 998877665544332211."),
                SvgPlot.caption(s));
    }

    @Test
    void aGeometricGridGetsALogarithmicXAxis() {
        Series s = new Series("t", "1 - eps/eps_c", "lambda_max(H)", true, List.of(new Series.Line("a",
                new double[] {1e-1, 1e-2, 1e-3, 1e-4}, new double[] {2, 20, 200, 2000})));
        List<String> labels = ticks(s, false);
        assertTrue(labels.containsAll(List.of("10⁻⁴", "10⁻¹")), labels.toString());
        assertTrue(SvgPlot.caption(s).startsWith("x: 1 - ε/εc on a logarithmic scale"), SvgPlot.caption(s));
        Series linear = new Series("t", "eps/eps_c", "y", false, List.of(new Series.Line("a",
                new double[] {0, 0.5, 0.9}, new double[] {1, 2, 3})));
        assertTrue(SvgPlot.caption(linear).startsWith("x: ε/εc; y: y."), SvgPlot.caption(linear));
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
        LogAxis axis = SvgPlot.logAxis("y", new double[] {2e-6, 0.7});
        assertEquals(1.0, axis.getTickUnit().getSize(), 0.0, "one tick per decade");
        assertEquals(1e-6, axis.getLowerBound(), 1e-12, "from the power of ten below the data");
        assertEquals(1.0, axis.getUpperBound(), 1e-6, "to the power of ten above it");
        assertEquals(1e-4, SvgPlot.logAxis("y", new double[] {0.0001 * (1 - 1e-15), 0.1}).getLowerBound(), 1e-12,
                "a power of ten up to rounding is its own decade");
        assertEquals(2.0, SvgPlot.logAxis("y", new double[] {1e-300, 1}).getTickUnit().getSize() > 1 ? 2.0 : 0.0,
                0.0, "at most " + SvgPlot.MAX_LOG_TICKS + " ticks over many decades");
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
        Series many = new Series("t", "eps/eps_c", "lambda_max", true, IntStream.range(0, 12)
                .mapToObj(i -> new Series.Line("p" + i, new double[] {0, 1}, new double[] {1, 200})).toList());
        String caption = SvgPlot.caption(many);
        assertTrue(caption.startsWith("x: ε/εc; y: λmax on a logarithmic scale"), caption);
        assertTrue(caption.contains("12 lines, one per case; colours and markers repeat after 10"), caption);
        Series curves = new Series("digits: 1-D robust loss curves F(w* + alpha d) - F(w*), ||d|| = ||w*||", "alpha",
                "F", false, List.of(new Series.Line("a", new double[] {0, 1}, new double[] {1, 2})));
        assertTrue(SvgPlot.caption(curves).contains("‖w*‖ shrinks as ε grows towards εc"), SvgPlot.caption(curves));
        assertFalse(SvgPlot.caption(many).contains("shrinks"));
    }

    @Test
    void uncertifiedPointsAreOpenMarkersWithTheirLegendEntryAndCaption() {
        // on a log axis the 0 is left out, so the flag of point 2 belongs to the second point drawn
        Series s = new Series("top eigenvalue", "eps", "lambda", true, List.of(
                new Series.Line("seed 1", new double[] {0, 1, 2, 3}, new double[] {0, 10, 100, 1000},
                        new boolean[] {false, false, true, false}),
                new Series.Line("seed 2", new double[] {0, 1, 2}, new double[] {20, 200, 2000})));
        JFreeChart chart = SvgPlot.chart(s);
        XYItemRenderer r = chart.getXYPlot().getRenderer();
        XYLineAndShapeRenderer shapes = (XYLineAndShapeRenderer) r;
        assertTrue(shapes.getItemShapeFilled(0, 0));
        assertFalse(shapes.getItemShapeFilled(0, 1), "the uncertified point is drawn open");
        assertTrue(shapes.getItemShapeFilled(0, 2));
        assertTrue(shapes.getItemShapeFilled(1, 1));
        List<String> legend = new ArrayList<>();
        LegendItemCollection items = chart.getXYPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            legend.add(items.get(i).getLabel());
        }
        assertEquals(List.of("seed 1", "seed 2", SvgPlot.UNCERTIFIED_LEGEND), legend);
        assertTrue(SvgPlot.svg(s, "u_").contains("not converged (residual above tolerance)"));
        assertTrue(SvgPlot.caption(s).contains("Open markers (legend: not converged (residual above tolerance)): 1 point "),
                SvgPlot.caption(s));
    }

    /**
     * The study's eigenvalue plots flag a point whose residual is above {@link HessianOperator#CONVERGED_RESIDUAL}
     * (recomputed: the record's converged flag says true here) and the report draws it open, the others filled.
     */
    @Test
    void aStudyEigenvalueWhoseResidualIsAboveItsToleranceIsDrawnOpen() {
        StudyConfig config = StudyConfig.registered();
        double[] radii = config.radii();
        long[] seeds = config.seeds();
        List<StudyCell> cells = new ArrayList<>();
        for (long seed : seeds) {
            for (int j = 0; j < radii.length; j++) {
                double residual = seed == seeds[1] && j == 2 ? 2 * HessianOperator.CONVERGED_RESIDUAL : 1e-6;
                StudyCell.Eigen e = new StudyCell.Eigen(20 + j + seed, residual, true, 20, 0, 0, 10);
                cells.add(new StudyCell(seed, radii[j], List.of(1.0), List.of(0.5), 0.8, 0.6, 0.5, 0.4, 1.0, 30, e, e,
                        new StudyCell.Trace(100, 90, 110, 5, 20, 0.95, 0), new double[] {-0.5, 0, 0.5},
                        List.of(new double[] {1.0, 0.5, 1.2}), new double[] {30}, 1000, 500, null));
            }
        }
        Evidence evidence = new Evidence();
        StudyEvidence.record(config, cells, true, evidence, "replay", null);
        List<Series> plots = evidence.toResult(new FunctionalCheck("t", "exp:t", "t", (c, x) -> ""), "", 0).plots();
        for (String title : List.of("frozen-attack lambda_max", "re-attacked lambda_max")) {
            Series s = plots.stream().filter(p -> p.title().startsWith(title)).findFirst().orElseThrow();
            XYLineAndShapeRenderer shapes = (XYLineAndShapeRenderer) SvgPlot.chart(s).getXYPlot().getRenderer();
            for (int line = 0; line < seeds.length; line++) {
                for (int j = 0; j < radii.length; j++) {
                    assertEquals(!(line == 1 && j == 2), shapes.getItemShapeFilled(line, j), title + ", line " + line
                            + ", point " + j);
                }
            }
            assertTrue(SvgPlot.caption(s).contains("Open markers"), SvgPlot.caption(s));
        }
        Series trace = plots.stream().filter(p -> p.title().startsWith("Hutchinson trace")).findFirst().orElseThrow();
        assertFalse(trace.lines().stream().anyMatch(Series.Line::anyUncertified), "a trace has no eigen-solver flag");
    }

    @Test
    void aPlotWithEveryPointCertifiedHasNoOpenMarkersAndNoSuchLegendEntry() {
        Series s = new Series("t", "x", "y", false, List.of(new Series.Line("a", new double[] {0, 1},
                new double[] {1, 2})));
        JFreeChart chart = SvgPlot.chart(s);
        assertTrue(((XYLineAndShapeRenderer) chart.getXYPlot().getRenderer())
                .getItemShapeFilled(0, 1));
        assertEquals(null, chart.getLegend(), "one line and nothing flagged: no legend");
        assertFalse(SvgPlot.caption(s).contains("Open markers"));
    }
}
