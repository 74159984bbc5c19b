package org.advsharp.numerics;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.ejml.data.DMatrixRMaj;

/**
 * Every tolerance the suite compares numbers with, one named constant per kind of comparison, each
 * with the reason for its value. Assertions and checks use these names, never bare literals.
 *
 * <p>Notation: u = {@link #MACHINE_EPSILON} = 2^-52 (the spacing of doubles at 1; the unit roundoff is
 * u/2). "Relative" means relative in the sense of {@link #relativeError(double[], double[])}: the
 * max-norm of the difference over the max-norm of the reference, unless a constant says otherwise.
 *
 * <p>The file is organised by section: machine constants, dense eigen-solvers, iterative eigen-solvers,
 * stochastic trace estimation, finite differences, automatic differentiation, and the helpers that
 * compute the errors. New constants go into the matching section (or a new one), with a reason.
 */
public final class Tolerances {
    private Tolerances() {
    }

    // ---------------------------------------------------------------- machine constants

    /** u = 2^-52 = Math.ulp(1.0), about 2.22e-16: the relative spacing of doubles near 1. */
    public static final double MACHINE_EPSILON = Math.ulp(1.0);

    // ---------------------------------------------------------------- dense symmetric eigen-solvers

    /**
     * Two backward-stable symmetric eigen-solvers (EJML and Commons Math) agree on every eigenvalue to
     * within this many times the spectral norm ||M||_2: |lambda_i^A - lambda_i^B| &lt;= tol ||M||_2.
     * Why 1e-12: each solver returns the exact spectrum of M + E with ||E||_2 &lt;= c n u ||M||_2, and by
     * Weyl's inequality every eigenvalue moves by at most ||E||_2. With n &lt;= 100 and a modest
     * constant c &lt;= 20 the sum of both solvers' errors is below 2 * 20 * 100 * 2.2e-16 = 8.9e-13.
     * Eigenvectors are compared through this value divided by the relative spectral gap
     * (Davis-Kahan: sin(angle) &lt;= ||E|| / gap).
     */
    public static final double EIGEN_SOLVER_AGREEMENT = 1e-12;

    /**
     * A dense solver's residual max_i ||M v_i - lambda_i v_i||_2, and the departure from
     * orthonormality max |V^T V - I|, are at most this times ||M||_2 (respectively times 1).
     * Why 1e-12: backward stability gives residuals of order n u ||M||_2 (about 2.2e-14 for n = 100);
     * a constant up to 45 is allowed for the implementation.
     */
    public static final double EIGEN_RESIDUAL = 1e-12;

    /**
     * Recovering a planted spectrum M = Q diag(l) Q^T: every computed eigenvalue is within this times
     * ||M||_2 = max |l_i| of the planted one, and each planted eigenspace projector is recovered to this
     * times ||M||_2 / gap. Why 1e-11: forming M in floating point (Q orthogonal only to about n u, two
     * products of n-term sums) perturbs it by about 3 n u ||M||_2, and the solver adds its own
     * c n u ||M||_2 (see {@link #EIGEN_SOLVER_AGREEMENT}); with n &lt;= 100 both together stay below
     * 1e-11 with a factor 2 to spare.
     */
    public static final double PLANTED_SPECTRUM_RECOVERY = 1e-11;

    // ---------------------------------------------------------------- iterative eigen-solvers

    /**
     * Lanczos convergence and acceptance: a Ritz pair (theta, y) is accepted when
     * ||A y - theta y||_2 &lt;= tol * ||A||, with ||A|| estimated by the largest |Ritz value|. For a
     * symmetric operator an eigenvalue lies within ||r||_2 of theta (Bauer-Fike / Weyl for normal
     * matrices), so the same number bounds the eigenvalue error relative to ||A||_2. Why 1e-10: with
     * full reorthogonalisation the achievable residual is a few n u ||A|| (about 1e-13 at n = 500);
     * 1e-10 leaves three orders of magnitude of headroom, yet is far below any effect the suite
     * measures (eigenvalue changes of 1e-4 and up). {@link Lanczos} stops at a tenth of it, so the
     * residual recomputed with the operator stays below it even after Ritz-vector rounding.
     */
    public static final double LANCZOS_RESIDUAL = 1e-10;

