package org.advsharp.checks.problems;

import java.math.BigDecimal;

/**
 * Moves rows along w so that the L2 adversarial margin at radius eps2 is at least a planted slack:
 * y_n w^T x_n - eps2 ||w|| >= ||w|| slack_n >= 0, the margin condition of thm:compressed-monotone.
 *
 * <p>With w_hat = w / ||w|| and r_n = y_n w_hat^T x_n, a row with r_n < eps2 + slack_n is moved by
 * y_n (eps2 + slack_n - r_n) w_hat, which makes r_n = eps2 + slack_n (the part of x_n orthogonal to w is
 * kept). Rounding could still leave a zero-slack margin a hair below 0, so each margin is then checked in
 * double arithmetic: it is accepted if it is at least {@link #cushion}, or if it is >= 0 and was computed
 * without any rounding (then every evaluation order agrees); otherwise the row is moved a little further.
 */
final class PlantedMargins {

    /**
     * Relative rounding cushion per feature: a computed margin y w^T x - eps ||w|| differs from the exact
     * one by at most about (d + 2) u ||w|| (||x|| + eps) in any summation order (u = 2^-53, Higham's
     * gamma_n bound for a dot product and a square root); twice that, (d + 4) 2^-52, covers the
     * computation of any oracle, so margins at least this large are >= 0 however they are evaluated.
     */
    static final double ROUNDING_PER_TERM = 0x1p-52;

    private static final int MAX_NUDGES = 16;

    private PlantedMargins() {
    }

    /**
     * Returns x moved along w so that y w^T x - eps2 ||w|| >= ||w|| slack (and >= 0 robustly).
     *
     * @throws IllegalArgumentException if w is 0 or slack or eps2 is negative
     */
    static double[] plant(double[] x, double y, double[] w, double eps2, double slack) {
        double norm = norm(w);
        if (!(norm > 0) || !(slack >= 0) || !(eps2 >= 0)) {
            throw new IllegalArgumentException("planting margins needs w != 0, eps2 >= 0, slack >= 0; got ||w|| = "
                    + norm + ", eps2 = " + eps2 + ", slack = " + slack);
        }
        double[] out = x.clone();
        double r = y * dot(w, out) / norm;
        double target = eps2 + slack;
        if (r < target) {
            move(out, y * (target - r) / norm, w);
        }
        for (int nudge = 0; nudge < MAX_NUDGES; nudge++) {
            double m = margin(out, y, w, eps2);
            double cushion = cushion(out, w, eps2);
            if (m >= cushion || (m >= 0 && isExact(out, y, w, eps2))) {
                return out;
            }
            move(out, y * 2 * (cushion - Math.min(m, 0)) / (norm * norm), w);
        }
        throw new IllegalStateException("could not plant a non-negative margin for a row (||w|| = " + norm
                + ", eps2 = " + eps2 + ")");
    }

    /** m = y (w^T x) - eps ||w||, with w^T x and ||w||^2 summed left to right. */
    static double margin(double[] x, double y, double[] w, double eps) {
        return y * dot(w, x) - eps * norm(w);
    }

    /** (d + 4) 2^-52 ||w|| (||x|| + eps): see {@link #ROUNDING_PER_TERM}. */
    static double cushion(double[] x, double[] w, double eps) {
        return (w.length + 4) * ROUNDING_PER_TERM * norm(w) * (norm(x) + eps);
    }

    /** Whether every product, the sum of squares, the norm and the margin are exact in doubles. */
    private static boolean isExact(double[] x, double y, double[] w, double eps) {
        BigDecimal dot = BigDecimal.ZERO;
        BigDecimal squares = BigDecimal.ZERO;
        double dotDouble = 0;
        double squaresDouble = 0;
        for (int j = 0; j < w.length; j++) {
            BigDecimal product = new BigDecimal(w[j]).multiply(new BigDecimal(x[j]));
            BigDecimal square = new BigDecimal(w[j]).multiply(new BigDecimal(w[j]));
            if (new BigDecimal(w[j] * x[j]).compareTo(product) != 0
                    || new BigDecimal(w[j] * w[j]).compareTo(square) != 0) {
                return false;
            }
            dot = dot.add(product);
            squares = squares.add(square);
            dotDouble += w[j] * x[j];
            squaresDouble += w[j] * w[j];
        }
        double norm = Math.sqrt(squaresDouble);
        BigDecimal normExact = new BigDecimal(norm);
        BigDecimal marginExact = dot.multiply(BigDecimal.valueOf(y)).subtract(new BigDecimal(eps).multiply(normExact));
        return new BigDecimal(dotDouble).compareTo(dot) == 0
                && new BigDecimal(squaresDouble).compareTo(squares) == 0
                && normExact.multiply(normExact).compareTo(squares) == 0
                && new BigDecimal(margin(x, y, w, eps)).compareTo(marginExact) == 0;
    }

    private static void move(double[] x, double step, double[] w) {
        for (int j = 0; j < x.length; j++) {
            x[j] += step * w[j];
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
