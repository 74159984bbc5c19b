package org.advsharp.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class FiniteDifferencesTest {

    private static double[] randomVector(SplittableRandom random, int d, double scale) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = scale * (2.0 * random.nextDouble() - 1.0);
        }
        return x;
    }

    private static double[] times(DMatrixRMaj m, double[] v) {
        double[] out = new double[v.length];
        LinearOperator.ofUnchecked(m).apply(v, out);
        return out;
    }

    @Test
    void quadraticsAreDifferentiatedExactlyUpToRounding() {
        SplittableRandom random = new SplittableRandom(1L);
        for (int trial = 0; trial < 20; trial++) {
            int d = 1 + trial % 7;
            DMatrixRMaj a = PlantedMatrices.randomSymmetric(d, 10L + trial);
            double[] b = randomVector(random, d, 1.0);
            double[] x = randomVector(random, d, trial < 10 ? 1.0 : 50.0);
            ToDoubleFunction<double[]> f = p -> 0.5 * Vectors.dot(p, times(a, p)) + Vectors.dot(b, p) + 3.0;
            Function<double[], double[]> grad = p -> {
                double[] g = times(a, p);
                Vectors.axpy(1.0, b, g);
                return g;
            };
            check("FD gradient, quadratic", Tolerances.relativeError(FiniteDifferences.gradient(f, x), grad.apply(x)),
                    Tolerances.FD_GRADIENT);
            check("FD Hessian from gradient, quadratic",
                    Tolerances.relativeError(FiniteDifferences.hessianFromGradient(grad, x), a),
                    Tolerances.FD_HESSIAN_FROM_GRADIENT);
            check("FD Hessian from values, quadratic",
                    Tolerances.relativeError(FiniteDifferences.hessianFromValues(f, x), a),
                    Tolerances.FD_HESSIAN_FROM_VALUES);
        }
    }

    /**
     * For f(x) = x^3 the central difference is exactly 3 x^2 + h^2 (the h^2 f'''/6 truncation term with
     * f''' = 6), so the measured error reveals the step: it must be h^2 with h = u^(1/3) max(1, |x|),
     * up to the rounding error u |f| / h.
     */
    @Test
    void cubicShowsTheDocumentedStepAndSecondOrderError() {
        for (double x : new double[] {0.0, 0.3, -1.0, 2.0, -40.0, 1e3}) {
            double h = FiniteDifferences.FIRST_ORDER_STEP * Math.max(1.0, Math.abs(x));
            double fd = FiniteDifferences.gradient(p -> p[0] * p[0] * p[0], new double[] {x})[0];
            double truncation = fd - 3.0 * x * x;
            double rounding = 4.0 * Tolerances.MACHINE_EPSILON * Math.max(1.0, Math.abs(x * x * x)) / h;
            assertEquals(h * h, truncation, rounding + 2.0 * Tolerances.MACHINE_EPSILON * 3.0 * x * x,
                    "x = " + x + ": the error must be the predicted h^2");
        }
    }

    @Test
    void smoothFunctionWithKnownDerivatives() {
        SplittableRandom random = new SplittableRandom(2L);
        for (int trial = 0; trial < 30; trial++) {
            int d = 2 + trial % 5;
            SmoothTestFunction fn = new SmoothTestFunction(randomVector(random, d, 0.5));
            double[] x = randomVector(random, d, 1.5);
            checkAll(fn, x, "smooth");
        }
    }

    /**
     * The steps are relative to max(1, |x_i|), which assumes the function varies on the scale of |x|.
     * f(x) = g(x / s) with s = 500 has that property, so at |x| ~ s its derivatives
     * (grad g(x/s) / s, H_g(x/s) / s^2) must come out as accurately as g's at |x| ~ 1. (A coordinate
     * much smaller than the function's scale gets a step that is too small; the documented rule cannot
     * know the scale, so the test keeps every |x_i| near s.)
     */
    @Test
    void largeCoordinatesUseRelativeSteps() {
        SplittableRandom random = new SplittableRandom(3L);
        double s = 500.0;
        for (int trial = 0; trial < 10; trial++) {
            int d = 3;
            SmoothTestFunction g = new SmoothTestFunction(randomVector(random, d, 0.5));
            Function<double[], double[]> shrink = x -> {
                double[] y = x.clone();
                for (int i = 0; i < y.length; i++) {
                    y[i] /= s;
                }
                return y;
            };
            ToDoubleFunction<double[]> f = x -> g.value(shrink.apply(x));
            Function<double[], double[]> grad = x -> {
                double[] out = g.gradient(shrink.apply(x));
                for (int i = 0; i < out.length; i++) {
                    out[i] /= s;
                }
                return out;
            };
            double[] x = new double[d];
            for (int i = 0; i < d; i++) { // every |x_i| in [s, 1.5 s]: each coordinate on the scale s
                x[i] = (random.nextBoolean() ? 1 : -1) * s * (1.0 + 0.5 * random.nextDouble());
            }
            DMatrixRMaj exact = g.hessian(shrink.apply(x));
            CommonOps_DDRM.divide(exact, s * s);
            check("FD gradient, large |x|", Tolerances.relativeError(FiniteDifferences.gradient(f, x),
                    grad.apply(x)), Tolerances.FD_GRADIENT);
            check("FD Hessian from gradient, large |x|",
                    Tolerances.relativeError(FiniteDifferences.hessianFromGradient(grad, x), exact),
                    Tolerances.FD_HESSIAN_FROM_GRADIENT);
            check("FD Hessian from values, large |x|",
                    Tolerances.relativeError(FiniteDifferences.hessianFromValues(f, x), exact),
                    Tolerances.FD_HESSIAN_FROM_VALUES);
        }
    }

    @Test
    void hessianFromGradientIsSymmetric() {
        SplittableRandom random = new SplittableRandom(5L);
        SmoothTestFunction fn = new SmoothTestFunction(randomVector(random, 5, 0.5));
        DMatrixRMaj h = FiniteDifferences.hessianFromGradient(fn::gradient, randomVector(random, 5, 1.0));
        DMatrixRMaj t = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.transpose(h, t);
        assertEquals(0.0, PlantedMatrices.maxAbsDifference(h, t), 0.0);
    }

    @Test
    void rejectsBadInputWithClearMessages() {
        ToDoubleFunction<double[]> f = p -> p[0];
        Function<double[], double[]> g = p -> new double[] {1.0, 0.0};
        double[] x = {1.0, 2.0};
        assertMessage(() -> FiniteDifferences.gradient(f, new double[] {1.0, Double.NaN}), "point x[1] is NaN");
        assertMessage(() -> FiniteDifferences.gradient(f, new double[0]), "point x has length 0");
        assertMessage(() -> FiniteDifferences.gradient(null, x), "function f");
        assertMessage(() -> FiniteDifferences.gradient(p -> Double.NaN, x), "returned NaN");
        assertMessage(() -> FiniteDifferences.hessianFromValues(f, null), "point x must not be null");
        assertMessage(() -> FiniteDifferences.hessianFromGradient(p -> new double[3], x), "length 3");
        assertMessage(() -> FiniteDifferences.hessianFromGradient(p -> new double[] {0, Double.NaN}, x),
                "component 1 = NaN");
        // every entry point checks the function and the point before evaluating anything
        assertMessage(() -> FiniteDifferences.hessianFromGradient(null, x), "gradient grad must not be null");
        assertMessage(() -> FiniteDifferences.hessianFromGradient(g, new double[] {Double.NaN, 0}), "point x[0] is NaN");
        assertMessage(() -> FiniteDifferences.hessianFromValues(null, x), "function f must not be null");
    }

    private static void checkAll(SmoothTestFunction fn, double[] x, String label) {
        check("FD gradient, " + label, Tolerances.relativeError(FiniteDifferences.gradient(fn::value, x),
                fn.gradient(x)), Tolerances.FD_GRADIENT);
        check("FD Hessian from gradient, " + label,
                Tolerances.relativeError(FiniteDifferences.hessianFromGradient(fn::gradient, x), fn.hessian(x)),
                Tolerances.FD_HESSIAN_FROM_GRADIENT);
        check("FD Hessian from values, " + label,
                Tolerances.relativeError(FiniteDifferences.hessianFromValues(fn::value, x), fn.hessian(x)),
                Tolerances.FD_HESSIAN_FROM_VALUES);
    }

    private static void check(String name, double error, double tolerance) {
        Measured.record(name, error, tolerance);
        assertTrue(error <= tolerance, name + ": relative error " + error + " exceeds " + tolerance);
    }

    private static void assertMessage(Runnable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(part), () -> "message '" + e.getMessage() + "' should contain '" + part + "'");
    }
}
