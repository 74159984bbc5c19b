package org.advsharp.deep;

import org.advsharp.numerics.RankTrend;

/**
 * The tolerances of the deep tier (tests and checks of proofs/deep.md), one documented constant per kind
 * of comparison. Each is derived from the error budget of the computation it bounds; the measured values
 * are recorded as evidence next to them, so a reader can see the margin.
 */
public final class DeepTolerances {

    /**
     * PGD on the binary linear model against the closed-form worst case -eps y u/||u|| (inst:deep-pgd),
     * relative to eps, in float64. The first normalised ascent step already points along -y u; the
     * remaining work is a handful of float64 operations per iterate (a norm, a division, a projection),
     * each with relative rounding u = 1.1e-16, over at most a few tens of steps: an error of order 1e-14.
     * libtorch may sum in a different order than Java; 1e-9 keeps five orders of magnitude of margin while
     * still catching a wrong direction, sign, step or projection (those give errors of order 1).
     */
    public static final double PGD_VS_CLOSED_FORM = 1e-9;

    /**
     * Central-difference Hessian-vector products against exact double backpropagation on the linear
     * softmax model, ||Hv_fd - Hv_exact|| / ||Hv_exact||, in float64 with h = 1e-7 (inst:deep-hvp). The
     * loss is analytic, so the error is truncation h^2 |D^3 L| / 6 (about 1e-14 here) plus rounding
     * u |grad L| / h (about 1e-9 relative when |grad L| is of the order of lambda_max). 1e-6 leaves a factor
     * of about a thousand above that budget.
     */
    public static final double HVP_FD_VS_EXACT_SMOOTH = 1e-6;

    /**
     * The same comparison on a small ResNet18 (ReLU network, BatchNorm on running statistics), where a
     * ReLU whose input changes sign between w - h v and w + h v adds an error of size O(1/h) times the
     * probability of such a crossing. With h = 1e-7 in float64 crossings are rare but not impossible;
     * 1e-3 relative is what the sharpness comparisons of the ResNet tier need (their effects are tens of
     * percent), and it still catches a wrong sign, scale or a missing term (errors of order 1).
     */
    public static final double HVP_FD_VS_EXACT_RELU = 1e-3;

    /**
     * The deep pipeline against the oracle's lambda_max(H) and lambda_max(A) on the binary linear model
     * (inst:deep-calibration), relative. Finite differences contribute about 1e-9 (see
     * {@link #HVP_FD_VS_EXACT_SMOOTH}); Lanczos runs to the dimension of weight space with full
     * re-orthogonalisation, so it is exact up to about 1e-13; PGD reproduces the exact attack to about
     * 1e-14 ({@link #PGD_VS_CLOSED_FORM}). 1e-6 covers the sum with three orders of margin and still catches
     * a factor or a missing kappa P term (the direction term is a sizeable fraction of lambda_max(H) at the
     * calibration radius).
     */
    public static final double CALIBRATION_RELATIVE = 1e-6;

    /**
     * Filter-normalised directions: |‖d_f‖ - ‖w_f‖| / ‖w_f‖ per filter. Both norms are computed in double
     * from float64 tensors; 1e-9 is far above the rounding of a few hundred products.
     */
    public static final double FILTER_NORM_MATCH = 1e-9;

    /**
     * Significance level of the one-sided exact permutation test of {@link RankTrend} for "increases with
     * eps". With four radii the smallest attainable p-value is 1/24 = 0.042, so at this level only a
     * strictly increasing series passes: the test cannot be passed by chance more than 4.2% of the time.
     */
    public static final double TREND_SIGNIFICANCE = 0.05;

    private DeepTolerances() {
    }

    /**
     * Largest relative difference between a number of the study's record (robust and clean loss, gradient norm,
     * frozen-attack lambda_max) and the same number from the every-build reduced rerun of one of its runs: 1e-3.
     * On the machine that made the record the rerun is bit for bit the same (float64, one libtorch thread,
     * seeded); the tolerance admits rounding differences of another CPU's kernels carried through 240 SGD steps,
     * while a change of the code path (data, network, schedule, attack, measurement) moves these numbers by
     * several percent at least (different seeds of the study differ by tens of percent).
     */
    public static final double STUDY_REPRODUCTION_RELATIVE = 1e-3;

    /**
     * Largest difference in test accuracy between the record and the rerun: 0.01, five of the 500 test images,
     * for the same reason as {@link #STUDY_REPRODUCTION_RELATIVE} (a prediction near a tie may flip).
     */
    public static final double STUDY_REPRODUCTION_ACCURACY = 0.01;
}
