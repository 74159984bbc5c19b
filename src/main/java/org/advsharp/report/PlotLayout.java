package org.advsharp.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advsharp.check.Series;

/**
 * What one plot draws, decided from its data before anything is drawn: the lines' names for the legend,
 * the points that can be drawn, the scale of each axis, and what was left out and why. {@link SvgPlot} draws
 * it and writes the caption from it, so that the caption always describes the axes actually drawn.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>Legend names: a number of {@value #LONG_SEED_DIGITS} or more digits in a line's name (a seed) is
 *       replaced by "#k", k counting the distinct such numbers in order of appearance; the caption lists
 *       "#k = the number".</li>
 *   <li>Points with a non-finite coordinate are left out.</li>
 *   <li>A y axis asked to be logarithmic is logarithmic only over the positive values above
 *       {@code largest / 10^}{@value #LOG_DECADES} ({@code largest} the largest finite y): values at or
 *       below that floor (0, negatives, and stand-ins such as 1e-300 for 0) cannot be placed on such an
 *       axis and are left out, each named in the caption. If the values kept span less than a factor of
 *       {@value #LOG_MIN_FACTOR}, a logarithmic axis would show no power of ten between them: the axis is
 *       linear instead and every finite point is drawn.</li>
 *   <li>A logarithmic y axis runs between the powers of ten that enclose the data, so it has at least two
 *       labelled ticks, each a power of ten.</li>
 *   <li>The x axis is logarithmic when every x drawn is positive and they span at least a factor of
 *       {@value #LOG_X_FACTOR} (a grid approaching a point geometrically, such as 1 - ε/εc = 10⁻¹ ... 10⁻⁴,
 *       which a linear axis crowds into its first percent); otherwise linear.</li>
 *   <li>A linear y axis whose points all have one value c gets the range c ± |c|/2, or ±1 for c = 0, and
 *       the caption says that every point has that value.</li>
 * </ol>
 */
final class PlotLayout {

