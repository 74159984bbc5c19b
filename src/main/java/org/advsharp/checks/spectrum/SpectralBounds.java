package org.advsharp.checks.spectrum;

import java.util.List;
import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
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
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * prop:spectral-bounds (section 4 of the theory), with both eigen-solvers (EJML and Commons Math) on
 * {@value #DEFAULT_TRIES} problems of any regime: (a) lambda_min(H) &gt;= 0; (b) lambda_{d-1}(H) &gt;= kappa;
 * (c) lambda_max(H) &lt;= lambda_max(A) + kappa, lambda_max(A) &lt;= mean s(m) ||x'||^2, and lambda_max(H)
 * &lt;= mean ||x'||^2 / 4 + kappa, each up to the solvers' slack; (d) trace(H) = mean s(m) ||x'||^2
 * + (d - 1) kappa to rounding.
 */
final class SpectralBounds implements Check {
    private static final int DEFAULT_TRIES = 200;
    /** The largest dimension the generators draw: the trace identity sums that many diagonal terms. */
    private static final int TRACE_TERMS = 8;
    private static final String SLACK = "slack = Tolerances.EIGEN_SOLVER_AGREEMENT x lambda_max";

    @Override
    public String id() {
        return "spectral-bounds-both-solvers";
    }

    @Override
    public String claimId() {
        return "prop:spectral-bounds";
    }

    @Override
    public String title() {
        return "lambda_min(H) >= 0, lambda_{d-1}(H) >= kappa, lambda_max(H) <= mean||x'||^2/4 + kappa";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        List<SymmetricEigenSolver> solvers = List.of(new EjmlSymmetricEigenSolver(),
                new CommonsMathSymmetricEigenSolver());
        Tightest tightest = new Tightest();
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
                    tightest.seeTrace(traceError);
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
                        tightest.see(lowest, secondLowest, top, viaA, aBound);
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
        evidence.measure(Measurement.atLeast("min over cases of lambda_min(H) + slack", tightest.lowest, 0.0, SLACK));
        evidence.measure(Measurement.atLeast("min over cases of lambda_{d-1}(H) - kappa + slack", tightest.secondLowest,
                0.0, SLACK));
        evidence.measure(Measurement.atLeast("min over cases of (mean||x'||^2/4 + kappa) - lambda_max(H) + slack",
                tightest.top, 0.0, SLACK));
        evidence.measure(Measurement.atLeast("(c) min over cases of lambda_max(A) + kappa - lambda_max(H) + slack",
                tightest.viaA, 0.0, SLACK));
        evidence.measure(Measurement.atLeast("(c) min over cases of mean s(m)||x'||^2 - lambda_max(A) + slack",
                tightest.aBound, 0.0, SLACK));
        evidence.measure(Measurement.atMost("(d) largest |trace(H) - mean s(m)||x'||^2 - (d-1) kappa| / max(1, it)",
                tightest.traceError, Tolerances.ROUNDING * TRACE_TERMS,
                "Tolerances.ROUNDING x 8, the largest d generated (d terms summed)"));
        return String.format(Locale.ROOT, "(a), (b), every inequality of (c) and the identity (d) held on %d problems "
                + "with both eigen-solvers.", report.tries());
    }

    /**
     * The tightest margins seen, each with the solver's slack added (a negative one breaks its inequality),
     * and the largest relative error of the trace identity (d).
     */
    private static final class Tightest {
        private double lowest = Double.POSITIVE_INFINITY;
        private double secondLowest = Double.POSITIVE_INFINITY;
        private double top = Double.POSITIVE_INFINITY;
        private double viaA = Double.POSITIVE_INFINITY;
        private double aBound = Double.POSITIVE_INFINITY;
        private double traceError;

        void see(double lowestMargin, double secondLowestMargin, double topMargin, double viaAMargin,
                 double aBoundMargin) {
            lowest = Math.min(lowest, lowestMargin);
            secondLowest = Math.min(secondLowest, secondLowestMargin);
            top = Math.min(top, topMargin);
            viaA = Math.min(viaA, viaAMargin);
            aBound = Math.min(aBound, aBoundMargin);
        }

        void seeTrace(double relativeError) {
            traceError = Math.max(traceError, relativeError);
        }
    }
}
