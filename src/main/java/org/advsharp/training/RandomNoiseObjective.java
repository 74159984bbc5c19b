package org.advsharp.training;

import org.advsharp.data.Dataset;
import org.advsharp.oracle.RandomNoiseLoss;

/**
 * F(w) = (1/N) sum softplus(-y_n w^T z_n) + (lambda/2)||w||^2 with z_n = x_n + noise_n held fixed
 * (the noise does not depend on w, so the Hessian has no direction term).
 */
final class RandomNoiseObjective extends PenalizedObjective {
    private final double[] meanSignedNoisyInput;

    RandomNoiseObjective(Dataset data, double[][] noise, double epsilon, double lambda) {
        this(data, noise, epsilon, lambda, new RandomNoiseLoss(data, noise));
    }

    private RandomNoiseObjective(Dataset data, double[][] noise, double epsilon, double lambda, RandomNoiseLoss loss) {
        super(data, epsilon, lambda, new Loss(loss::value, loss::gradient, loss::hessian, loss::margins));
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
        return "clean logistic loss on inputs with fixed random noise of norm " + epsilon() + ", lambda = " + lambda();
    }

    @Override
    public double[] descentDirectionAtZero() {
        return meanSignedNoisyInput.clone();
    }
}
