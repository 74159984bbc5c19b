package org.advsharp.deep;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.advsharp.deep.engine.DjlEnvironment;
import org.advsharp.deep.engine.LibtorchWarnings;

/**
 * Exact Hessian-vector products of the frozen-attack loss L_A by double backpropagation (Pearlmutter's
 * identity H v = grad_w (grad_w L . v)), measured against {@link FiniteDifferenceHvp} for
 * claim inst:deep-hvp and NOT used by the experiments:
 *
 * <ul>
 *   <li>DJL 0.36.0 has no public second-order API; this reaches into the PyTorch engine
 *       ({@code JniUtils.backward(target, grad, keepGraph, createGraph)}), so it is engine-specific;</li>
 *   <li>backward with createGraph = true stores a gradient that carries its own graph in each leaf's
 *       .grad, a reference cycle that DJL cannot break (it has no way to set .grad to None; its zeroGrad
 *       zeroes in place and keeps the graph), so native memory grows with every call (measured by the
 *       check of inst:deep-hvp); libtorch warns of it once per process, and as the cycle is known,
 *       {@link LibtorchWarnings} holds that warning back;</li>
 *   <li>it cannot express the re-attacked Hessian (the attack is an inner maximisation, not a
 *       differentiable layer), so the experiments would mix two methods.</li>
 * </ul>
 *
 * <p>After the first backward the leaf gradient is g (with graph); the second backward of sum(g . v)
 * accumulates H v into the same .grad, so H v = grad_after - g.
 */
public final class ExactHvp implements HessianVectorProduct {
    private final RobustObjective objective;
    private final WeightVector w;
    private final List<NDArray> frozenInputs;

    /**
     * @param objective the robust loss
     * @param w         the weights
     * @param owner     owns the attacked inputs computed once at w
     */
    public ExactHvp(RobustObjective objective, WeightVector w, NDManager owner) {
        this.objective = objective;
        this.w = w;
        this.frozenInputs = objective.attack(w, owner);
    }

    @Override
    public WeightVector apply(WeightVector v, NDManager into) {
        WeightVector total = v.map(NDArray::zerosLike, into);
        Engine engine = DjlEnvironment.engine();
        ExampleSet data = objective.data();
        int batch = objective.batchSize();
        int b = 0;
        for (int from = 0; from < data.size(); from += batch, b++) {
            int count = Math.min(batch, data.size() - from);
            try (Scope scope = Scope.open(into, w, v, objective.statistics(), Scope.array(frozenInputs.get(b)), total)) {
                NDManager m = scope.manager();
                ExampleSet.Batch bt = data.range(from, count, objective.dataType(), m);
                WeightVector leaf = w.leafCopy(m);
                try (GradientCollector collector = engine.newGradientCollector()) {
                    NDArray logits = objective.net().logits(leaf, objective.statistics(), frozenInputs.get(b),
                            BatchNormMode.EVAL);
                    NDArray loss = SoftmaxCrossEntropy.sum(logits, bt.oneHot()).div(data.size());
                    PtNDArray seed = (PtNDArray) m.ones(loss.getShape(), loss.getDataType());
                    // libtorch warns of the reference cycle below (see the class comment): known, so held back
                    LibtorchWarnings.heldBack(() -> JniUtils.backward((PtNDArray) loss, seed, true, true));
                    NDArray dot = null;
                    NDArray[] first = new NDArray[leaf.tensors().size()];
                    for (int i = 0; i < first.length; i++) {
                        NDArray g = leaf.tensor(i).getGradient();
                        first[i] = g.duplicate().stopGradient();
                        NDArray term = g.mul(v.tensor(i)).sum();
                        dot = dot == null ? term : dot.add(term);
                    }
                    JniUtils.backward((PtNDArray) dot, (PtNDArray) m.ones(dot.getShape(), dot.getDataType()),
                            false, false);
                    for (int i = 0; i < first.length; i++) {
                        total.tensor(i).addi(leaf.tensor(i).getGradient().sub(first[i]));
                    }
                }
            }
        }
        return total;
    }

    @Override
    public String method() {
        return "exact double backpropagation (PyTorch engine internals), attack frozen at w";
    }

    @Override
    public WeightVector at() {
        return w;
    }
}
