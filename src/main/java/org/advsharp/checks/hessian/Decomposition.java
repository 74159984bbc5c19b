package org.advsharp.checks.hessian;

import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.EjmlSymmetricEigenSolver;
import org.advsharp.numerics.FiniteDifferences;
import org.advsharp.numerics.Tolerances;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * prop:decomposition: the direction term is what separates the re-attacked Hessian from the detached one. The
 * closed forms satisfy H - A = kappa P, kappa P has the spectrum {kappa (d-1 times), 0}, and, independently, the
 * finite-difference Hessians of the re-attacked loss and of the loss with the adversarial inputs detached differ
 * by kappa P.
 */
final class Decomposition implements Check {
    private static final int DEFAULT_TRIES = 200;

    @Override
    public String id() {
        return "direction-term-is-reattacked-minus-detached";
    }

    @Override
    public String claimId() {
        return "prop:decomposition";
    }

    @Override
    public String title() {
        return "H - A = kappa P, kappa P has spectrum {kappa (d-1 times), 0}, and the finite-difference "
                + "Hessians of the re-attacked and detached losses differ by kappa P";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        EjmlSymmetricEigenSolver solver = new EjmlSymmetricEigenSolver();
        Worst worst = new Worst();
        PropertyReport<AdversarialCase> report = PropertyRunner.check("H = A + kappa P, with A the detached Hessian",
                Problems.moderate(), (c, labels) -> trial(c, solver, worst), Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.measure(Measurement.atMost("max relative error of H - A against kappa P", worst.identity,
                CheckTolerances.IDENTITY));
        evidence.measure(Measurement.atMost("max deviation of eig(kappa P) from {kappa x (d-1), 0}, relative to kappa",
                worst.spectrum, CheckTolerances.EIGEN_SOLVER_AGREEMENT));
        evidence.measure(Measurement.atMost(
                "max error of FD(re-attacked) - FD(detached) against kappa P, relative to max(||H||, size of the "
                        + "gradient's summands)",
                worst.finiteDifferences, CheckTolerances.FD_HESSIAN_FROM_GRADIENT));
        return String.format(Locale.ROOT, "On %d problems the re-attacked and detached finite-difference Hessians "
                + "differed by exactly kappa P (error %.1e of ||H||); H - A = kappa P to %.1e.",
                report.tries(), worst.finiteDifferences, worst.identity);
    }

    /** One problem: the identity, the spectrum of kappa P and the finite-difference check; the failure, or null. */
    private static String trial(AdversarialCase c, EjmlSymmetricEigenSolver solver, Worst worst) {
        AdversarialLoss loss = new AdversarialLoss(c.data(), c.eps2());
        HessianDecomposition h = loss.hessian(c.w());
        DMatrixRMaj kappaP = h.projector();
        CommonOps_DDRM.scale(h.kappa(), kappaP);
        DMatrixRMaj difference = h.full();
        CommonOps_DDRM.subtractEquals(difference, h.fixedInputPart());
        double identity = Tolerances.relativeError(difference, kappaP);
        double[] eig = solver.decompose(kappaP).eigenvalues();
        double spectrum = Math.abs(eig[eig.length - 1]);
        for (int i = 0; i < eig.length - 1; i++) {
            spectrum = Math.max(spectrum, Math.abs(eig[i] - h.kappa()));
        }
        spectrum /= Math.max(h.kappa(), Double.MIN_NORMAL);
        // Independent: finite differences of the re-attacked loss and of the loss with the
        // adversarial inputs detached (the clean loss at x'_n held fixed).
        Dataset detached = Dataset.of(loss.adversarialInputs(c.w()), c.data().labels());
        AdversarialLoss detachedLoss = new AdversarialLoss(detached, 0.0);
        DMatrixRMaj reattacked = FiniteDifferences.hessianFromGradient(loss::gradient, c.w());
        DMatrixRMaj frozen = FiniteDifferences.hessianFromGradient(detachedLoss::gradient, c.w());
        CommonOps_DDRM.subtractEquals(reattacked, frozen);
        double numeric = FiniteDifferenceScales.error(reattacked, kappaP,
                Math.max(CommonOps_DDRM.elementMaxAbs(h.full()), FiniteDifferenceScales.gradientSummands(loss, c.w())));
        worst.identity = Math.max(worst.identity, identity);
        worst.spectrum = Math.max(worst.spectrum, c.data().dimension() > 1 ? spectrum : 0.0);
        worst.finiteDifferences = Math.max(worst.finiteDifferences, numeric);
        if (identity > Tolerances.IDENTITY || numeric > Tolerances.FD_HESSIAN_FROM_GRADIENT
                || (c.data().dimension() > 1 && spectrum > Tolerances.EIGEN_SOLVER_AGREEMENT)) {
            return String.format(Locale.ROOT, "identity %.2e, spectrum %.2e, FD difference %.2e",
                    identity, spectrum, numeric);
        }
        return null;
    }

    /** The largest values over the run's problems. */
    private static final class Worst {
        /** Relative error of H - A against kappa P. */
        private double identity;
        /** Deviation of eig(kappa P) from {kappa x (d-1), 0}, relative to kappa (0 in one dimension). */
        private double spectrum;
        /** Error of FD(re-attacked) - FD(detached) against kappa P, relative to its scale. */
        private double finiteDifferences;
    }
}
