package org.advsharp.deep;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.advsharp.deep.engine.DjlEnvironment;

/**
 * The robust (adversarial) mean loss of a trained network on a fixed set of examples, with BatchNorm in
 * {@link BatchNormMode#EVAL} so that each example's loss is a function of the weights alone
 * (docs/theory.md sections 3 and 6):
 *
 * <pre>
 *   frozen:      L_A(w') = (1/N) sum_n l(w'; x'_n, t_n),   x'_n = PGD_eps(w, x_n) computed once at w
 *   re-attacked: L_H(w') = (1/N) sum_n l(w'; PGD_eps(w', x_n), t_n)
 * </pre>
 *
 * <p>The Hessian of L_A at w is the analogue of A (fixed-input part), that of L_H the analogue of
 * H = A + kappa P. By Danskin's theorem the gradient of L_H at w' is the gradient of l at the attacked
 * inputs held fixed, which is what {@link #gradient} returns when given {@link #attack}(w'). The attack
 * must be deterministic (no random start) so that L_H is a function of w'.
 */
public final class RobustObjective {
    private final Classifier net;
    private final RunningStatistics stats;
    private final ExampleSet data;
    private final PgdSettings attack;
    private final int batchSize;
    private final DataType type;

    /**
     * @param net       the classifier
     * @param stats     its (trained) BatchNorm statistics, used read-only
     * @param data      the examples on which the loss is measured
     * @param attack    the attack; must not use a random start
     * @param batchSize examples per forward pass (memory only; the loss does not depend on it)
     * @param type      FLOAT32 or FLOAT64
     */
    public RobustObjective(Classifier net, RunningStatistics stats, ExampleSet data, PgdSettings attack,
                           int batchSize, DataType type) {
        if (attack.randomStart()) {
            throw new IllegalArgumentException("robust objective: the attack must be deterministic (no random "
                    + "start), otherwise the re-attacked loss is not a function of the weights");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("robust objective: batchSize = " + batchSize + " must be >= 1");
        }
        this.net = net;
        this.stats = stats;
        this.data = data;
        this.attack = attack;
        this.batchSize = batchSize;
        this.type = type;
    }

    public ExampleSet data() {
        return data;
    }

    public Classifier net() {
        return net;
    }

    /** The attacked inputs PGD_eps(w, x_n), batch by batch, owned by {@code into}. */
    public List<NDArray> attack(WeightVector w, NDManager into) {
        List<NDArray> out = new ArrayList<>();
        for (int from = 0; from < data.size(); from += batchSize) {
            int count = Math.min(batchSize, data.size() - from);
            try (Scope scope = Scope.open(into, w, stats)) {
                ExampleSet.Batch b = data.range(from, count, type, scope.manager());
                NDArray adv = L2Pgd.attack(net, w, stats, BatchNormMode.EVAL, b.x(), b.oneHot(), attack);
                out.add(Scope.keep(adv, into));
            }
        }
        return out;
    }

    /** (1/N) sum_n l(w; inputs_n): the loss at the given (attacked or clean) inputs. */
    public double loss(WeightVector w, List<NDArray> inputs, NDManager parent) {
        double sum = 0;
        int b = 0;
        for (int from = 0; from < data.size(); from += batchSize, b++) {
            int count = Math.min(batchSize, data.size() - from);
            try (Scope scope = Scope.open(parent, w, stats, Scope.array(inputs.get(b)))) {
                ExampleSet.Batch batch = data.range(from, count, type, scope.manager());
                NDArray logits = net.logits(w, stats, inputs.get(b), BatchNormMode.EVAL);
                sum += Scalars.value(SoftmaxCrossEntropy.sum(logits, batch.oneHot()));
            }
        }
        return sum / data.size();
    }

    /** L_H(w): the robust loss with the attack recomputed at w. */
    public double reattackedLoss(WeightVector w, NDManager parent) {
        try (NDManager scope = parent.newSubManager()) {
            return loss(w, attack(w, scope), scope);
        }
    }

    /** grad_w (1/N) sum_n l(w; inputs_n), inputs held fixed; owned by {@code into}. */
    public WeightVector gradient(WeightVector w, List<NDArray> inputs, NDManager into) {
        WeightVector total = w.map(NDArray::zerosLike, into);
        Engine engine = DjlEnvironment.engine();
        int b = 0;
        for (int from = 0; from < data.size(); from += batchSize, b++) {
            int count = Math.min(batchSize, data.size() - from);
            try (Scope scope = Scope.open(into, w, stats, Scope.array(inputs.get(b)), total)) {
                ExampleSet.Batch batch = data.range(from, count, type, scope.manager());
                WeightVector leaf = w.leafCopy(scope.manager());
                try (GradientCollector collector = engine.newGradientCollector()) {
                    NDArray logits = net.logits(leaf, stats, inputs.get(b), BatchNormMode.EVAL);
                    collector.backward(SoftmaxCrossEntropy.sum(logits, batch.oneHot()).div(data.size()));
                }
                for (int i = 0; i < total.tensors().size(); i++) {
                    total.tensor(i).addi(leaf.tensor(i).getGradient());
                }
            }
        }
        return total;
    }

    /** grad L_H(w): the gradient at the inputs re-attacked at w (Danskin); owned by {@code into}. */
    public WeightVector reattackedGradient(WeightVector w, NDManager into) {
        try (NDManager scope = into.newSubManager()) {
            List<NDArray> adv = attack(w, scope);
            return gradient(w, adv, into);
        }
    }

    /** Number of examples N. */
    public int size() {
        return data.size();
    }

    RunningStatistics statistics() {
        return stats;
    }

    int batchSize() {
        return batchSize;
    }

    DataType dataType() {
        return type;
    }
}
