package org.advsharp.checks;

import java.util.List;
import org.advsharp.check.Tolerance;
import org.advsharp.numerics.Tolerances;
import org.advsharp.training.LbfgsTrainer;
import org.advsharp.training.NewtonTrainer;

/**
 * The tolerances and pre-registered levels the checks compare with, as {@link Tolerance} values that carry
 * their name and the reason for their size. The numerical tolerances are those of {@link Tolerances} (whose
 * javadoc derives each size) and of the trainers; the levels are the ones registered in {@code proofs/}, held
 * equal to the text there by a gate test (PreRegisteredLevelsTest).
 */
public final class CheckTolerances {
    private CheckTolerances() {
    }

    // ---------------------------------------------------------------- numerical tolerances

    /** Rounding of sums of O(1) terms. */
    public static final Tolerance ROUNDING = new Tolerance("Tolerances.ROUNDING", Tolerances.ROUNDING,
            "a few thousand ulps of O(1) quantities: rounding of the sums compared, nothing more");
    /** Exact identities evaluated by two code paths. */
    public static final Tolerance IDENTITY = new Tolerance("Tolerances.IDENTITY", Tolerances.IDENTITY,
            "identities that hold exactly, computed by two code paths with some cancellation");
    /** PGD against the closed-form attack. */
    public static final Tolerance PGD_CONVERGENCE = new Tolerance("Tolerances.PGD_CONVERGENCE",
            Tolerances.PGD_CONVERGENCE, "80 normalised PGD steps halve the angle to the optimum each time and reach "
                    + "the rounding floor; 1e-9 keeps a wide margin");
    /** Central differences of a value against the gradient. */
    public static final Tolerance FD_GRADIENT = new Tolerance("Tolerances.FD_GRADIENT", Tolerances.FD_GRADIENT,
            "central differences at the optimal step: truncation plus rounding, about u^(2/3)");
    /** Central differences of the gradient against the Hessian. */
    public static final Tolerance FD_HESSIAN_FROM_GRADIENT = new Tolerance("Tolerances.FD_HESSIAN_FROM_GRADIENT",
            Tolerances.FD_HESSIAN_FROM_GRADIENT, "central differences of the gradient at the optimal step, about "
                    + "u^(2/3) relative");
    /** Second differences of values against the Hessian. */
    public static final Tolerance FD_HESSIAN_FROM_VALUES = new Tolerance("Tolerances.FD_HESSIAN_FROM_VALUES",
            Tolerances.FD_HESSIAN_FROM_VALUES, "second differences of values carry about u^(1/2) relative error");
    /** Central differences of the gradient along one direction against a Hessian-vector product. */
    public static final Tolerance FD_HESSIAN_VECTOR_PRODUCT = new Tolerance("Tolerances.FD_HESSIAN_VECTOR_PRODUCT",
            Tolerances.FD_HESSIAN_VECTOR_PRODUCT, "one central difference of the gradient at the optimal step");
    /** Forward-mode automatic differentiation against the closed forms. */
    public static final Tolerance AUTODIFF_VS_CLOSED_FORM = new Tolerance("Tolerances.AUTODIFF_VS_CLOSED_FORM",
            Tolerances.AUTODIFF_VS_CLOSED_FORM, "both exact up to rounding, by different operation orders");
    /** Lanczos residual relative to the Ritz value. */
    public static final Tolerance LANCZOS_RESIDUAL = new Tolerance("Tolerances.LANCZOS_RESIDUAL",
            Tolerances.LANCZOS_RESIDUAL, "the Lanczos acceptance residual: some eigenvalue lies within it");
    /** Dense against matrix-free solver. */
    public static final Tolerance SOLVER_AGREEMENT = new Tolerance("Tolerances.SOLVER_AGREEMENT",
            Tolerances.SOLVER_AGREEMENT, "two certified minimisers of one strongly convex objective differ by at most "
                    + "2 g / lambda = 2e-9 relative; a missing term changes the numbers by 1e-3 or more");
    /** Power iteration against the dense top eigenvalue. */
    public static final Tolerance POWER_ITERATION_RESIDUAL = new Tolerance("Tolerances.POWER_ITERATION_RESIDUAL",
            Tolerances.POWER_ITERATION_RESIDUAL, "the power iteration's stopping residual, reachable at gap ratio 0.9");
    /** A planted spectrum recovered. */
    public static final Tolerance PLANTED_SPECTRUM_RECOVERY = new Tolerance("Tolerances.PLANTED_SPECTRUM_RECOVERY",
            Tolerances.PLANTED_SPECTRUM_RECOVERY, "forming the planted matrix and a backward-stable solver, "
                    + "about 3 n u + c n u of ||M||");
    /** Two dense eigen-solvers against each other. */
    public static final Tolerance EIGEN_SOLVER_AGREEMENT = new Tolerance("Tolerances.EIGEN_SOLVER_AGREEMENT",
            Tolerances.EIGEN_SOLVER_AGREEMENT, "two backward-stable solvers, Weyl's inequality: 2 c n u ||M||");
    /** The Newton trainers' certificate. */
    public static final Tolerance NEWTON_GRADIENT = new Tolerance("NewtonTrainer.DEFAULT_GRADIENT_TOLERANCE",
            NewtonTrainer.DEFAULT_GRADIENT_TOLERANCE, "the trainers' stopping tolerance on ||grad F||; Newton reaches "
                    + "about 1e-15");
    /** The L-BFGS trainer's certificate. */
    public static final Tolerance LBFGS_GRADIENT = new Tolerance("LbfgsTrainer.DEFAULT_GRADIENT_TOLERANCE",
            LbfgsTrainer.DEFAULT_GRADIENT_TOLERANCE, "L-BFGS's stopping tolerance on ||grad F||");

