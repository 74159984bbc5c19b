package org.advsharp.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import org.advsharp.check.Series;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
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
 *   <li>The scales, the points drawn and the legend names are decided by {@link PlotLayout}: never a zero
 *       or a negative value on a logarithmic axis, a linear axis where a logarithmic one would have no power
 *       of ten inside, a logarithmic x axis for a geometric grid, short labels for seeds.</li>
 *   <li>A logarithmic axis runs between powers of ten and has one labelled tick, 10ⁿ, per decade (or per
 *       few decades), at least two of them.</li>
 *   <li>Every line has its own colour and marker (ten of each); with more lines than that they repeat,
 *       and the caption says to read the spread rather than single lines.</li>
 *   <li>Points flagged uncertified ({@link Series.Line#uncertified()}: an eigenvalue whose solver did not
 *       converge) are drawn as open markers, with the legend entry {@value #UNCERTIFIED_LEGEND} and a
 *       sentence in the caption.</li>
 *   <li>Points that cannot be drawn are left out; the title says how many and the caption names each.</li>
 *   <li>The caption is written from the axes actually drawn, so it never contradicts the tick labels.</li>
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

    /** The legend entry of the open markers: points whose eigenvalue solver did not converge. */
    static final String UNCERTIFIED_LEGEND = "not converged (residual above tolerance)";

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private SvgPlot() {
    }

    /**
     * Renders one plot, laid out by {@link PlotLayout}.
     *
     * @param series   the data
     * @param idPrefix a prefix unique within the page for the SVG's internal ids (clip paths)
     */
    static String svg(Series series, String idPrefix) {
        JFreeChart chart = chart(series);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(idPrefix);
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        // A viewBox, so that the style sheet's max-width scales the drawing down on a narrow page instead of
        // clipping it.
        return g.getSVGElement(idPrefix + "svg", true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    /** The chart of one plot: the lines of {@link PlotLayout}, its axes, the title and the legend. */
    static JFreeChart chart(Series series) {
        PlotLayout layout = PlotLayout.of(series);
        XYSeriesCollection data = new XYSeriesCollection();
        int k = 0;
        for (PlotLayout.Line line : layout.lines()) {
            XYSeries xy = new XYSeries(line.name() + (hasName(data, line.name()) ? " (" + k + ")" : ""), false, true);
            for (int i = 0; i < line.x().length; i++) {
                xy.add(line.x()[i], line.y()[i]);
            }
            data.addSeries(xy);
            k++;
        }
        String xLabel = MathText.unicode(series.xLabel());
        String yLabel = MathText.unicode(series.yLabel());
        ValueAxis xAxis = layout.xScale() == PlotLayout.Scale.LOG ? logAxis(xLabel, layout.xBounds())
                : linearAxis(xLabel, layout.xBounds(), null);
        ValueAxis yAxis = layout.yScale() == PlotLayout.Scale.LOG ? logAxis(yLabel, layout.yBounds())
                : linearAxis(yLabel, layout.yBounds(), layout.constantY());
        for (ValueAxis a : new ValueAxis[] {xAxis, yAxis}) {
            a.setLabelFont(LABEL);
            a.setTickLabelFont(TICKS);
        }
        List<PlotLayout.Line> drawn = layout.lines();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true) {
            @Override
            public boolean getItemShapeFilled(int series, int item) {
                return !drawn.get(series).uncertified()[item] && super.getItemShapeFilled(series, item);
            }
        };
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
        int dropped = layout.leftOut().size();
        String title = MathText.unicode(series.title())
                + (dropped > 0 ? " (" + Plural.of(dropped, "point") + " not drawable, left out: see the caption)" : "");
        boolean open = layout.uncertifiedDrawn() > 0;
        if (open) {
            LegendItemCollection legend = plot.getLegendItems();
            legend.add(new LegendItem(UNCERTIFIED_LEGEND, null, null, null, true, shapes[0], false, Color.BLACK, true,
                    Color.BLACK, new BasicStroke(1.2f), false, new Rectangle2D.Double(), new BasicStroke(), Color.BLACK));
            plot.setFixedLegendItems(legend);
        }
        JFreeChart chart = new JFreeChart(null, TITLE, plot, data.getSeriesCount() > 1 || open);
        TextTitle t = new TextTitle(title, TITLE);
        t.setMaximumLinesToDisplay(3);
        chart.setTitle(t);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LEGEND);
        }
        chart.setBackgroundPaint(Color.WHITE);
        // room on the right for the last tick label of the x axis, centred on the plot's right edge
        chart.setPadding(new RectangleInsets(4, 4, 4, RIGHT_PADDING));
        return chart;
    }

    /**
     * How to read a plot, from the axes actually drawn ({@link PlotLayout}): each axis and its scale, what
     * the lines are, the seeds behind short legend labels, every point left out and why, and for the
     * filter-normalised robust-loss curves why they look flattest at large ε/εc.
     */
    static String caption(Series series) {
        PlotLayout layout = PlotLayout.of(series);
        StringBuilder s = new StringBuilder();
        s.append("x: ").append(MathText.unicode(series.xLabel()));
        if (layout.xScale() == PlotLayout.Scale.LOG) {
            s.append(" on a logarithmic scale (labelled ticks are powers of ten)");
        }
        s.append("; y: ").append(MathText.unicode(series.yLabel()));
        if (layout.yScale() == PlotLayout.Scale.LOG) {
            s.append(" on a logarithmic scale (each labelled tick is a power of ten, so equal steps are equal "
                    + "factors)");
        } else if (series.logY() && layout.lines().stream().anyMatch(l -> l.y().length > 0)) {
            s.append(" on a linear scale (the values span less than a factor of ")
                    .append((int) PlotLayout.LOG_MIN_FACTOR).append(", too little for a logarithmic one)");
        }
        s.append(". ");
        if (layout.constantY() != null) {
            s.append("Every point has the value ").append(PlotLayout.coordinate(layout.constantY()))
                    .append(series.lines().size() > 1 ? ", so the lines lie on top of each other. " : ". ");
        }
        int lines = series.lines().size();
        if (lines > DISTINCT) {
            s.append(lines).append(" lines, one per case; colours and markers repeat after ").append(DISTINCT)
                    .append(": read the common trend and the spread, not single lines. ");
        } else if (lines > 1) {
            s.append(lines).append(" lines, each with its own colour and marker (legend). ");
        }
        if (!layout.seeds().isEmpty()) {
            s.append("Seeds: ");
            layout.seeds().forEach((label, seed) -> s.append(label).append(" = ").append(seed).append(", "));
            s.setLength(s.length() - 2);
            s.append(". ");
        }
        int open = layout.uncertifiedDrawn();
        if (open > 0) {
            s.append("Open markers (legend: ").append(UNCERTIFIED_LEGEND).append("): ").append(Plural.of(open, "point"))
                    .append(" whose eigenvalue solver stopped with its residual above the tolerance, so the value "
                            + "is not certified. ");
        }
        leftOut(layout, MathText.unicode(series.xLabel()), s);
        String raw = series.title() + " " + series.xLabel() + " " + series.yLabel();
        if (raw.contains("filter-normalised") || raw.contains("||d|| = ||w*||")) {
            s.append("The directions d are normalised to the weights (||d|| = ||w||), and ||w*|| shrinks as ε "
                    + "grows towards εc (it is 0 at εc), so the same α is a shorter step at large ε/εc and the "
                    + "curves there look flatter than the landscape is: λmax of H at w*(ε) still rises (the "
                    + "sharpness plot). Compare the sharpness plots, not the widths of these curves, across radii.");
        }
        return MathText.unicode(s.toString().strip());
    }

    /** Names each point left out: "line at ε/εc = 0 (value y)", at most {@value #NAMED_LEFT_OUT}, then a count. */
    private static void leftOut(PlotLayout layout, String xLabel, StringBuilder s) {
        List<PlotLayout.LeftOut> off = layout.leftOut();
        List<PlotLayout.LeftOut> small = off.stream().filter(PlotLayout.LeftOut::finite).toList();
        List<PlotLayout.LeftOut> nonFinite = off.stream().filter(p -> !p.finite()).toList();
        if (!small.isEmpty()) {
            s.append("Left out, since a logarithmic axis cannot show 0, a negative value, or one below 10")
                    .append(PowerOfTen.label(-PlotLayout.LOG_DECADES).substring(2))
                    .append(" of the largest value (0 at this scale): ");
            points(small, xLabel, s);
        }
        if (!nonFinite.isEmpty()) {
            s.append("Left out, not a finite number: ");
            points(nonFinite, xLabel, s);
        }
    }

    private static void points(List<PlotLayout.LeftOut> points, String xLabel, StringBuilder s) {
        for (int i = 0; i < Math.min(points.size(), NAMED_LEFT_OUT); i++) {
            PlotLayout.LeftOut p = points.get(i);
            s.append(i == 0 ? "" : "; ").append(p.line()).append(" at ").append(xLabel).append(" = ")
                    .append(PlotLayout.coordinate(p.x())).append(" (value ").append(PlotLayout.coordinate(p.y())).append(')');
        }
        if (points.size() > NAMED_LEFT_OUT) {
            s.append(" and ").append(Plural.of(points.size() - NAMED_LEFT_OUT, "more point"));
        }
        s.append(". ");
    }

    /**
     * A logarithmic axis over data from {@code bounds[0]} to {@code bounds[1]} (positive, spanning at least
     * a factor of ten): it runs between the powers of ten that enclose the data, rounded outwards to the
     * tick step, with one labelled tick, 10ⁿ, every step; the step is one decade, or more to keep at most
     * {@value #MAX_LOG_TICKS} ticks. So it always has at least two labelled ticks, each a power of ten.
     */
    static LogAxis logAxis(String label, double[] bounds) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setAutoRangeMinimumSize(Double.MIN_NORMAL);
        // a value that is a power of ten up to rounding (1e-4 stored as 9.99...e-5) is that power
        int low = (int) Math.floor(Math.log10(bounds[0]) + LOG_ROUNDING);
        int high = (int) Math.ceil(Math.log10(bounds[1]) - LOG_ROUNDING);
        int step = Math.max(1, (int) Math.ceil((high - low) / (double) (MAX_LOG_TICKS - 1)));
        low = Math.floorDiv(low, step) * step;
        high = Math.max(low + step, -Math.floorDiv(-high, step) * step);
        // a hair wider than the powers of ten, so that rounding in the log never drops an end tick
        axis.setRange(Math.pow(10, low) * (1 - RANGE_SLACK), Math.pow(10, high) * (1 + RANGE_SLACK));
        axis.setTickUnit(new NumberTickUnit(step));
        axis.setNumberFormatOverride(new PowerOfTen());
        axis.setMinorTickMarksVisible(false);
        return axis;
    }

    /** Pixels right of the plot, so that an x tick label at the right edge ("10⁴") is not cut off. */
    private static final int RIGHT_PADDING = 18;

    /** Most labelled ticks on a logarithmic axis. */
    static final int MAX_LOG_TICKS = 9;
    /** Slack on log10 of a value when rounding it to the decade it lies in. */
    private static final double LOG_ROUNDING = 1e-9;
    /** Relative widening of a logarithmic axis's range beyond its end powers of ten. */
    private static final double RANGE_SLACK = 1e-9;
    /** Points left out that the caption names one by one. */
    static final int NAMED_LEFT_OUT = 6;

    /**
     * A linear axis over data from {@code bounds[0]} to {@code bounds[1]}, zero not forced in. Constant data
     * ({@code constant} not null) get the range of {@link PlotLayout#constantRange}; otherwise JFreeChart's
     * auto range, whose minimum size is JFreeChart's 1e-8 or 1e-3 of the data's magnitude if that is smaller.
     */
    static NumberAxis linearAxis(String label, double[] bounds, Double constant) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        if (constant != null) {
            double[] r = PlotLayout.constantRange(constant);
            axis.setRange(r[0], r[1]);
        } else {
            axis.setAutoRangeMinimumSize(minimumRange(bounds));
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
    private static double minimumRange(double[] bounds) {
        double magnitude = Double.isNaN(bounds[0]) ? 0 : Math.max(Math.abs(bounds[0]), Math.abs(bounds[1]));
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
