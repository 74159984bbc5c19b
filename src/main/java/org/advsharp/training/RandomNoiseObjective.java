package org.advsharp.training;

import org.advsharp.data.Dataset;
import org.advsharp.oracle.RandomNoiseLoss;
import org.ejml.data.DMatrixRMaj;

/**
 * F(w) = (1/N) sum softplus(-y_n w^T z_n) + (lambda/2)||w||^2 with z_n = x_n + noise_n held fixed
 * (the noise does not depend on w, so the Hessian has no direction term).
 */
final class RandomNoiseObjective implements TrainingObjective {
    private final Dataset data;
    private final RandomNoiseLoss loss;
    private final double epsilon;
    private final double lambda;
    private final double[] meanSignedNoisyInput;

    RandomNoiseObjective(Dataset data, double[][] noise, double epsilon, double lambda) {
        if (!Double.isFinite(lambda) || lambda < 0) {
            throw new IllegalArgumentException("weight decay lambda is " + lambda + "; it must be a finite number >= 0");
        }
        this.data = data;
        this.loss = new RandomNoiseLoss(data, noise);
        this.epsilon = epsilon;
        this.lambda = lambda;
        int d = data.dimension();
        double[] mean = new double[d];
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += data.label(i) * (data.feature(i, j) + noise[i][j]) / data.size();
            }
        }
        this.meanSignedNoisyInput = mean;
    }

    @Override
    public String description() {
        return "clean logistic loss on inputs with fixed random noise of norm " + epsilon + ", lambda = " + lambda;
    }

    @Override
    public Dataset data() {
        return data;
    }

    @Override
    public double epsilon() {
        return epsilon;
    }

    @Override
    public double lambda() {
        return lambda;
    }

    @Override
    public double value(double[] w) {
        return WeightDecay.value(loss.value(w), w, lambda);
    }

    @Override
    public double[] gradient(double[] w) {
        return WeightDecay.gradient(loss.gradient(w), w, lambda);
    }

    @Override
    public DMatrixRMaj hessian(double[] w) {
        return WeightDecay.hessian(loss.hessian(w), lambda);
    }

    @Override
    public double[] margins(double[] w) {
        return loss.margins(w);
    }

    @Override
    public double[] descentDirectionAtZero() {
        return meanSignedNoisyInput.clone();
    }
}