    /**
     * Relative agreement of the dense and the matrix-free solver on the same problem: trained weights,
     * lambda_max of H and of A, trace H and kappa, |a - b| &lt;= tol max(|a|, |b|). Why 1e-9: both trainers
     * stop at ||grad F|| &lt;= 1e-12 on a lambda-strongly convex F, so their weights differ by at most
     * 2e-12 / lambda (2e-10 at lambda = 1e-2, the weakest decay the comparisons use with ||w*|| of order 1);
     * the eigenvalues carry Lanczos' residual (&lt;= 1e-10 relative, {@link #LANCZOS_RESIDUAL}); trace and
     * kappa are sums of N rounded terms in another order (1e-13 relative). 1e-9 covers these with
     * headroom, while a missing term (kappa P, lambda I, the attack in A) changes them by 1e-3 or more.
     */
    public static final double SOLVER_AGREEMENT = 1e-9;

    /**
     * Relative residual ||A v - theta v|| &lt;= tol |theta| at which power iteration is asked to stop in
     * the tests and checks. The Rayleigh-quotient error is then at most tol |theta| (and in fact of
     * order tol^2 |theta|^2 / gap). Why 1e-9 and not the Lanczos value: power iteration's residual
     * decays only like (|lambda_2|/|lambda_1|)^k, so 1e-9 is reachable in a few hundred steps at gap
     * ratio 0.9 while still far below measured effects.
     */
    public static final double POWER_ITERATION_RESIDUAL = 1e-9;

    // ---------------------------------------------------------------- stochastic trace estimation

    /**
     * Extra miss rate allowed for the Hutchinson Student-t interval above its nominal 1 - confidence.
     * Why 0.02: the t interval is exact only for Gaussian samples; z^T A z with Rademacher z is a
     * bounded, skewed quadratic form. For a two-sided interval the coverage error is O(1/S) (the
     * O(1/sqrt(S)) skewness terms cancel); with S &gt;= 30 probes and the kurtosis of the test operators
     * this is about 1 to 2 percentage points, measured in HutchinsonTraceTest.
     */
    public static final double HUTCHINSON_COVERAGE_SLACK = 0.02;

    /**
     * Extra miss rate allowed above (and below) the nominal 0.10 in the coverage check of inst:hutchinson: 30
     * Rademacher probes of the 12 x 12 adversarial Hessians that check draws. Why 0.005: on those operators the
     * t interval's true miss rate, measured with 200,000 to 400,000 repetitions for the master seeds 1 to 6, 31
     * and 20210205, lay between 0.0997 and 0.1024 (standard error 0.0007), so 0.005 covers the finite-K
     * deviation with room; {@link #HUTCHINSON_COVERAGE_SLACK} = 0.02 would accept an interval 5 % too narrow
     * (miss rate 0.1175 by the t law), which this one, with 40,000 repetitions, rejects with power 0.999.
     */
    public static final double HUTCHINSON_CHECK_COVERAGE_SLACK = 0.005;

    /**
     * Probability with which a correct coverage test may still fail by chance: the allowed miss count
     * is the binomial quantile at 1 - this (and, to catch intervals that are too wide, at least the
     * quantile at this). Why 1e-6: a test suite run a million times fails about once from chance alone.
     */
    public static final double COVERAGE_FALSE_ALARM = 1e-6;

    // ---------------------------------------------------------------- finite differences

    /**
     * Central-difference gradient against the exact gradient, relative error as in
     * {@link #relativeError(double[], double[])}. Why 1e-7: with step h = u^(1/3) max(1, |x_i|) the
     * truncation error is h^2 |f'''| / 6 and the rounding error u |f| / h, both of order
     * u^(2/3) = 3.7e-11 times the scale of f and its third derivative; the ratio of that scale to ||grad||
     * (the conditioning factor of the comparison) stays below about 2e3 for the smooth test functions
     * and losses of this suite, giving 7e-8.
     */
    public static final double FD_GRADIENT = 1e-7;

    /**
     * Hessian by central differences of an exact gradient, relative (max-norm) error. Why 1e-7: the
     * same u^(2/3) argument as {@link #FD_GRADIENT} applied to each gradient component, with the
     * gradient's second derivatives in place of f'''.
     */
    public static final double FD_HESSIAN_FROM_GRADIENT = 1e-7;

    /**
     * Hessian by second differences of function values, relative (max-norm) error. Why 3e-5: with step
     * h = u^(1/4) max(1, |x_i|) the truncation error h^2 |f''''| / 12 and the rounding error
     * 4 u |f| / h^2 are both of order u^(1/2) = 1.5e-8 times the scale of f. The comparison is relative
     * to the Hessian's largest entry, which can be far smaller than |f|: on the adversarial losses at
     * ||w|| ~ 5 the margins are large, s(m) is small and |f| / max|H_ij| reaches about 500 (measured
     * error 7e-6). A conditioning factor up to 2e3 gives 3e-5. Prefer gradient differences where a
     * gradient exists.
     */
    public static final double FD_HESSIAN_FROM_VALUES = 3e-5;

