package org.advsharp.checks.losses;

import org.advsharp.data.Dataset;
import org.advsharp.oracle.MarginAdversarialLoss;
import org.advsharp.oracle.MarginLoss;
import org.advsharp.training.TrainingObjective;
import org.ejml.data.DMatrixRMaj;

/**
 * F(w) = L_eps(w) + (lambda/2) ||w||^2 for a margin loss l, L_eps the mean adversarial margin loss of
 * {@link MarginAdversarialLoss}: gradient grad L_eps + lambda w, Hessian H + lambda I. For lambda &gt; 0, F
 * is lambda-strongly convex and has exactly one minimiser for every loss of the family.
 */
final class MarginObjective implements TrainingObjective {
    private final MarginAdversarialLoss loss;
    private final double lambda;

    MarginObjective(Dataset data, MarginLoss loss, double epsilon, double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("weight decay lambda is " + lambda + "; it must be a finite number >= 0");
        }
        this.loss = new MarginAdversarialLoss(data, loss, epsilon);
        this.lambda = lambda;
    }

    MarginAdversarialLoss loss() {
        return loss;
    }

    @Override
    public String description() {
        return "L2 adversarial " + loss.loss().name() + " loss, eps = " + loss.epsilon() + ", lambda = " + lambda;
    }

    @Override
    public Dataset data() {
        return loss.data();
    }

    @Override
    public double epsilon() {
        return loss.epsilon();
    }

    @Override
    public double lambda() {
        return lambda;
    }

    @Override
    public double value(double[] w) {
        double squared = 0.0;
        for (double wj : w) {
            squared += wj * wj;
        }
        return loss.value(w) + 0.5 * lambda * squared;
    }

    @Override
    public double[] gradient(double[] w) {
        double[] g = loss.gradient(w);
        for (int j = 0; j < g.length; j++) {
            g[j] += lambda * w[j];
        }
        return g;
    }

    @Override
    public DMatrixRMaj hessian(double[] w) {
        DMatrixRMaj h = loss.hessian(w).full();
        for (int j = 0; j < w.length; j++) {
            h.add(j, j, lambda);
        }
        return h;
    }

    @Override
    public double[] margins(double[] w) {
        return loss.margins(w);
    }

    /** mu = (1/N) sum_n y_n x_n: F decreases along it from 0 whenever eps &lt; ||mu|| (prop:margin-loss-critical-radius). */
    @Override
    public double[] descentDirectionAtZero() {
        return meanSignedInput(loss.data());
    }

    /** mu = (1/N) sum_n y_n x_n. */
    static double[] meanSignedInput(Dataset data) {
        double[] mu = new double[data.dimension()];
        for (int n = 0; n < data.size(); n++) {
            for (int j = 0; j < mu.length; j++) {
                mu[j] += data.label(n) * data.feature(n, j) / data.size();
            }
        }
        return mu;
    }
}
