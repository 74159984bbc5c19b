package org.advsharp.training;

import java.util.Optional;
import org.advsharp.data.Dataset;
import org.advsharp.oracle.StationarityResiduals;
import org.ejml.data.DMatrixRMaj;

/**
 * A training objective whose value, gradient and margins come from an {@link AdversarialKernel} (blocked,
 * threaded, bit-identical for any thread count) and whose curvature is available matrix-free, for the
 * {@link MatrixFreeNewtonTrainer}. Everything else (its description, the dense Hessian, the start
 * direction, the stationarity residuals) is the dense reference objective's, so the two paths train the
 * same function and can be compared.
 */
final class KernelObjective implements TrainingObjective {
    private final TrainingObjective reference;
    private final AdversarialKernel kernel;

    /**
     * @param reference the dense objective this one computes matrix-free
     * @param kernel    the kernel of the same function (for random noise: eps = 0 on the noisy inputs)
     */
    KernelObjective(TrainingObjective reference, AdversarialKernel kernel) {
        this.reference = reference;
        this.kernel = kernel;
    }

    /** The dense objective of the same function. */
    TrainingObjective reference() {
        return reference;
    }

    AdversarialKernel kernel() {
        return kernel;
    }

    @Override
    public String description() {
        return reference.description();
    }

    @Override
    public Dataset data() {
        return reference.data();
    }

    @Override
    public double epsilon() {
        return reference.epsilon();
    }

    @Override
    public double lambda() {
        return reference.lambda();
    }

    @Override
    public double value(double[] w) {
        return kernel.value(w);
    }

    @Override
    public double[] gradient(double[] w) {
        return kernel.gradient(w);
    }

    @Override
    public DMatrixRMaj hessian(double[] w) {
        return reference.hessian(w);
    }

    @Override
    public double[] margins(double[] w) {
        return kernel.margins(w);
    }

    @Override
    public double[] descentDirectionAtZero() {
        return reference.descentDirectionAtZero();
    }

    @Override
    public Optional<StationarityResiduals> residuals(double[] w) {
        return reference.residuals(w);
    }
}