    /**
     * Hessian-vector product by central differences of the gradient along v, relative error. Why 1e-7:
     * the step along v has length u^(1/3) max(1, ||x||), so the {@link #FD_GRADIENT} argument applies
     * with directional third derivatives; the extra rounding of x + h v in each coordinate is u |x_i|,
     * of the same order u^(2/3) relative to the step.
     */
    public static final double FD_HESSIAN_VECTOR_PRODUCT = 1e-7;

    // ---------------------------------------------------------------- automatic differentiation

    /**
     * Forward-mode automatic differentiation (Commons Math DerivativeStructure) against a closed form
     * of the same derivative, relative (max-norm) error. Both are exact up to rounding, so the error is
     * the rounding of O(N d) operations: about sqrt(N d) u in a random walk, at most N d u times the
     * condition of the sums. Why 1e-11: with N d &lt;= 1e4 the worst case N d u = 2.2e-12 times a
     * cancellation factor up to 4 in the summed terms gives 9e-12.
     */
    public static final double AUTODIFF_VS_CLOSED_FORM = 1e-11;

    // ---------------------------------------------------------------- oracle identities and claims

    /**
     * Two algebraically equal evaluations of a scalar or short vector from the same inputs (a loss by
     * its closed form and at the attacked inputs, a gradient with and without weight decay, a hand-derived
     * 1-D derivative), relative to max(1, |value|). Why 1e-12: each side costs at most a few hundred
     * floating-point operations on operands no larger than the result's scale times a cancellation factor
     * of about 10, so the gap is below 300 u x 10 = 6.7e-13.
     */
    public static final double ROUNDING = 1e-12;

    /**
     * Two closed forms of the same matrix that sum N outer products in different orders (H - A against
     * kappa P, Q^T H Q against its closed form, A against the clean Hessian at the detached inputs),
     * relative to the larger matrix's max-norm. Why 1e-10: each entry is a sum of N &lt;= 200 terms with
     * |terms| &lt;= ||H||_max times a cancellation factor up to 50 (s(m) is tiny on confident samples while
     * ||x'||^2 is not), so rounding is below 200 x 50 x u = 2.2e-12 per side; products with the
     * orthonormal Q add d u; 1e-10 leaves a factor of about 20.
     */
    public static final double IDENTITY = 1e-10;

    /**
     * Distance of L2 PGD (step alpha = eps, normalised steps) to the closed-form attack, relative to eps,
     * and the matching gap in the loss. Why 1e-9: near the optimum each step halves the angle to it
     * (tan(theta') = tan(theta / 2) for alpha = eps), so 80 steps reach the rounding floor (about 1e-15)
     * from any start; 1e-9 keeps a wide margin yet is far below any effect the claims measure.
     */
    public static final double PGD_CONVERGENCE = 1e-9;

    /**
     * A quantity (an eigenvalue, a trace) counts as having fallen from eps1 to eps2 only when it falls by
     * more than this times its value at eps1. Why 1e-9: eigenvalues carry errors up to
     * {@link #EIGEN_SOLVER_AGREEMENT} = 1e-12 of the spectral norm; a fall a thousand times larger cannot
     * be rounding, so every counterexample the searches report is real.
     */
    public static final double MONOTONICITY_FALL = 1e-9;

    /**
     * Whether a quantity fell from {@code before} (at eps1) to {@code after} (at eps2) by more than
     * {@link #MONOTONICITY_FALL} of its size at eps1 (of the smallest normal double when that is 0): the one
     * rule by which every monotonicity check tells a fall from rounding.
     */
    public static boolean fellBeyondRounding(double before, double after) {
        return before - after > MONOTONICITY_FALL * Math.max(Math.abs(before), Double.MIN_NORMAL);
    }

    /**
     * The largest miss rate of a confidence interval that a coverage test accepts: the binomial quantile
     * at 1 - {@link #COVERAGE_FALSE_ALARM} of the number of misses in {@code repetitions} independent
     * intervals whose miss probability is {@code nominalMissRate} + {@link #HUTCHINSON_COVERAGE_SLACK},
     * divided by {@code repetitions}.
     */
    public static double binomialUpperMissRate(double nominalMissRate, int repetitions) {
        return binomialUpperMissRate(nominalMissRate, HUTCHINSON_COVERAGE_SLACK, repetitions);
    }

