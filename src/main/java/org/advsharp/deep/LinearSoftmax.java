package org.advsharp.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;

/**
 * The linear softmax model z = W x (+ b), W in R^{K x d}: the calibration model of the deep tier
 * (docs/theory.md section 6, claim inst:deep-calibration). With K = 2 and no bias its softmax cross-entropy is
 * the logistic loss softplus(-y u^T x) of u = w_1 - w_2 (label y = +1 for class 0, y = -1 for class 1),
 * so every deep instrument can be compared with the closed forms of org.advsharp.oracle.
 *
 * <p>Inputs of any shape (N, ...) are flattened to (N, d).
 */
public final class LinearSoftmax implements Classifier {
    private final int d;
    private final int k;
    private final boolean bias;
    private final double initScale;

    /**
     * @param d         input dimension
     * @param k         number of classes, at least 2
     * @param bias      whether there is a bias b in R^K
     * @param initScale initial weights are uniform on [-initScale/sqrt(d), initScale/sqrt(d)]
     */
    public LinearSoftmax(int d, int k, boolean bias, double initScale) {
        if (d < 1) {
            throw new IllegalArgumentException("linear softmax: input dimension d = " + d + " must be >= 1");
        }
        if (k < 2) {
            throw new IllegalArgumentException("linear softmax: number of classes K = " + k + " must be >= 2");
        }
        if (!(initScale > 0) || !Double.isFinite(initScale)) {
            throw new IllegalArgumentException("linear softmax: initScale = " + initScale
                    + " must be finite and > 0");
        }
        this.d = d;
        this.k = k;
        this.bias = bias;
        this.initScale = initScale;
    }

    @Override
    public String describe() {
        return "linear softmax, d = " + d + ", K = " + k + (bias ? ", with bias" : ", no bias");
    }

    @Override
    public int numClasses() {
        return k;
    }

    @Override
    public Shape exampleShape() {
        return new Shape(d);
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(new ParameterSpec("dense.weight", new Shape(k, d), ParameterRole.DENSE));
        if (bias) {
            specs.add(new ParameterSpec("dense.bias", new Shape(k), ParameterRole.BIAS));
        }
        return specs;
    }

    @Override
    public WeightVector initialWeights(long seed, DataType type, NDManager manager) {
        return Initialisation.draw(parameters(), d, initScale, seed, type, manager);
    }

    @Override
    public RunningStatistics initialStatistics(DataType type, NDManager manager) {
        return RunningStatistics.none();
    }

    @Override
    public NDArray logits(WeightVector w, RunningStatistics stats, NDArray x, BatchNormMode mode) {
        NDArray flat = x.reshape(x.getShape().get(0), d);
        return Linear.linear(flat, w.tensor(0), bias ? w.tensor(1) : null).singletonOrThrow();
    }
}
