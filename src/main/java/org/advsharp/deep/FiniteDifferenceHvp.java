package org.advsharp.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Hessian-vector products by central differences of the gradient (the method chosen for the deep tier,
 * claim inst:deep-hvp):
 *
 * <pre>
 *   H v ~ (||v|| / 2h) [ grad L(w + h v/||v||) - grad L(w - h v/||v||) ]
 * </pre>
 *
 * <p>so the weights move by exactly h in Euclidean norm whatever the length of v. The error is
 * O(h^2 ||D^3 L||) from truncation plus O(u ||grad L|| / h) from rounding (u the unit roundoff).
 * Two flavours:
 * <ul>
 *   <li>frozen (analogue of A): L = L_A, the attacked inputs computed once at w and held fixed;</li>
 *   <li>re-attacked (analogue of H): L = L_H, the attack recomputed at w +- h v/||v||; the gradient of
 *       L_H is the gradient at the re-attacked inputs (Danskin), so the difference quotient sees how the
 *       attack direction moves with the weights, which is what creates kappa P in the linear model.</li>
 * </ul>
 */
public final class FiniteDifferenceHvp implements HessianVectorProduct {
    private final RobustObjective objective;
    private final WeightVector w;
    private final boolean reattack;
    private final double h;
    private final List<NDArray> frozenInputs;

    /**
     * @param objective the robust loss
     * @param w         the weights at which the Hessian is taken
     * @param reattack  false: frozen attack (A); true: attack recomputed at each perturbed weight (H)
     * @param h         the displacement in weight space, > 0
     * @param owner     owns the frozen attacked inputs (computed once here when {@code reattack} is false)
     */
    public FiniteDifferenceHvp(RobustObjective objective, WeightVector w, boolean reattack, double h,
                               NDManager owner) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("finite-difference HVP: step h = " + h + " must be finite and > 0");
        }
        this.objective = objective;
        this.w = w;
        this.reattack = reattack;
        this.h = h;
        this.frozenInputs = reattack ? null : objective.attack(w, owner);
    }

    @Override
    public WeightVector apply(WeightVector v, NDManager into) {
        double norm = v.norm();
        if (norm == 0) {
            return v.map(NDArray::zerosLike, into);
        }
        try (Scope scope = Scope.open(into, w, v)) {
            NDManager m = scope.manager();
            WeightVector plus = w.plus(h / norm, v, m);
            WeightVector minus = w.plus(-h / norm, v, m);
            WeightVector gPlus = reattack ? objective.reattackedGradient(plus, m) : objective.gradient(plus, frozenInputs, m);
            WeightVector gMinus = reattack ? objective.reattackedGradient(minus, m) : objective.gradient(minus, frozenInputs, m);
            WeightVector diff = gPlus.plus(-1, gMinus, m);
            return diff.times(norm / (2 * h), into);
        }
    }

    @Override
    public String method() {
        return "central differences of the gradient, " + (reattack ? "attack recomputed at w +- h v" : "attack frozen at w")
                + ", h = " + h;
    }

    @Override
    public WeightVector at() {
        return w;
    }

    /** Whether the attack is recomputed at each perturbed weight. */
    public boolean reattacks() {
        return reattack;
    }
}
