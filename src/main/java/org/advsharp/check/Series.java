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

    /**
     * One named line: points (x[i], y[i]), and which of them are uncertified (an eigenvalue whose solver did
     * not converge: residual above its tolerance). The report draws those as open markers.
     *
     * @param uncertified one flag per point, true where the point is not certified; all false when absent
     */
    public record Line(String name, double[] x, double[] y, boolean[] uncertified) {
        public Line {
            if (x.length != y.length) {
                throw new IllegalArgumentException("line '" + name + "': " + x.length + " x values but "
                        + y.length + " y values");
            }
            if (uncertified == null) {
                uncertified = new boolean[x.length];
            }
            if (uncertified.length != x.length) {
                throw new IllegalArgumentException("line '" + name + "': " + x.length + " points but "
                        + uncertified.length + " uncertified flags");
            }
            x = x.clone();
            y = y.clone();
            uncertified = uncertified.clone();
        }

        /** A line whose every point is certified (or where certification does not apply). */
        public Line(String name, double[] x, double[] y) {
            this(name, x, y, null);
        }

        /** Whether any point is flagged uncertified. */
        public boolean anyUncertified() {
            for (boolean u : uncertified) {
                if (u) {
                    return true;
                }
            }
            return false;
        }
    }
}
