package org.advsharp.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import org.advsharp.check.Series;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * A {@link Series} drawn by JFreeChart into an SVG element (JFreeSVG) for inlining into the report.
 * On a logarithmic y axis, points with y <= 0 or a non-finite coordinate cannot be drawn; they are left
 * out and the title says how many.
 */
final class SvgPlot {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x17becf), new Color(0x8c564b), new Color(0x7f7f7f),
    };

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
            XYSeries xy = new XYSeries(line.name() + (hasName(data, line.name()) ? " (" + k + ")" : ""),
                    false, true);
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
        NumberAxis xAxis = new NumberAxis(series.xLabel());
        xAxis.setAutoRangeIncludesZero(false);
        NumberAxis yLinear = new NumberAxis(series.yLabel());
        yLinear.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        XYPlot plot = new XYPlot(data, xAxis, series.logY() ? logAxis(series.yLabel(), data) : yLinear, renderer);
        yLinear.setAutoRangeMinimumSize(minimumRange(data));
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        String title = series.title() + (dropped > 0 ? " (" + dropped + " point(s) not drawable, left out)" : "");
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot,
                data.getSeriesCount() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(idPrefix);
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement(idPrefix + "svg");
    }

    /**
     * A log axis that works for any positive data. JFreeChart widens a range narrower than its "auto range
     * minimum size" (default 1e-8) symmetrically, which for data below 1e-8 (typical errors) makes the
     * lower end negative and every log coordinate NaN; the minimum is therefore set to the smallest
     * positive double, and constant data gets an explicit range of one factor 2 each side.
     */
    private static LogAxis logAxis(String label, XYSeriesCollection data) {
        LogAxis axis = new LogAxis(label);
        axis.setAutoRangeMinimumSize(Double.MIN_NORMAL);
        org.jfree.data.Range r = org.jfree.data.general.DatasetUtils.findRangeBounds(data);
        if (r != null && r.getLength() == 0) {
            axis.setRange(r.getLowerBound() / 2, r.getUpperBound() * 2);
        }
        return axis;
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
