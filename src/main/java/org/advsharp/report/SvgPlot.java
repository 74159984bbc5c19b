package org.advsharp.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.advsharp.check.Series;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A {@link Series} drawn by JFreeChart into an SVG element (JFreeSVG) for inlining into the report, with a
 * caption that says how to read it.
 *
 * <ul>
 *   <li>Drawn at 760 x 430 with 13-16 px text, and scaled to the page width by the style sheet, so the
 *       text stays legible at the width of the page.</li>
 *   <li>Title, axis labels and legend have their ASCII mathematics in Unicode ({@link MathText}).</li>
 *   <li>A logarithmic y axis spanning at least one decade has one tick per power of ten, labelled 10ⁿ.</li>
 *   <li>Every line has its own colour and marker (ten of each); with more lines than that they repeat,
 *       and the caption says to read the spread rather than single lines.</li>
 *   <li>On a logarithmic y axis, points with y <= 0 or a non-finite coordinate cannot be drawn; they are
 *       left out and the title says how many.</li>
 * </ul>
 */
final class SvgPlot {

    static final int WIDTH = 760;
    static final int HEIGHT = 430;

    /** Distinct colours (Tableau 10). */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e),
        new Color(0x17becf), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22),
    };

    /** More lines than this and colours and markers repeat. */
    static final int DISTINCT = PALETTE.length;

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private SvgPlot() {
    }

    /**
     * Renders one plot.
     *
     * @param series   the data
     * @param idPrefix a prefix unique within the page for the SVG's internal ids (clip paths)
     */
    static String svg(Series series, String idPrefix) {
        XYSeriesCollection data = new XYSeriesCollection();
        int dropped = 0;
        int k = 0;
        for (Series.Line line : series.lines()) {
            String name = MathText.unicode(line.name());
            XYSeries xy = new XYSeries(name + (hasName(data, name) ? " (" + k + ")" : ""), false, true);
            for (int i = 0; i < line.x().length; i++) {
                double x = line.x()[i];
                double y = line.y()[i];
                if (!Double.isFinite(x) || !Double.isFinite(y) || (series.logY() && y <= 0)) {
                    dropped++;
                    continue;
                }
                xy.add(x, y);
            }
            data.addSeries(xy);
            k++;
        }
        NumberAxis xAxis = new NumberAxis(MathText.unicode(series.xLabel()));
        xAxis.setAutoRangeIncludesZero(false);
        NumberAxis yLinear = new NumberAxis(MathText.unicode(series.yLabel()));
        yLinear.setAutoRangeIncludesZero(false);
        yLinear.setAutoRangeMinimumSize(minimumRange(data));
        ValueAxis yAxis = series.logY() ? logAxis(MathText.unicode(series.yLabel()), data) : yLinear;
        for (ValueAxis a : new ValueAxis[] {xAxis, yAxis}) {
            a.setLabelFont(LABEL);
            a.setTickLabelFont(TICKS);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Shape[] shapes = DefaultDrawingSupplier.createStandardSeriesShapes();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesShape(i, shapes[i % shapes.length]);
            renderer.setSeriesStroke(i, new BasicStroke(data.getSeriesCount() > DISTINCT ? 1.0f : 1.8f));
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        String title = MathText.unicode(series.title())
                + (dropped > 0 ? " (" + Plural.of(dropped, "point") + " not drawable, left out)" : "");
        JFreeChart chart = new JFreeChart(null, TITLE, plot, data.getSeriesCount() > 1);
        TextTitle t = new TextTitle(title, TITLE);
        t.setMaximumLinesToDisplay(3);
        chart.setTitle(t);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LEGEND);
        }
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(idPrefix);
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        // A viewBox, so that the style sheet's max-width scales the drawing down on a narrow page instead of
        // clipping it.
        return g.getSVGElement(idPrefix + "svg", true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    /**
     * How to read a plot, in one or two sentences: the axes, the scale, what the lines are, and for the
     * filter-normalised robust-loss curves why they look flattest at large ε/εc.
     */
    static String caption(Series series) {
        StringBuilder s = new StringBuilder();
        s.append("x: ").append(MathText.unicode(series.xLabel())).append("; y: ")
                .append(MathText.unicode(series.yLabel()));
        if (series.logY()) {
            s.append(" on a logarithmic scale (each labelled tick is a power of ten, so equal steps are equal "
                    + "factors)");
        }
        s.append(". ");
        int lines = series.lines().size();
        if (lines > DISTINCT) {
            s.append(lines).append(" lines, one per case; colours and markers repeat after ").append(DISTINCT)
                    .append(": read the common trend and the spread, not single lines. ");
        } else if (lines > 1) {
            s.append(lines).append(" lines, each with its own colour and marker (legend). ");
        }
        String raw = series.title() + " " + series.xLabel() + " " + series.yLabel();
        if (raw.contains("filter-normalised") || raw.contains("||d|| = ||w*||")) {
            s.append("The directions d are normalised to the weights (||d|| = ||w||), and ||w*|| shrinks as ε "
                    + "grows towards εc (it is 0 at εc), so the same α is a shorter step at large ε/εc and the "
                    + "curves there look flatter than the landscape is: λmax of H at w*(ε) still rises (the "
                    + "sharpness plot). Compare the sharpness plots, not the widths of these curves, across radii.");
        }
        return MathText.unicode(s.toString().strip());
    }

    /**
     * A log axis that works for any positive data. JFreeChart widens a range narrower than its "auto range
     * minimum size" (default 1e-8) symmetrically, which for data below 1e-8 (typical errors) makes the
     * lower end negative and every log coordinate NaN; the minimum is therefore set to the smallest
     * positive double, and constant data gets an explicit range of one factor 2 each side. When the data
     * span at least a decade, ticks are the powers of ten.
     */
    static LogAxis logAxis(String label, XYSeriesCollection data) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setAutoRangeMinimumSize(Double.MIN_NORMAL);
        org.jfree.data.Range r = org.jfree.data.general.DatasetUtils.findRangeBounds(data);
        if (r != null && r.getLength() == 0) {
            axis.setRange(r.getLowerBound() / 2, r.getUpperBound() * 2);
        }
        if (r != null && r.getLowerBound() > 0 && r.getUpperBound() / r.getLowerBound() >= 10) {
            int decades = (int) Math.ceil(Math.log10(r.getUpperBound() / r.getLowerBound()));
            axis.setTickUnit(new NumberTickUnit(Math.max(1, decades / 8)));
            axis.setNumberFormatOverride(new PowerOfTen());
            axis.setMinorTickMarksVisible(false);
        } else {
            axis.setNumberFormatOverride(new DecimalFormat("0.###E0"));
        }
        return axis;
    }

    /** Labels a power of ten as 10ⁿ with superscript digits. */
    static final class PowerOfTen extends NumberFormat {
        private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

        @Override
        public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
            double e = Math.log10(number);
            long n = Math.round(e);
            if (Math.abs(e - n) > 1e-9) {
                return out.append(String.format(Locale.ROOT, "%.3g", number));
            }
            return out.append(label(n));
        }

        @Override
        public StringBuffer format(long number, StringBuffer out, FieldPosition pos) {
            return format((double) number, out, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }

        static String label(long exponent) {
            if (exponent == 0) {
                return "1";
            }
            if (exponent == 1) {
                return "10";
            }
            StringBuilder s = new StringBuilder("10");
            if (exponent < 0) {
                s.append('⁻');
            }
            for (char c : Long.toString(Math.abs(exponent)).toCharArray()) {
                s.append(SUPERSCRIPTS.charAt(c - '0'));
            }
            return s.toString();
        }
    }

    /** Linear-axis minimum range: JFreeChart's 1e-8, or 1e-3 of the data's magnitude if that is smaller. */
    private static double minimumRange(XYSeriesCollection data) {
        org.jfree.data.Range r = org.jfree.data.general.DatasetUtils.findRangeBounds(data);
        double magnitude = r == null ? 0 : Math.max(Math.abs(r.getLowerBound()), Math.abs(r.getUpperBound()));
        return magnitude > 0 ? Math.min(1e-8, magnitude * 1e-3) : 1e-8;
    }

    private static boolean hasName(XYSeriesCollection data, String name) {
        for (int i = 0; i < data.getSeriesCount(); i++) {
            if (data.getSeriesKey(i).equals(name)) {
                return true;
            }
        }
        return false;
    }
}
