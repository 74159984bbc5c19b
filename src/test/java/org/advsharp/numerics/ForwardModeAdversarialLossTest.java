package org.advsharp.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.advsharp.data.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ForwardModeAdversarialLossTest {

    private static double[] randomWeights(SplittableRandom random, int d, double scale) {
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = scale * random.nextGaussian();
        }
        return w;
    }

    /**
     * d = 1, w &gt; 0 or w &lt; 0: m_n = w c_n with c_n = y_n x_n - eps sign(w), so by hand
     * L = mean softplus(-w c_n), L' = -mean c_n sigma(-w c_n), L'' = mean c_n^2 sigma(w c_n) sigma(-w c_n).
     */
    @Test
    void oneDimensionalProblemMatchesTheHandDerivation() {
        Dataset data = Dataset.of(new double[][] {{1.5}, {-0.5}, {2.0}, {0.25}}, new double[] {1, 1, -1, -1});
        double eps = 0.3;
        for (double w : new double[] {0.8, -1.7, 3.0}) {
            double value = 0.0;
            double first = 0.0;
            double second = 0.0;
            for (int n = 0; n < data.size(); n++) {
                double c = data.label(n) * data.feature(n, 0) - eps * Math.signum(w);
                double m = w * c;
                double sigmaMinus = 1.0 / (1.0 + Math.exp(m));
                value += Math.log1p(Math.exp(-m)) / data.size();
                first += -c * sigmaMinus / data.size();
                second += c * c * sigmaMinus * (1.0 - sigmaMinus) / data.size();
            }
            Derivatives l2 = ForwardModeAdversarialLoss.evaluate(data, eps, new double[] {w});
            Derivatives linf = ForwardModeAdversarialLoss.evaluateLinf(data, eps, new double[] {w});
            for (Derivatives got : new Derivatives[] {l2, linf}) { // in d = 1 both norms are |w|
                check("autodiff vs hand, d=1 value", Tolerances.relativeError(got.value(), value));
                check("autodiff vs hand, d=1 gradient", Tolerances.relativeError(got.gradient()[0], first));
                check("autodiff vs hand, d=1 Hessian", Tolerances.relativeError(got.hessian().get(0, 0), second));
            }
        }
    }

    /** d = 2 at w = (3, 4), ||w|| = 5: the direction term is kappa P with P = [[16, -12], [-12, 9]] / 25. */
    @Test
    void twoDimensionalProblemMatchesTheHandDerivation() {
        double[][] x = {{1.0, 0.5}, {-0.2, 1.0}, {0.3, -0.4}};
        double[] y = {1, -1, 1};
        Dataset data = Dataset.of(x, y);
        double eps = 0.25;
        double[] w = {0.3, 0.4}; // ||w|| = 0.5, w_hat = (0.6, 0.8)
        double value = 0.0;
        double[] grad = new double[2];
        double[][] hess = new double[2][2];
        double kappaSum = 0.0;
        for (int n = 0; n < 3; n++) {
            double m = y[n] * (0.3 * x[n][0] + 0.4 * x[n][1]) - eps * 0.5;
            double[] xAdv = {x[n][0] - eps * y[n] * 0.6, x[n][1] - eps * y[n] * 0.8};
            double sm = 1.0 / (1.0 + Math.exp(m)); // sigma(-m)
            value += Math.log1p(Math.exp(-m)) / 3;
            kappaSum += sm;
            for (int i = 0; i < 2; i++) {
                grad[i] -= sm * y[n] * xAdv[i] / 3;
                for (int j = 0; j < 2; j++) {
                    hess[i][j] += sm * (1 - sm) * xAdv[i] * xAdv[j] / 3;
                }
            }
        }
        double kappa = eps / 0.5 * kappaSum / 3;
        double[][] projector = {{0.64, -0.48}, {-0.48, 0.36}}; // I - w_hat w_hat^T
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                hess[i][j] += kappa * projector[i][j];
            }
        }
        Derivatives got = ForwardModeAdversarialLoss.evaluate(data, eps, w);
        assertEquals(2, got.dimension());
        check("autodiff vs hand, d=2 value", Tolerances.relativeError(got.value(), value));
        check("autodiff vs hand, d=2 gradient", Tolerances.relativeError(got.gradient(), grad));
        check("autodiff vs hand, d=2 Hessian", Tolerances.relativeError(got.hessian(), new DMatrixRMaj(hess)));
    }

    @Test
    void randomProblemsMatchTheClosedFormsAndFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(2021L);
        for (int trial = 0; trial < 24; trial++) {
            int d = 2 + trial % 7;
            Dataset data = AdversarialClosedForms.mixture(10 + 7 * trial, d, 500L + trial);
            double eps = trial % 4 == 0 ? 0.0 : 0.6 * random.nextDouble();
            double[] w = randomWeights(random, d, trial % 3 == 0 ? 3.0 : 0.7);
            for (boolean linf : new boolean[] {false, true}) {
                String kind = linf ? "Linf" : "L2";
                Derivatives ad = linf ? ForwardModeAdversarialLoss.evaluateLinf(data, eps, w)
                        : ForwardModeAdversarialLoss.evaluate(data, eps, w);
                check("autodiff vs closed form value, " + kind,
                        Tolerances.relativeError(ad.value(), AdversarialClosedForms.value(data, eps, w, linf)));
                check("autodiff vs closed form gradient, " + kind,
                        Tolerances.relativeError(ad.gradient(), AdversarialClosedForms.gradient(data, eps, w, linf)));
                check("autodiff vs closed form Hessian, " + kind,
                        Tolerances.relativeError(ad.hessian(), AdversarialClosedForms.hessian(data, eps, w, linf)));

                double fdGrad = Tolerances.relativeError(FiniteDifferences.gradient(
                        p -> AdversarialClosedForms.value(data, eps, p, linf), w), ad.gradient());
                Measured.record("FD gradient vs autodiff, " + kind, fdGrad, Tolerances.FD_GRADIENT);
                assertTrue(fdGrad <= Tolerances.FD_GRADIENT, kind + " trial " + trial + ": " + fdGrad);
                double fdHess = Tolerances.relativeError(FiniteDifferences.hessianFromGradient(
                        p -> AdversarialClosedForms.gradient(data, eps, p, linf), w), ad.hessian());
                Measured.record("FD Hessian (from gradient) vs autodiff, " + kind, fdHess,
                        Tolerances.FD_HESSIAN_FROM_GRADIENT);
                assertTrue(fdHess <= Tolerances.FD_HESSIAN_FROM_GRADIENT, kind + " trial " + trial + ": " + fdHess);
                double fdValues = Tolerances.relativeError(FiniteDifferences.hessianFromValues(
                        p -> AdversarialClosedForms.value(data, eps, p, linf), w), ad.hessian());
                Measured.record("FD Hessian (from values) vs autodiff, " + kind, fdValues,
                        Tolerances.FD_HESSIAN_FROM_VALUES);
                assertTrue(fdValues <= Tolerances.FD_HESSIAN_FROM_VALUES, kind + " trial " + trial + ": " + fdValues);

                SymmetricSpectrum spectrum = SymmetricEigenSolvers.standard().decompose(ad.hessian());
                double scale = Math.max(1e-300, Math.abs(spectrum.largest()));
                assertTrue(spectrum.smallest() >= -Tolerances.EIGEN_RESIDUAL * scale,
                        "the loss is convex (lem:convex), but lambda_min = " + spectrum.smallest());
            }
        }
    }

    @Test
    void cleanLossAtZeroWeightsIsAllowedWhenEpsIsZero() {
        Dataset data = AdversarialClosedForms.mixture(9, 3, 7L);
        double[] zero = new double[3];
        Derivatives l2 = ForwardModeAdversarialLoss.evaluate(data, 0.0, zero);
        Derivatives linf = ForwardModeAdversarialLoss.evaluateLinf(data, 0.0, zero);
        double[] grad = new double[3];
        DMatrixRMaj hess = new DMatrixRMaj(3, 3);
        for (int n = 0; n < 9; n++) { // at w = 0: sigma = 1/2, s = 1/4
            for (int i = 0; i < 3; i++) {
                grad[i] -= 0.5 * data.label(n) * data.feature(n, i) / 9;
                for (int j = 0; j < 3; j++) {
                    hess.add(i, j, 0.25 * data.feature(n, i) * data.feature(n, j) / 9);
                }
            }
        }
        for (Derivatives got : new Derivatives[] {l2, linf}) {
            check("autodiff at w = 0, value", Tolerances.relativeError(got.value(), Math.log(2.0)));
            check("autodiff at w = 0, gradient", Tolerances.relativeError(got.gradient(), grad));
            check("autodiff at w = 0, Hessian", Tolerances.relativeError(got.hessian(), hess));
        }
    }

    @Test
    void largeMarginsDoNotOverflow() {
        Dataset data = AdversarialClosedForms.mixture(12, 2, 8L);
        double[] w = {900.0, -750.0};
        for (boolean linf : new boolean[] {false, true}) {
            Derivatives ad = linf ? ForwardModeAdversarialLoss.evaluateLinf(data, 0.1, w)
                    : ForwardModeAdversarialLoss.evaluate(data, 0.1, w);
            assertTrue(Double.isFinite(ad.value()) && ad.value() > 0.0, "value " + ad.value());
            check("autodiff vs closed form, huge margins",
                    Tolerances.relativeError(ad.gradient(), AdversarialClosedForms.gradient(data, 0.1, w, linf)));
        }
    }

    @Test
    void rejectsBadInputWithClearMessages() {
        Dataset data = AdversarialClosedForms.mixture(5, 2, 9L);
        assertMessage(() -> ForwardModeAdversarialLoss.evaluate(data, 0.1, new double[2]), "zero vector");
        assertMessage(() -> ForwardModeAdversarialLoss.evaluate(data, -0.1, new double[] {1, 1}), "eps = -0.1");
        assertMessage(() -> ForwardModeAdversarialLoss.evaluate(data, Double.NaN, new double[] {1, 1}), "eps = NaN");
        assertMessage(() -> ForwardModeAdversarialLoss.evaluate(data, 0.1, new double[] {1, Double.NaN}),
                "weights w[1] is NaN");
        assertMessage(() -> ForwardModeAdversarialLoss.evaluate(data, 0.1, new double[] {1, 2, 3}), "length 3");
        assertMessage(() -> ForwardModeAdversarialLoss.evaluate(null, 0.1, new double[] {1, 2}), "data set");
        assertMessage(() -> ForwardModeAdversarialLoss.evaluateLinf(data, 0.1, new double[] {1, 0}), "w[1] is 0");
        assertMessage(() -> ForwardModeAdversarialLoss.evaluateLinf(data, Double.POSITIVE_INFINITY,
                new double[] {1, 1}), "eps = Infinity");
    }

    private static void check(String name, double error) {
        Measured.record(name, error, Tolerances.AUTODIFF_VS_CLOSED_FORM);
        assertTrue(error <= Tolerances.AUTODIFF_VS_CLOSED_FORM, name + ": relative error " + error);
    }

    private static void assertMessage(Runnable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(part), () -> "message '" + e.getMessage() + "' should contain '" + part + "'");
    }
}
