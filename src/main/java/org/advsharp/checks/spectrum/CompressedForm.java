package org.advsharp.checks.spectrum;

import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * lem:compressed-form (section 4 of the theory): on {@value #DEFAULT_TRIES} problems of any regime, the
 * attack leaves the inputs' components orthogonal to w unchanged (Q^T x'_n = Q^T x_n), the compressed
 * Hessian Q^T H Q equals its closed form, and the curvature along w, w_hat^T H w_hat, equals
 * mean s(m) m^2 / ||w||^2, each to Tolerances.IDENTITY.
 */
final class CompressedForm implements Check {
    private static final int DEFAULT_TRIES = 200;

    @Override
    public String id() {
        return "compressed-closed-form";
    }

    @Override
    public String claimId() {
        return "lem:compressed-form";
    }

    @Override
    public String title() {
        return "Q^T x'_n = Q^T x_n, Q^T H Q by its closed form, and w_hat^T H w_hat = mean s(m) m^2/||w||^2";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        Worst worst = new Worst();
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
                    worst.see(projection, compressed, along);
                    if (projection > Tolerances.IDENTITY || compressed > Tolerances.IDENTITY
                            || along > Tolerances.IDENTITY) {
                        return String.format(Locale.ROOT, "projection %.2e, compressed %.2e, along-w %.2e",
                                projection, compressed, along);
                    }
                    return null;
                }, Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.floor(PropertyEvidence.floorFor(DEFAULT_TRIES));
        evidence.measure(Measurement.atMost("max relative difference of Q^T x'_n and Q^T x_n", worst.projection,
                CheckTolerances.IDENTITY));
        evidence.measure(Measurement.atMost("max relative error of the closed-form Q^T H Q", worst.compressed,
                CheckTolerances.IDENTITY));
        evidence.measure(Measurement.atMost("max error of the closed-form curvature along w, relative to ||H||",
                worst.along, CheckTolerances.IDENTITY));
        return String.format(Locale.ROOT, "On %d problems the closed forms matched products with Q to %.1e.",
                report.tries(), Math.max(worst.projection, Math.max(worst.compressed, worst.along)));
    }

    /** The largest errors seen: of the projection Q^T x'_n, of Q^T H Q, and of the curvature along w. */
    private static final class Worst {
        private double projection;
        private double compressed;
        private double along;

        void see(double projectionError, double compressedError, double alongError) {
            projection = Math.max(projection, projectionError);
            compressed = Math.max(compressed, compressedError);
            along = Math.max(along, alongError);
        }
    }
}