    /** A line name's number with at least this many digits is a seed and gets a short label. */
    static final int LONG_SEED_DIGITS = 7;
    /**
     * Decades a logarithmic y axis shows below the largest value. On a plot about 330 px tall, more decades
     * would leave under 28 px to a factor of ten and flatten every line that matters; a value further below
     * the largest is, at this scale, 0 (the checks write 1e-300 for an exact 0).
     */
    static final int LOG_DECADES = 12;
    /** Values within a smaller factor than this get a linear y axis: a log axis would have no power of ten inside. */
    static final double LOG_MIN_FACTOR = 10;
    /** Positive x values spanning at least this factor get a logarithmic x axis (two decades). */
    static final double LOG_X_FACTOR = 100;

    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\w.])\\d{" + LONG_SEED_DIGITS + ",}(?![\\w.])");

    /** The scale of an axis. */
    enum Scale { LINEAR, LOG }

    /** One line as drawn: its legend name, the points kept, and which of them are uncertified (open markers). */
    record Line(String name, double[] x, double[] y, boolean[] uncertified) {
    }

    /** A point left out: the line's legend name, its coordinates, and why. */
    record LeftOut(String line, double x, double y, boolean finite) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final List<LeftOut> leftOut = new ArrayList<>();
    private final Map<String, String> seeds = new LinkedHashMap<>();
    private Scale xScale = Scale.LINEAR;
    private Scale yScale = Scale.LINEAR;
    private double logFloor = 0;
    private Double constantY;

    private PlotLayout() {
    }

    /** The layout of {@code series} by the rules of the class comment. */
    static PlotLayout of(Series series) {
        PlotLayout p = new PlotLayout();
        List<String> names = new ArrayList<>();
        for (Series.Line line : series.lines()) {
            names.add(p.shortSeeds(MathText.unicode(line.name())));
        }
        double largest = Double.NEGATIVE_INFINITY;
        for (Series.Line line : series.lines()) {
            for (int i = 0; i < line.y().length; i++) {
                if (Double.isFinite(line.x()[i]) && Double.isFinite(line.y()[i])) {
                    largest = Math.max(largest, line.y()[i]);
                }
            }
        }
        if (series.logY() && largest > 0) {
            double floor = largest / Math.pow(10, LOG_DECADES);
            double smallest = Double.POSITIVE_INFINITY;
            for (Series.Line line : series.lines()) {
                for (int i = 0; i < line.y().length; i++) {
                    double y = line.y()[i];
                    if (Double.isFinite(line.x()[i]) && Double.isFinite(y) && y > floor) {
                        smallest = Math.min(smallest, y);
                    }
                }
            }
            if (largest / smallest >= LOG_MIN_FACTOR) {
                p.yScale = Scale.LOG;
                p.logFloor = floor;
            }
        }
        for (int k = 0; k < series.lines().size(); k++) {
            p.keep(series.lines().get(k), names.get(k));
        }
        p.chooseX();
        p.chooseConstantY();
        return p;
    }

    private String shortSeeds(String name) {
        Matcher m = LONG_NUMBER.matcher(name);
        StringBuilder s = new StringBuilder();
        while (m.find()) {
            String label = seeds.computeIfAbsent(m.group(), n -> "#" + (seeds.size() + 1));
            m.appendReplacement(s, Matcher.quoteReplacement(label));
        }
        m.appendTail(s);
        return s.toString();
    }

    private void keep(Series.Line line, String name) {
        double[] x = new double[line.x().length];
        double[] y = new double[line.y().length];
        boolean[] uncertified = new boolean[line.y().length];
        int n = 0;
        for (int i = 0; i < line.x().length; i++) {
            boolean finite = Double.isFinite(line.x()[i]) && Double.isFinite(line.y()[i]);
            if (!finite || (yScale == Scale.LOG && line.y()[i] <= logFloor)) {
                leftOut.add(new LeftOut(name, line.x()[i], line.y()[i], finite));
                continue;
            }
            x[n] = line.x()[i];
            y[n] = line.y()[i];
            uncertified[n] = line.uncertified()[i];
            n++;
        }
        lines.add(new Line(name, Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(uncertified, n)));
    }

    /** How many of the points drawn are uncertified. */
    int uncertifiedDrawn() {
        int count = 0;
        for (Line l : lines) {
            for (boolean u : l.uncertified()) {
                count += u ? 1 : 0;
            }
        }
        return count;
    }

    private void chooseX() {
        double[] x = xBounds();
        if (x[0] > 0 && x[1] / x[0] >= LOG_X_FACTOR) {
            xScale = Scale.LOG;
        }
    }

    private void chooseConstantY() {
        if (yScale != Scale.LINEAR) {
            return;
        }
        Double value = null;
        for (Line l : lines) {
            for (double y : l.y()) {
                if (value == null) {
                    value = y;
                } else if (value != y) {
                    return;
                }
            }
        }
        constantY = value;
    }

    List<Line> lines() {
        return lines;
    }

    List<LeftOut> leftOut() {
        return leftOut;
    }

    /** Short seed label ("#1") to the seed it stands for, in order. */
    Map<String, String> seeds() {
        Map<String, String> byLabel = new LinkedHashMap<>();
        seeds.forEach((seed, label) -> byLabel.put(label, seed));
        return byLabel;
    }

    Scale xScale() {
        return xScale;
    }

    Scale yScale() {
        return yScale;
    }

    /** The one value every point has on a linear y axis, or null. */
    Double constantY() {
        return constantY;
    }

    /** The fixed y range of constant data: c ± |c|/2, or ±1 for c = 0. */
    static double[] constantRange(double c) {
        double half = c == 0 ? 1 : Math.abs(c) / 2;
        return new double[] {c - half, c + half};
    }

    /** The smallest and largest y drawn (NaN, NaN when nothing is drawn). */
    double[] yBounds() {
        return bounds(false);
    }

    /** The smallest and largest x drawn (NaN, NaN when nothing is drawn). */
    double[] xBounds() {
        return bounds(true);
    }

    private double[] bounds(boolean ofX) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            for (double v : ofX ? l.x() : l.y()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min > max ? new double[] {Double.NaN, Double.NaN} : new double[] {min, max};
    }

    /** A coordinate for the caption: up to four significant digits. */
    static String coordinate(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "-∞";
        }
        return v == 0 ? "0" : Prose.shorten(v, 4);
    }
}