    /** {@link #binomialUpperMissRate(double, int)} with the allowance {@code slack} in place of the default. */
    public static double binomialUpperMissRate(double nominalMissRate, double slack, int repetitions) {
        BinomialDistribution misses =
                new BinomialDistribution(null, repetitions, Math.min(1.0, nominalMissRate + slack));
        return misses.inverseCumulativeProbability(1 - COVERAGE_FALSE_ALARM) / (double) repetitions;
    }

    /**
     * The smallest miss rate a two-sided coverage test accepts (an interval that is too wide misses too
     * rarely): the binomial quantile at {@link #COVERAGE_FALSE_ALARM} of the number of misses in
     * {@code repetitions} intervals whose miss probability is {@code nominalMissRate} -
     * {@link #HUTCHINSON_COVERAGE_SLACK}, divided by {@code repetitions}.
     */
    public static double binomialLowerMissRate(double nominalMissRate, int repetitions) {
        return binomialLowerMissRate(nominalMissRate, HUTCHINSON_COVERAGE_SLACK, repetitions);
    }

    /** {@link #binomialLowerMissRate(double, int)} with the allowance {@code slack} in place of the default. */
    public static double binomialLowerMissRate(double nominalMissRate, double slack, int repetitions) {
        BinomialDistribution misses =
                new BinomialDistribution(null, repetitions, Math.max(0.0, nominalMissRate - slack));
        return misses.inverseCumulativeProbability(COVERAGE_FALSE_ALARM) / (double) repetitions;
    }

    /**
     * The power of the upper coverage test: the probability that {@code repetitions} intervals whose true miss
     * rate is {@code trueMissRate} miss more often than {@code allowedMissRate} (the test's acceptance limit).
     */
    public static double coveragePower(double trueMissRate, double allowedMissRate, int repetitions) {
        BinomialDistribution misses = new BinomialDistribution(null, repetitions, trueMissRate);
        return 1 - misses.cumulativeProbability((int) Math.floor(allowedMissRate * repetitions + 1e-9));
    }

    // ---------------------------------------------------------------- error measures

    /**
     * Relative error of a against the reference b in the max-norm:
     * ||a - b||_max / max(1e-300, ||b||_max). The floor 1e-300 keeps a zero reference from dividing by
     * zero (the error is then absolute, times 1e300: any non-zero difference fails).
     *
     * @throws IllegalArgumentException if either is null or their lengths differ
     */
    public static double relativeError(double[] a, double[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("relativeError: vectors must not be null");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("relativeError: lengths differ, " + a.length + " vs "
                    + b.length);
        }
        double diff = 0.0;
        double ref = 0.0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            ref = Math.max(ref, Math.abs(b[i]));
        }
        return diff / Math.max(1e-300, ref);
    }

    /**
     * Relative error of matrix a against the reference b in the entrywise max-norm (not Frobenius):
     * max_ij |a_ij - b_ij| / max(1e-300, max_ij |b_ij|).
     *
     * @throws IllegalArgumentException if either is null or their shapes differ
     */
    public static double relativeError(DMatrixRMaj a, DMatrixRMaj b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("relativeError: matrices must not be null");
        }
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException("relativeError: shapes differ, " + a.numRows + "x"
                    + a.numCols + " vs " + b.numRows + "x" + b.numCols);
        }
        double[] x = new double[a.getNumElements()];
        double[] y = new double[b.getNumElements()];
        System.arraycopy(a.data, 0, x, 0, x.length);
        System.arraycopy(b.data, 0, y, 0, y.length);
        return relativeError(x, y);
    }

    /** Relative error of scalar a against reference b: |a - b| / max(1e-300, |b|). */
    public static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(1e-300, Math.abs(b));
    }

    /**
     * Error of matrix a against reference b, relative to the max-norm of a third matrix {@code scale}:
     * max_ij |a_ij - b_ij| / max(1e-300, max_ij |scale_ij|). Used where b is a small part of a larger
     * matrix (the direction term of H) and the comparison's rounding scales with the larger one.
     */
    public static double relativeError(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj scale) {
        double absolute = relativeError(a, b) * Math.max(1e-300, maxAbs(b));
        return absolute / Math.max(1e-300, maxAbs(scale));
    }

    private static double maxAbs(DMatrixRMaj m) {
        double max = 0.0;
        for (int i = 0; i < m.getNumElements(); i++) {
            max = Math.max(max, Math.abs(m.data[i]));
        }
        return max;
    }
}
