package org.advsharp.checks.spectrum;

import java.util.List;
import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.Measurement;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.numerics.CommonsMathSymmetricEigenSolver;
import org.advsharp.numerics.EjmlSymmetricEigenSolver;
import org.advsharp.numerics.SymmetricEigenSolver;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.oracle.Logistic;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Checks of lem:compressed-form and prop:spectral-bounds (section 4 of the theory): the compressed
 * Hessian's closed form, the curvature along w, and the eigenvalue bounds, with both eigen-solvers.
 */
public final class SpectrumChecks {
    private static final int DEFAULT_TRIES = 200;

    /** The largest dimension the generators draw: the trace identity sums that many diagonal terms. */
    private static final int TRACE_TERMS = 8;

    private SpectrumChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                new FunctionalCheck("compressed-closed-form", "lem:compressed-form",
                        "Q^T x'_n = Q^T x_n, Q^T H Q by its closed form, and w_hat^T H w_hat = mean s(m) m^2/||w||^2",
                        SpectrumChecks::compressedForm),
                new FunctionalCheck("spectral-bounds-both-solvers", "prop:spectral-bounds",
                        "lambda_min(H) >= 0, lambda_{d-1}(H) >= kappa, lambda_max(H) <= mean||x'||^2/4 + kappa",
                        SpectrumChecks::spectralBounds));
    }

    private static String compressedForm(CheckContext context, Evidence evidence) {
        double[] worst = new double[3];
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                "compressed Hessian and curvature along w closed forms", Problems.anyRegime(), (c, labels) -> {
                    if (Vectors.norm(c.w()) == 0.0 || c.data().dimension() < 2) {
                        labels.label("skipped: w = 0 or d = 1");
                        return null;
                    }
                    AdversarialLoss loss = new AdversarialLoss(c.data(), c.eps2());
                    HessianDecomposition h = loss.hessian(c.w());
                    DMatrixRMaj q = h.complementBasis();
                    DMatrixRMaj x = new DMatrixRMaj(c.data().rows());
                    DMatrixRMaj xAdv = new DMatrixRMaj(loss.adversarialInputs(c.w()));
                    DMatrixRMaj xq = new DMatrixRMaj(x.numRows, q.numCols);
                    DMatrixRMaj xAdvQ = new DMatrixRMaj(x.numRows, q.numCols);
                    CommonOps_DDRM.mult(x, q, xq);
                    CommonOps_DDRM.mult(xAdv, q, xAdvQ);
                    double projection = Tolerances.relativeError(xAdvQ, xq);
                    DMatrixRMaj hq = new DMatrixRMaj(q.numRows, q.numCols);
                    CommonOps_DDRM.mult(h.full(), q, hq);
                    DMatrixRMaj qthq = new DMatrixRMaj(q.numCols, q.numCols);
                    CommonOps_DDRM.multTransA(q, hq, qthq);
                    double compressed = Tolerances.relativeError(h.compressed(), qthq);
                    double[] u = h.unitWeight();
                    DMatrixRMaj hu = new DMatrixRMaj(u.length, 1);
                    CommonOps_DDRM.mult(h.full(), new DMatrixRMaj(u.length, 1, true, u), hu);
                    double rayleigh = 0.0;
                    for (int j = 0; j < u.length; j++) {
                        rayleigh += u[j] * hu.get(j, 0);
                    }
                    double scale = Math.max(CommonOps_DDRM.elementMaxAbs(h.full()), Double.MIN_NORMAL);
                    double along = Math.abs(rayleigh - h.curvatureAlongWeight()) / scale;
                    worst[0] = Math.max(worst[0], projection);
                    worst[1] = Math.max(worst[1], compressed);
                    worst[2] = Math.max(worst[2], along);
                    if (projection > Tolerances.IDENTITY || compressed > Tolerances.IDENTITY
                            || along > Tolerances.IDENTITY) {
                        return String.format(Locale.ROOT, "projection %.2e, compressed %.2e, along-w %.2e",
                                projection, compressed, along);
                    }
                    return null;
                }, Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.floor(PropertyEvidence.floorFor(DEFAULT_TRIES));
        evidence.measure(Measurement.atMost("max relative difference of Q^T x'_n and Q^T x_n", worst[0],
                CheckTolerances.IDENTITY));
        evidence.measure(Measurement.atMost("max relative error of the closed-form Q^T H Q", worst[1],
                CheckTolerances.IDENTITY));
        evidence.measure(Measurement.atMost("max error of the closed-form curvature along w, relative to ||H||",
                worst[2], CheckTolerances.IDENTITY));
        return String.format(Locale.ROOT, "On %d problems the closed forms matched products with Q to %.1e.",
                report.tries(), Math.max(worst[0], Math.max(worst[1], worst[2])));
    }

    private static String spectralBounds(CheckContext context, Evidence evidence) {
        List<SymmetricEigenSolver> solvers = List.of(new EjmlSymmetricEigenSolver(),
                new CommonsMathSymmetricEigenSolver());
        double[] tightest = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0.0};
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                "spectral bounds of H", Problems.anyRegime(), (c, labels) -> {
                    if (Vectors.norm(c.w()) == 0.0) {
                        labels.label("skipped: w = 0");
                        return null;
                    }
                    AdversarialLoss loss = new AdversarialLoss(c.data(), c.eps2());
                    HessianDecomposition h = loss.hessian(c.w());
                    double meanSquaredNorm = 0.0;
                    for (double[] row : loss.adversarialInputs(c.w())) {
                        for (double v : row) {
                            meanSquaredNorm += v * v;
                        }
                    }
                    meanSquaredNorm /= c.data().size();
                    double upper = meanSquaredNorm / 4 + h.kappa();
                    // (c)'s middle term and (d): (1/N) sum s(m_n) ||x'_n||^2.
                    double weighted = 0.0;
                    double[][] inputs = loss.adversarialInputs(c.w());
                    for (int n = 0; n < inputs.length; n++) {
                        double sq = 0.0;
                        for (double v : inputs[n]) {
                            sq += v * v;
                        }
                        weighted += Logistic.curvature(h.margins()[n]) * sq;
                    }
                    weighted /= c.data().size();
                    int dim = c.data().dimension();
                    double traceError = Math.abs(CommonOps_DDRM.trace(h.full()) - (weighted + (dim - 1) * h.kappa()))
                            / Math.max(1.0, weighted + (dim - 1) * h.kappa());
                    tightest[5] = Math.max(tightest[5], traceError);
                    if (traceError > Tolerances.ROUNDING * dim) {
                        return String.format(Locale.ROOT, "(d) trace(H) differs from mean s(m)||x'||^2 + (d-1) kappa "
                                + "by %.3e (relative)", traceError);
                    }
                    for (SymmetricEigenSolver solver : solvers) {
                        double[] eig = solver.decompose(h.full()).eigenvalues();
                        int d = eig.length;
                        double slack = Tolerances.EIGEN_SOLVER_AGREEMENT * Math.max(Math.abs(eig[0]), Double.MIN_NORMAL);
                        double lowest = eig[d - 1] + slack;
                        double secondLowest = d > 1 ? eig[d - 2] - h.kappa() + slack : Double.POSITIVE_INFINITY;
                        double top = upper - eig[0] + slack;
                        double topA = solver.decompose(h.fixedInputPart()).eigenvalues()[0];
                        double viaA = topA + h.kappa() - eig[0] + slack;
                        double aBound = weighted - topA + slack;
                        tightest[0] = Math.min(tightest[0], lowest);
                        tightest[1] = Math.min(tightest[1], secondLowest);
                        tightest[2] = Math.min(tightest[2], top);
                        tightest[3] = Math.min(tightest[3], viaA);
                        tightest[4] = Math.min(tightest[4], aBound);
                        if (viaA < 0 || aBound < 0) {
                            return String.format(Locale.ROOT, "%s: (c) lambda_max(A) + kappa - lambda_max(H) %.3e, "
                                    + "mean s(m)||x'||^2 - lambda_max(A) %.3e", solver.name(), viaA - slack, aBound - slack);
                        }
                        if (lowest < 0 || secondLowest < 0 || top < 0) {
                            return String.format(Locale.ROOT, "%s: lambda_min %.3e, lambda_{d-1} - kappa %.3e, "
                                    + "bound - lambda_max %.3e", solver.name(), eig[d - 1],
                                    d > 1 ? eig[d - 2] - h.kappa() : 0.0, upper - eig[0]);
                        }
                    }
                    return null;
                }, Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.floor(PropertyEvidence.floorFor(DEFAULT_TRIES));
        evidence.measure(Measurement.atLeast("min over cases of lambda_min(H) + slack", tightest[0], 0.0,
                "slack = Tolerances.EIGEN_SOLVER_AGREEMENT x lambda_max"));
        evidence.measure(Measurement.atLeast("min over cases of lambda_{d-1}(H) - kappa + slack", tightest[1], 0.0,
                "slack = Tolerances.EIGEN_SOLVER_AGREEMENT x lambda_max"));
        evidence.measure(Measurement.atLeast("min over cases of (mean||x'||^2/4 + kappa) - lambda_max(H) + slack",
                tightest[2], 0.0, "slack = Tolerances.EIGEN_SOLVER_AGREEMENT x lambda_max"));
        evidence.measure(Measurement.atLeast("(c) min over cases of lambda_max(A) + kappa - lambda_max(H) + slack",
                tightest[3], 0.0, "slack = Tolerances.EIGEN_SOLVER_AGREEMENT x lambda_max"));
        evidence.measure(Measurement.atLeast("(c) min over cases of mean s(m)||x'||^2 - lambda_max(A) + slack",
                tightest[4], 0.0, "slack = Tolerances.EIGEN_SOLVER_AGREEMENT x lambda_max"));
        evidence.measure(Measurement.atMost("(d) largest |trace(H) - mean s(m)||x'||^2 - (d-1) kappa| / max(1, it)",
                tightest[5], Tolerances.ROUNDING * TRACE_TERMS, "Tolerances.ROUNDING x 8, the largest d generated (d terms summed)"));
        return String.format(Locale.ROOT, "(a), (b), every inequality of (c) and the identity (d) held on %d problems "
                + "with both eigen-solvers.", report.tries());
    }
}
