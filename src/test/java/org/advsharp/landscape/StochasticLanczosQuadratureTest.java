package org.advsharp.landscape;

import static org.advsharp.landscape.LandscapeTolerances.QUADRATURE_EXACTNESS;
import static org.advsharp.landscape.LandscapeTolerances.SAME_FORMULA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.advsharp.numerics.LinearOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;

class StochasticLanczosQuadratureTest {

    private static DMatrixRMaj diagonal(double... values) {
        return CommonOps_DDRM.diag(values);
    }

    /** Q diag(values) Q^T with Q from the QR decomposition of a seeded Gaussian matrix. */
    private static DMatrixRMaj rotated(long seed, double... values) {
        int d = values.length;
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj g = new DMatrixRMaj(d, d);
        for (int i = 0; i < d * d; i++) {
            g.data[i] = rng.nextGaussian();
        }
        var qr = DecompositionFactory_DDRM.qr(d, d);
        qr.decompose(g);
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj tmp = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(q, diagonal(values), tmp);
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(tmp, q, a);
        return a;
    }

    @Test
    void fullLengthOnADiagonalMatrixRecoversTheSpectrumWithEqualWeights() {
        double[] spectrum = {5, 3, 2.5, 1, 0.5, 0.1};
        SpectralDensity s = StochasticLanczosQuadrature.estimate(LinearOperator.of(diagonal(spectrum)), 6, 3, 11);
        assertEquals(18, s.nodes().length);
        double[] nodes = s.nodes();
        double[] weights = s.weights();
        for (int k = 0; k < nodes.length; k++) {
            double node = nodes[k];
            double nearest = Arrays.stream(spectrum).map(l -> Math.abs(l - node)).min().orElseThrow();
            assertEquals(0.0, nearest, QUADRATURE_EXACTNESS * 5, "node " + nodes[k]);
            assertEquals(1.0 / 18, weights[k], QUADRATURE_EXACTNESS, "weight of node " + nodes[k]);
        }
        assertEquals(Arrays.stream(spectrum).sum(), s.traceEstimate(), QUADRATURE_EXACTNESS * 12);
    }

    @Test
    void gaussRuleReproducesMomentsUpToDegreeTwoMMinusOne() {
        double[] spectrum = new double[30];
        for (int i = 0; i < spectrum.length; i++) {
            spectrum[i] = 2.0 * Math.sin(0.37 * i + 0.1) + 2.5;
        }
        DMatrixRMaj a = rotated(4, spectrum);
        SplittableRandom rng = new SplittableRandom(9);
        double[] v = new double[30];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        int m = 4;
        SpectralDensity s = StochasticLanczosQuadrature.estimate(LinearOperator.of(a), m, new double[][] {v});
        double vv = 0;
        for (double x : v) {
            vv += x * x;
        }
        double[] power = v.clone();
        for (int p = 0; p <= 2 * m - 1; p++) {
            double exact = 0;
            for (int i = 0; i < v.length; i++) {
                exact += v[i] * power[i];
            }
            exact /= vv;
            assertEquals(exact, s.moment(p), QUADRATURE_EXACTNESS * Math.max(1, Math.abs(exact)), "moment " + p);
            double[] next = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                for (int j = 0; j < v.length; j++) {
                    next[i] += a.get(i, j) * power[j];
                }
            }
            power = next;
        }
    }

    @Test
    void weightsSumToOneAndDensityIntegratesToOne() {
        SpectralDensity s = StochasticLanczosQuadrature.estimate(LinearOperator.of(rotated(3, 4, 2, 2, 1, 0.2)), 3, 5, 1);
        assertEquals(1.0, Arrays.stream(s.weights()).sum(), SAME_FORMULA);
        double integral = 0;
        double h = 0.001;
        for (double t = -3; t <= 8; t += h) {
            integral += s.density(t, 0.1) * h;
        }
        assertEquals(1.0, integral, 1e-6, "Riemann sum of a Gaussian mixture with step 1e-3 and width 0.1");
    }

    @Test
    void badArgumentsAreRejected() {
        LinearOperator op = LinearOperator.of(diagonal(1, 2));
        assertThrows(IllegalArgumentException.class, () -> StochasticLanczosQuadrature.estimate(op, 0, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> StochasticLanczosQuadrature.estimate(op, 2, new double[][] {{0, 0}}));
        assertThrows(IllegalArgumentException.class, () -> StochasticLanczosQuadrature.estimate(op, 2, 1, 1)
                .density(0, 0));
    }
}