    // ---------------------------------------------------------------- pre-registered levels

    /** exp:trained-sharpness-rises-to-half-critical (proofs/training.md). */
    public static final Tolerance HEADLINE_LEVEL = new Tolerance("HEADLINE_LEVEL", 1e-3,
            "pre-registered in proofs/training.md: one-sided sign-test level of the headline claim");
    /** exp:adversarial-noise-gap-grows and exp:linf-grows-less-than-l2 (proofs/training.md). */
    public static final Tolerance SIGN_TEST_LEVEL = new Tolerance("SIGN_TEST_LEVEL", 1e-6,
            "pre-registered in proofs/training.md: one-sided sign-test level of the noise-gap and Linf claims");
    /** exp:real-data-sharpness-rises (proofs/training.md). */
    public static final Tolerance REAL_DATA_TREND_LEVEL = new Tolerance("REAL_DATA_TREND_LEVEL", 1e-3,
            "pre-registered in proofs/training.md: exact Kendall trend level per real-data curve");
    /** The Fashion-MNIST trend claims (proofs/fashion.md). */
    public static final Tolerance FASHION_TREND_LEVEL = new Tolerance("FASHION_TREND_LEVEL", 1e-3,
            "pre-registered in proofs/fashion.md: exact Kendall trend level per curve; 12 curves, family-wise "
                    + "at most 1.2e-2");

    /** exp:linear-regime-mechanism (proofs/deep.md). */
    public static final Tolerance MECHANISM_LEVEL = new Tolerance("MECHANISM_LEVEL", 1e-3,
            "pre-registered in proofs/deep.md: one-sided sign-test level of each regime of the linear mechanism");

    /** Every pre-registered level, for the gate test that holds them equal to proofs/. */
    static List<Tolerance> preRegisteredLevels() {
        return List.of(HEADLINE_LEVEL, SIGN_TEST_LEVEL, REAL_DATA_TREND_LEVEL, FASHION_TREND_LEVEL, MECHANISM_LEVEL);
    }
}
