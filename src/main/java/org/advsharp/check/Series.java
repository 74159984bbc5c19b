package org.advsharp.check;

import java.util.List;

/**
 * Data for one plot: several named lines over a common pair of axes.
 *
 * @param title  plot title
 * @param xLabel x-axis label
 * @param yLabel y-axis label
 * @param logY   whether the y axis is logarithmic
 * @param lines  the lines
 */
public record Series(String title, String xLabel, String yLabel, boolean logY, List<Line> lines) {

    public Series {
        lines = List.copyOf(lines);
    }

    /** One named line: points (x[i], y[i]). */
    public record Line(String name, double[] x, double[] y) {
        public Line {
            if (x.length != y.length) {
                throw new IllegalArgumentException("line '" + name + "': " + x.length + " x values but "
                        + y.length + " y values");
            }
            x = x.clone();
            y = y.clone();
        }
    }
}
