package org.advsharp.checks.hessian;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.Measurement;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.checks.problems.SeededCase;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.EjmlSymmetricEigenSolver;
import org.advsharp.numerics.FiniteDifferences;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.oracle.Logistic;
import org.advsharp.oracle.RandomNoiseLoss;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Checks of prop:decomposition, prop:kappa-monotone and prop:random-noise: the direction term is what
 * separates the re-attacked Hessian from the detached one, kappa rises with eps, and noise that does not
 * depend on w adds no such term.
 */
public final class DecompositionChecks {
    private static final int DEFAULT_TRIES = 200;
    /** Radii per problem at which kappa is compared in the monotonicity check. */
    private static final int KAPPA_GRID = 8;

    private DecompositionChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                new FunctionalCheck("direction-term-is-reattacked-minus-detached", "prop:decomposition",
                        "H - A = kappa P, kappa P has spectrum {kappa (d-1 times), 0}, and the finite-difference "
                                + "Hessians of the re-attacked and detached losses differ by kappa P",
                        DecompositionChecks::decomposition),
                new FunctionalCheck("kappa-zero-then-strictly-increasing", "prop:kappa-monotone",
                        "kappa = 0 at eps = 0 and strictly increases along a grid of radii",
                        DecompositionChecks::kappaMonotone),
                new FunctionalCheck("random-noise-has-no-direction-term", "prop:random-noise",
                        "the Hessian under fixed random noise equals the clean Hessian at the noisy inputs",
                        DecompositionChecks::randomNoise));
    }

    private static String decomposition(CheckContext context, Evidence evidence) {
        EjmlSymmetricEigenSolver solver = new EjmlSymmetricEigenSolver();
        double[] worst = new double[3];
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                "H = A + kappa P, with A the detached Hessian", Problems.moderate(), (c, labels) -> {
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
                            Math.max(CommonOps_DDRM.elementMaxAbs(h.full()),
                                    FiniteDifferenceScales.gradientSummands(loss, c.w())));
                    worst[0] = Math.max(worst[0], identity);
                    worst[1] = Math.max(worst[1], c.data().dimension() > 1 ? spectrum : 0.0);
                    worst[2] = Math.max(worst[2], numeric);
                    if (identity > Tolerances.IDENTITY || numeric > Tolerances.FD_HESSIAN_FROM_GRADIENT
                            || (c.data().dimension() > 1 && spectrum > Tolerances.EIGEN_SOLVER_AGREEMENT)) {
                        return String.format(Locale.ROOT, "identity %.2e, spectrum %.2e, FD difference %.2e",
                                identity, spectrum, numeric);
                    }
                    return null;
                }, Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.measure(Measurement.atMost("max relative error of H - A against kappa P", worst[0],
                CheckTolerances.IDENTITY));
        evidence.measure(Measurement.atMost("max deviation of eig(kappa P) from {kappa x (d-1), 0}, relative to kappa",
                worst[1], CheckTolerances.EIGEN_SOLVER_AGREEMENT));
        evidence.measure(Measurement.atMost(
                "max error of FD(re-attacked) - FD(detached) against kappa P, relative to max(||H||, size of the gradient's summands)", worst[2],
                CheckTolerances.FD_HESSIAN_FROM_GRADIENT));
        return String.format(Locale.ROOT, "On %d problems the re-attacked and detached finite-difference Hessians "
                + "differed by exactly kappa P (error %.1e of ||H||); H - A = kappa P to %.1e.",
                report.tries(), worst[2], worst[0]);
    }

    private static String kappaMonotone(CheckContext context, Evidence evidence) {
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                "kappa(0) = 0 and kappa strictly increases in eps", Problems.anyRegime(), (c, labels) -> {
                    if (Vectors.norm(c.w()) == 0.0 || c.eps2() == 0.0) {
                        labels.label("skipped: w = 0 or eps2 = 0");
                        return null;
                    }
                    AdversarialLoss loss = new AdversarialLoss(c.data(), 0.0);
                    double previous = loss.hessian(c.w()).kappa();
                    if (previous != 0.0) {
                        return "kappa at eps = 0 is " + previous;
                    }
                    for (int k = 1; k <= KAPPA_GRID; k++) {
                        double eps = c.eps2() * k / KAPPA_GRID;
                        double kappa = loss.atEpsilon(eps).hessian(c.w()).kappa();
                        if (kappa < Double.MIN_NORMAL) {
                            // sigma(-m) underflows for margins above about 745 (huge ||w||): kappa is then
                            // 0 or subnormal in floating point although positive in exact arithmetic.
                            // Strictness cannot be observed there; a fall still can.
                            labels.label("kappa underflows (below the smallest normal double) at some radius");
                            if (kappa < previous) {
                                return String.format(Locale.ROOT, "kappa fell: %.17g -> %.17g at eps %.6g",
                                        previous, kappa, eps);
                            }
                        } else if (!(kappa > previous)) {
                            return String.format(Locale.ROOT, "kappa fell or stalled: %.17g -> %.17g at eps %.6g",
                                    previous, kappa, eps);
                        }
                        previous = kappa;
                    }
                    return null;
                }, Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.floor(PropertyEvidence.floorFor(DEFAULT_TRIES));
        return String.format(Locale.ROOT, "On %d problems kappa was exactly 0 at eps = 0 and rose strictly at each of "
                + "%d radii up to eps2.", report.tries(), KAPPA_GRID);
    }

    private static String randomNoise(CheckContext context, Evidence evidence) {
        double[] worst = new double[1];
        PropertyReport<SeededCase> report = PropertyRunner.check(
                "fixed noise: Hessian = clean Hessian at the noisy inputs", SeededCase.of(Problems.moderate()), (sc, labels) -> {
                    AdversarialCase c = sc.problem();
                    SplittableRandom random = sc.random();
                    Dataset data = c.data();
                    int n = data.size();
                    int d = data.dimension();
                    double[][] noise = new double[n][];
                    for (int i = 0; i < n; i++) {
                        noise[i] = Problems.randomPoint(random, d, c.eps2());
                    }
                    RandomNoiseLoss noisy = new RandomNoiseLoss(data, noise);
                    // Independent literal gradient of the noisy loss, (1/N) sum -y sigma(-y w.z) z, differentiated
                    // numerically. Differences of a gradient, not second differences of values: the Hessian
                    // here can be far smaller than the loss (inputs near 0, large margins), and second
                    // differences of values carry rounding of order sqrt(u) times the loss.
                    DMatrixRMaj numeric = FiniteDifferences.hessianFromGradient(w -> {
                        double[] gradient = new double[d];
                        for (int i = 0; i < n; i++) {
                            double dot = 0.0;
                            for (int j = 0; j < d; j++) {
                                dot += w[j] * (data.feature(i, j) + noise[i][j]);
                            }
                            double weight = -data.label(i) * Logistic.sigmoid(-data.label(i) * dot) / n;
                            for (int j = 0; j < d; j++) {
                                gradient[j] += weight * (data.feature(i, j) + noise[i][j]);
                            }
                        }
                        return gradient;
                    }, c.w());
                    // The noisy loss is the clean loss at the noisy inputs, i.e. the eps = 0 adversarial loss there.
                    double[][] noisyInputs = new double[n][d];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < d; j++) {
                            noisyInputs[i][j] = data.feature(i, j) + noise[i][j];
                        }
                    }
                    double summands = FiniteDifferenceScales.gradientSummands(
                            new AdversarialLoss(Dataset.of(noisyInputs, data.labels()), 0.0), c.w());
                    DMatrixRMaj exact = noisy.hessian(c.w());
                    double error = FiniteDifferenceScales.error(numeric, exact,
                            Math.max(CommonOps_DDRM.elementMaxAbs(exact), summands));
                    worst[0] = Math.max(worst[0], error);
                    return error > Tolerances.FD_HESSIAN_FROM_GRADIENT ? "relative error " + error : null;
                }, Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, SeededCase::pasteable);
        evidence.measure(Measurement.atMost("max error of (1/N) sum s z z^T vs differences of the gradient, relative to max(||H||, size of the gradient's summands)",
                worst[0], CheckTolerances.FD_HESSIAN_FROM_GRADIENT));
        return String.format(Locale.ROOT, "With noise of norm eps held fixed, differences of the noisy loss's gradient "
                + "matched the clean Hessian at the noisy inputs to %.1e on %d problems: no direction term.",
                worst[0], report.tries());
    }
}
