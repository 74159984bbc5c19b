package org.advsharp.deep.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import org.advsharp.deep.ExactHvp;
import org.advsharp.deep.ExampleSet;
import org.advsharp.deep.HessianOperator;
import org.advsharp.deep.HvpAgreement;
import org.advsharp.deep.LinearSoftmax;
import org.advsharp.deep.RobustObjective;
import org.advsharp.deep.WeightVector;

/**
 * The program {@link LibtorchWarningsTest} starts in a JVM of its own, to read what libtorch writes to that
 * process's standard error (native output that {@code System.setErr} cannot catch). Argument {@code exact}: one
 * product of {@link ExactHvp} on a small linear softmax model, as the check of inst:deep-hvp makes them;
 * {@code bare}: one backward with create_graph = true called directly, without {@link LibtorchWarnings}, which
 * must print libtorch's warning (the control that shows the warning would be seen).
 */
final class CreateGraphProbe {

    private CreateGraphProbe() {
    }

    public static void main(String[] args) {
        Engine engine = DjlEnvironment.engine();
        try (NDManager m = engine.newBaseManager()) {
            double norm = switch (args[0]) {
                case "exact" -> exactProduct(m);
                case "bare" -> bareBackward(engine, m);
                default -> throw new IllegalArgumentException("argument " + args[0] + ": exact or bare");
            };
            System.out.println("norm " + norm);
        }
    }

    private static double exactProduct(NDManager m) {
        int d = 4;
        int k = 3;
        int n = 6;
        float[] f = new float[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % k;
            for (int j = 0; j < d; j++) {
                f[i * d + j] = 0.1f * (i + 1) + 0.05f * j;
            }
        }
        LinearSoftmax net = new LinearSoftmax(d, k, true, 1.0);
        ExampleSet data = new ExampleSet("probe", new Shape(d), k, f, labels);
        WeightVector w = net.initialWeights(1L, DataType.FLOAT64, m);
        RobustObjective objective = HvpAgreement.frozenPgd3(net, net.initialStatistics(DataType.FLOAT64, m), data,
                0.1);
        ExactHvp exact = new ExactHvp(objective, w, m);
        WeightVector hv = exact.apply(HessianOperator.gaussian(w, 2L, DataType.FLOAT64, m), m);
        return norm(hv.toDoubleArray());
    }

    private static double bareBackward(Engine engine, NDManager m) {
        NDArray x = m.create(new double[] {1, 2, 3});
        x.setRequiresGradient(true);
        try (GradientCollector collector = engine.newGradientCollector()) {
            NDArray y = x.mul(x).sum();
            JniUtils.backward((PtNDArray) y, (PtNDArray) m.ones(y.getShape(), y.getDataType()), true, true);
            return norm(x.getGradient().toDoubleArray());
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
