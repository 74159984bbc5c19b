package org.advsharp.checks.fashion;

import static org.advsharp.checks.Figures.fourDigits;
import static org.advsharp.checks.fashion.FashionRun.LAMBDA;
import static org.advsharp.checks.fashion.FashionRun.name;
import static org.advsharp.checks.fashion.MatrixFreeMatchesDense.relative;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.Table;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.data.Dataset;
import org.advsharp.training.PointSharpness;
import org.advsharp.training.SweepPoint;
import org.advsharp.training.SweepResult;

/**
 * inst:matrix-free-matches-dense-784: the dense measurement at the matrix-free w* of a Fashion-MNIST pair (sneaker
 * vs ankle boot, d = 784) at the radii {@link #DENSE_AT_784}: the largest relative difference of lambda_max(H),
 * lambda_max(A), trace H and kappa must be at most {@link CheckTolerances#SOLVER_AGREEMENT}, at certified points.
 * Its own claim, so that the digits alone ({@link MatrixFreeMatchesDense}), where Lanczos spans the whole space,
 * cannot verify it. NOT RUN where Fashion-MNIST is not installed ({@link FashionChecks}).
 */
final class MatrixFreeMatchesDense784 implements Check {
    /** Radii at which the dense measurement is repeated at 784 dimensions (each forms a 784 x 784 Hessian). */
    private static final double[] DENSE_AT_784 = {0.5, 0.9};

    private final FashionRun run;

    MatrixFreeMatchesDense784(FashionRun run) {
        this.run = run;
    }

    @Override
    public String id() {
        return "matrix-free-against-dense-784";
    }

    @Override
    public String claimId() {
        return "inst:matrix-free-matches-dense-784";
    }

    @Override
    public String title() {
        return "Fashion-MNIST sneaker vs ankle boot (d = 784): the dense measurement at the matrix-free w* at "
                + "0.5 and 0.9 of the critical radius";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        double worst = 0;
        String worstWhat = "";
        List<List<String>> rows = new ArrayList<>();
        int[] pair = FashionRun.PAIRS[1];
        Dataset data = run.data(pair);
        SweepResult s = run.adversarial(pair);
        boolean certified = true;
        for (double r : DENSE_AT_784) {
            SweepPoint p = s.points().get(FashionRun.indexOf(r));
            certified &= p.result().converged();
            PointSharpness a = PointSharpness.dense(data, p.epsilon(), p.result().w());
            PointSharpness b = p.sharpness();
            double[] diff = {relative(a.lambdaMaxH(), b.lambdaMaxH()), relative(a.lambdaMaxA(), b.lambdaMaxA()),
                relative(a.traceH(), b.traceH()), relative(a.kappa(), b.kappa())};
            String[] names = {"lambda_max(H)", "lambda_max(A)", "trace H", "kappa"};
            for (int i = 0; i < diff.length; i++) {
                if (diff[i] > worst) {
                    worst = diff[i];
                    worstWhat = names[i] + " on " + name(pair) + " at eps/eps_c = " + r;
                }
            }
            rows.add(List.of(name(pair) + " (d = 784, at the matrix-free w*)", fourDigits(r), fourDigits(a.lambdaMaxH()),
                    fourDigits(b.lambdaMaxH()), fourDigits(diff[0]), fourDigits(diff[1]), fourDigits(diff[2]), fourDigits(diff[3])));
        }
        evidence.table(new Table("dense against matrix-free measurement at d = 784, lambda = " + LAMBDA
                + " (relative differences)", List.of("data", "eps/eps_c", "lambda_max(H) dense",
                "lambda_max(H) matrix-free", "lambda_max(H)", "lambda_max(A)", "trace H", "kappa"), rows));
        evidence.fact("largest relative difference", worstWhat);
        evidence.fact("Fashion-MNIST radii compared at d = 784", DENSE_AT_784.length);
        evidence.measure(Measurement.atMost("largest relative difference, dense against matrix-free at d = 784", worst,
                CheckTolerances.SOLVER_AGREEMENT));
        evidence.measure(Measurement.atLeast("matrix-free certified at the compared radii", certified ? 1 : 0, 1,
                "the comparison needs certified points"));
        return String.format(Locale.ROOT, "at d = 784 the dense measurement at the matrix-free w* agrees to %.2g "
                + "relative at worst (%s), at %d radii", worst, worstWhat, DENSE_AT_784.length);
    }
}
