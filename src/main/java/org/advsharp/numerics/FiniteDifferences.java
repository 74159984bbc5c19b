package org.advsharp.numerics;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * Central finite differences: the independent numerical check of every closed-form derivative in the
 * suite (docs/theory.md section 3: prop:hessian, prop:decomposition must match central differences).
 *
 * <p>Step choice. With u = machine epsilon, a central difference of a function known to relative
 * accuracy u has truncation error C_3 h^2 and rounding error C_0 u / h; the total is smallest at
 * h ~ u^(1/3) (error ~ u^(2/3) ~ 4e-11 times the derivative scale). A second difference of values has
 * truncation C_4 h^2 and rounding C_0 u / h^2, best at h ~ u^(1/4) (error ~ u^(1/2) ~ 1.5e-8). Steps
 * are scaled by max(1, |x_i|) so that they stay relative for large coordinates and absolute near 0.
 * Each difference divides by the distance between the points actually evaluated (x + h and x - h as
 * rounded to doubles), so the rounding of x +- h does not bias the quotient.
 *
 * <p>All methods reject null, empty or non-finite points and directions, functions that return a
 * non-finite value, and gradients of the wrong length, with an IllegalArgumentException naming it.
 */
public final class FiniteDifferences {
    /** u^(1/3), the relative step of first-order central differences. */
    public static final double FIRST_ORDER_STEP = Math.cbrt(Tolerances.MACHINE_EPSILON);
    /** u^(1/4), the relative step of second differences of values. */
    public static final double SECOND_ORDER_STEP = Math.sqrt(Math.sqrt(Tolerances.MACHINE_EPSILON));

    private FiniteDifferences() {
    }

    /**
     * grad_i f(x) ~ (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i), h_i = u^(1/3) max(1, |x_i|).
     * Error O(h^2): exact for polynomials of degree 2 up to rounding. Costs 2d evaluations of f.
     */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        requireFunction("function f", f);
        Vectors.requireFinite("point x", x);
        double[] g = new double[x.length];
        centralDifferences(x, p -> value(f, p), (i, fp, fm, width) -> g[i] = (fp - fm) / width);
        return g;
    }

    /**
     * H ~ the matrix whose column j is (g(x + h_j e_j) - g(x - h_j e_j)) / (2 h_j), h_j = u^(1/3)
     * max(1, |x_j|), then symmetrised: (H + H^T)/2. Error O(h^2). Costs 2d gradient evaluations.
     */
    public static DMatrixRMaj hessianFromGradient(Function<double[], double[]> grad, double[] x) {
        requireFunction("gradient grad", grad);
        Vectors.requireFinite("point x", x);
        int d = x.length;
        DMatrixRMaj h = new DMatrixRMaj(d, d);
        centralDifferences(x, p -> gradientAt(grad, p, d), (j, gp, gm, width) -> {
            for (int i = 0; i < d; i++) {
                h.set(i, j, (gp[i] - gm[i]) / width);
            }
        });
        return symmetrise(h);
    }

    /**
     * Second differences of values with h_i = u^(1/4) max(1, |x_i|):
     * H_ii ~ (f(x + h_i e_i) - 2 f(x) + f(x - h_i e_i)) / h_i^2 (written for the rounded, possibly
     * unequal steps as 2 [(f+ - f0)/h+ - (f0 - f-)/h-] / (h+ + h-)), and for i != j
     * H_ij ~ (f(++) - f(+-) - f(-+) + f(--)) / ((2 h_i)(2 h_j)). Error O(h^2) ~ u^(1/2).
     * Costs 2 d^2 + 1 evaluations of f. Symmetric by construction.
     */
    public static DMatrixRMaj hessianFromValues(ToDoubleFunction<double[]> f, double[] x) {
        requireFunction("function f", f);
        Vectors.requireFinite("point x", x);
        int d = x.length;
        double[] plus = new double[d];
        double[] minus = new double[d];
        for (int i = 0; i < d; i++) {
            double h = SECOND_ORDER_STEP * Math.max(1.0, Math.abs(x[i]));
            plus[i] = x[i] + h;
            minus[i] = x[i] - h;
        }
        DMatrixRMaj hess = new DMatrixRMaj(d, d);
        double[] p = x.clone();
        double f0 = value(f, p);
        for (int i = 0; i < d; i++) {
            p[i] = plus[i];
            double fp = value(f, p);
            p[i] = minus[i];
            double fm = value(f, p);
            p[i] = x[i];
            double hp = plus[i] - x[i];
            double hm = x[i] - minus[i];
            hess.set(i, i, 2.0 * ((fp - f0) / hp - (f0 - fm) / hm) / (hp + hm));
            for (int j = 0; j < i; j++) {
                double sum = 0.0;
                for (int corner = 0; corner < 4; corner++) {
                    boolean iPlus = (corner & 1) == 0;
                    boolean jPlus = (corner & 2) == 0;
                    p[i] = iPlus ? plus[i] : minus[i];
                    p[j] = jPlus ? plus[j] : minus[j];
                    double sign = iPlus == jPlus ? 1.0 : -1.0;
                    sum += sign * value(f, p);
                }
                p[i] = x[i];
                p[j] = x[j];
                double hij = sum / ((plus[i] - minus[i]) * (plus[j] - minus[j]));
                hess.set(i, j, hij);
                hess.set(j, i, hij);
            }
        }
        return hess;
    }

    /** The two evaluations of a central difference along coordinate i and the width between their points. */
    private interface Difference<T> {
        void at(int i, T plus, T minus, double width);
    }

    /**
     * The step loop of the first-order differences: per coordinate i, {@code eval} at x + h_i e_i and at
     * x - h_i e_i, h_i = u^(1/3) max(1, |x_i|), and the width (x_i + h_i) - (x_i - h_i) between the points as
     * rounded.
     */
    private static <T> void centralDifferences(double[] x, Function<double[], T> eval, Difference<T> out) {
        double[] p = x.clone();
        for (int i = 0; i < x.length; i++) {
            double h = FIRST_ORDER_STEP * Math.max(1.0, Math.abs(x[i]));
            double plus = x[i] + h;
            double minus = x[i] - h;
            p[i] = plus;
            T atPlus = eval.apply(p);
            p[i] = minus;
            T atMinus = eval.apply(p);
            p[i] = x[i];
            out.at(i, atPlus, atMinus, plus - minus);
        }
    }

    private static double value(ToDoubleFunction<double[]> f, double[] p) {
        double y = f.applyAsDouble(p.clone());
        if (!Double.isFinite(y)) {
            throw new IllegalArgumentException("function f returned " + y + " near the point x; "
                    + "finite differences need finite values");
        }
        return y;
    }

    private static double[] gradientAt(Function<double[], double[]> grad, double[] p, int d) {
        double[] g = grad.apply(p.clone());
        if (g == null || g.length != d) {
            throw new IllegalArgumentException("gradient grad returned "
                    + (g == null ? "null" : "length " + g.length) + " for a point of length " + d);
        }
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(g[i])) {
                throw new IllegalArgumentException("gradient grad returned component " + i + " = " + g[i]
                        + " near the point x; finite differences need finite values");
            }
        }
        return g;
    }

    private static void requireFunction(String name, Object f) {
        if (f == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    private static DMatrixRMaj symmetrise(DMatrixRMaj h) {
        int d = h.numRows;
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                s.set(i, j, 0.5 * (h.get(i, j) + h.get(j, i)));
            }
        }
        return s;
    }
}
