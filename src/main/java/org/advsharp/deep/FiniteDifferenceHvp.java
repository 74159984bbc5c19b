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
 *
 * <p>Kinks. On a ReLU network the gradient jumps where a unit changes sign. If such a kink lies between
 * w - h v and w + h v, the quotient carries the jump divided by 2h and is wrong by orders of magnitude
 * (seen: a relative error of 1.4e6 against exact double backpropagation at h = 1e-7). The two one-sided
 * quotients D+ = (g(w + h v) - g(w)) / h and D- = (g(w) - g(w - h v)) / h differ by O(h) on a smooth
 * stretch and by about jump / h across a kink, so a disagreement above {@link #KINK_TOLERANCE} of their
 * mean means a kink; the step is then divided by {@link #REFINEMENT_FACTOR} (a kink at distance
 * delta > 0 from w is excluded once h < delta), at most {@link #MAX_REFINEMENTS} times. g(w) is computed
 * once, so a product still costs two gradients when no kink is met. Products whose kink could not be
 * resolved are counted ({@link #unresolvedKinks()}) for the evidence; their central quotient is returned.
 */
public final class FiniteDifferenceHvp implements HessianVectorProduct {
    private final RobustObjective objective;
    private final WeightVector w;
    private final boolean reattack;
    private final double h;
    private final List<NDArray> frozenInputs;
    private final WeightVector center;
    private int refinements;
    private int unresolved;

    /**
     * Largest relative disagreement ||D+ - D-|| / ||(D+ + D-) / 2|| accepted as smooth: 1e-3. On a smooth
     * stretch it is about h ||D^3 L|| / ||H v||, below 1e-6 at h = 1e-7 for the models here; a kink's jump
     * divided by h exceeds it by orders of magnitude, while the mean of a smooth pair is already accurate
     * far beyond the 1e-3 tolerance the ReLU comparison allows.
     */
    public static final double KINK_TOLERANCE = 1e-3;
    /** Factor by which the step shrinks after a detected kink. */
    public static final double REFINEMENT_FACTOR = 10.0;
    /**
     * Most refinements per product: 2, so the smallest step is h / 100 = 1e-9 at the default h, where
     * float64 rounding, about 1e-16 ||grad|| / h, is still near 1e-7 of the gradient's size.
     */
    public static final int MAX_REFINEMENTS = 2;

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
        this.center = gradientAt(w, owner);
    }

    private WeightVector gradientAt(WeightVector at, NDManager into) {
        return reattack ? objective.reattackedGradient(at, into) : objective.gradient(at, frozenInputs, into);
    }

    @Override
    public WeightVector apply(WeightVector v, NDManager into) {
        double norm = v.norm();
        if (norm == 0) {
            return v.map(NDArray::zerosLike, into);
        }
        double step = h;
        for (int attempt = 0; ; attempt++) {
            try (Scope scope = Scope.open(into, w, v, center)) {
                NDManager m = scope.manager();
                WeightVector gPlus = gradientAt(w.plus(step / norm, v, m), m);
                WeightVector gMinus = gradientAt(w.plus(-step / norm, v, m), m);
                WeightVector forward = gPlus.plus(-1, center, m);
                WeightVector backward = center.plus(-1, gMinus, m);
                WeightVector sum = forward.plus(1, backward, m);
                double disagreement = forward.plus(-1, backward, m).norm();
                boolean smooth = disagreement <= KINK_TOLERANCE * 0.5 * sum.norm();
                if (smooth || attempt == MAX_REFINEMENTS) {
                    if (!smooth) {
                        unresolved++;
                    }
                    return sum.times(norm / (2 * step), into);
                }
            }
            refinements++;
            step /= REFINEMENT_FACTOR;
        }
    }

    /** How many times a product met a kink and shrank its step, since this operator was made. */
    @Override
    public int kinkRefinements() {
        return refinements;
    }

    /** How many products still met a kink at the smallest step (their central quotient was returned). */
    @Override
    public int unresolvedKinks() {
        return unresolved;
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
}
