package org.advsharp.deep;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.advsharp.numerics.HutchinsonTrace;
import org.advsharp.numerics.Lanczos;
import org.advsharp.numerics.LanczosResult;
import org.advsharp.numerics.LinearOperator;
import org.advsharp.numerics.TraceEstimate;

/**
 * A network's Hessian-vector products seen as a {@link LinearOperator} on flat double vectors, so that the
 * deep tier uses the project's one Lanczos ({@link Lanczos}) and one trace estimator ({@link HutchinsonTrace})
 * instead of copies of its own. Each product converts the flat vector to a {@link WeightVector} in the
 * measuring type, applies the {@link HessianVectorProduct} and converts back; it records the wall time of
 * every product.
 *
 * <p>Certificates. {@link #topEigenvalue} returns the top Ritz value with its relative residual
 * ||H y - theta y|| / |theta| measured by one more product at the Ritz vector y; for a symmetric H some
 * eigenvalue lies within the residual of theta (Bauer-Fike), so the residual bounds how far theta is from
 * an eigenvalue (not that it is the largest one). Every result carries the kink counts of the products
 * ({@link FiniteDifferenceHvp#unresolvedKinks()}): a product whose finite difference still met a ReLU kink
 * is not a Hessian-vector product.
 */
public final class HessianOperator implements LinearOperator {
    /**
     * Relative residual up to which a deep top eigenvalue is flagged converged: 0.05, so that an eigenvalue of
     * H lies within 5 % of the reported value. Sharpness differences the deep claims look at across radii are
     * tens of percent and more; a value above this is still reported, flagged unconverged.
     */
    public static final double CONVERGED_RESIDUAL = 0.05;

    private final HessianVectorProduct hvp;
    private final DataType type;
    private final NDManager manager;
    private final int dimension;
    private final List<Double> millis = new ArrayList<>();

    /**
     * @param hvp     the products
     * @param type    tensor type the products are computed in
     * @param manager parent of the per-product scopes
     */
    public HessianOperator(HessianVectorProduct hvp, DataType type, NDManager manager) {
        this.hvp = hvp;
        this.type = type;
        this.manager = manager;
        this.dimension = Math.toIntExact(hvp.at().dimension());
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void apply(double[] v, double[] out) {
        long t0 = System.nanoTime();
        try (NDManager m = manager.newSubManager()) {
            WeightVector x = WeightVector.fromDoubleArray(hvp.at().specs(), v, type, m);
            double[] r = hvp.apply(x, m).toDoubleArray();
            System.arraycopy(r, 0, out, 0, dimension);
        }
        millis.add((System.nanoTime() - t0) / 1e6);
    }

    /** Products computed so far. */
    public int products() {
        return millis.size();
    }

    /**
     * The top eigenvalue by Lanczos with full re-orthogonalisation, at most {@code maxSteps} products (capped at
     * the dimension; one more measures the residual), seeded start vector.
     */
    public TopEigenvalue topEigenvalue(int maxSteps, long seed) {
        int before = products();
        int refinementsBefore = hvp.kinkRefinements();
        int unresolvedBefore = hvp.unresolvedKinks();
        LanczosResult r = Lanczos.topK(this, 1, Math.max(1, maxSteps), seed);
        double value = r.eigenvalues()[0];
        double relative = r.residualNorms()[0] / Math.abs(value);
        return new TopEigenvalue(value, r.iterations(), relative, relative <= CONVERGED_RESIDUAL,
                millis.subList(before, millis.size()), hvp.kinkRefinements() - refinementsBefore,
                hvp.unresolvedKinks() - unresolvedBefore, hvp.method());
    }

    /**
     * Hutchinson's estimate of the trace with {@code probes} Rademacher probes and its Student-t interval of
     * level {@code confidence}, with the number of products that ended on an unresolved kink.
     */
    public TraceResult trace(int probes, long seed, double confidence) {
        int unresolvedBefore = hvp.unresolvedKinks();
        TraceEstimate t = HutchinsonTrace.estimate(this, probes, seed, confidence);
        return new TraceResult(t, hvp.unresolvedKinks() - unresolvedBefore);
    }

    /**
     * A trace estimate and the products in it that met an unresolved kink.
     *
     * @param estimate        mean, standard error and interval
     * @param unresolvedKinks products whose finite difference still crossed a kink at the smallest step
     */
    public record TraceResult(TraceEstimate estimate, int unresolvedKinks) {
    }

    /** A seeded standard Gaussian vector with the layout of {@code like}. */
    public static WeightVector gaussian(WeightVector like, long seed, DataType type, NDManager into) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[Math.toIntExact(like.dimension())];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return WeightVector.fromDoubleArray(like.specs(), values, type, into);
    }
}
