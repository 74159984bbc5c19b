package org.advsharp.checks.losses;

import org.advsharp.data.Dataset;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.oracle.MarginAdversarialLoss;
import org.advsharp.oracle.MarginLoss;
import org.ejml.data.DMatrixRMaj;

/**
 * What the checks of proofs/losses.md ask of an adversarial-loss oracle at one radius: value, gradient and
 * the Hessian with its parts. {@link #of} is the suite's oracle ({@link MarginAdversarialLoss}); the tests
 * pass deliberately broken ones to see the checks fail.
 */
interface LossOracle {

    /** The oracle for {@code loss} on {@code data} at radius {@code epsilon}. */
    interface Factory {
        LossOracle at(Dataset data, MarginLoss loss, double epsilon);
    }

    double value(double[] w);

    double[] gradient(double[] w);

    HessianDecomposition decomposition(double[] w);

    /** H = A + kappa P. */
    default DMatrixRMaj hessian(double[] w) {
        return decomposition(w).full();
    }

    /** The suite's oracle. */
    Factory SUITE = (data, loss, epsilon) -> {
        MarginAdversarialLoss oracle = new MarginAdversarialLoss(data, loss, epsilon);
        return new LossOracle() {
            @Override
            public double value(double[] w) {
                return oracle.value(w);
            }

            @Override
            public double[] gradient(double[] w) {
                return oracle.gradient(w);
            }

            @Override
            public HessianDecomposition decomposition(double[] w) {
                return oracle.hessian(w);
            }
        };
    };
}
