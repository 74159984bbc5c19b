package org.advsharp.checks.fashion;

import java.util.List;
import org.advsharp.check.Check;
import org.advsharp.check.WhereAvailable;
import org.advsharp.data.FashionMnist;

/**
 * The checks of proofs/fashion.md, one class per claim: the matrix-free solver against the dense reference on
 * the bundled digits ({@link MatrixFreeMatchesDense}) and at d = 784 on Fashion-MNIST
 * ({@link MatrixFreeMatchesDense784}, its own claim so that the digits alone, where Lanczos spans the whole space,
 * cannot verify it), the trends on Fashion-MNIST ({@link FashionSharpnessRises}, {@link FashionNoiseGapGrows}),
 * and Linf against L2 training there ({@link FashionLinfGrowsLessThanL2}). The Fashion-MNIST checks are NOT RUN
 * where the data are not installed ({@link #onFashionMnist}).
 */
public final class FashionChecks {

    private FashionChecks() {
    }

    /** The checks, sharing one {@link FashionRun}: the data and sweeps are made once for this list. */
    public static List<Check> checks() {
        FashionRun run = new FashionRun();
        return List.of(
                new MatrixFreeMatchesDense(),
                onFashionMnist(new MatrixFreeMatchesDense784(run)),
                onFashionMnist(new FashionSharpnessRises(run)),
                onFashionMnist(new FashionNoiseGapGrows(run)),
                onFashionMnist(new FashionLinfGrowsLessThanL2(run)));
    }

    /**
     * The check, run only where Fashion-MNIST is installed: where {@link FashionMnist#missing()} gives a reason
     * (the files absent, with the command that installs them) the check is NOT RUN with it. CI requires the data:
     * {@code .ci/run} stops before the build when they are absent.
     */
    private static Check onFashionMnist(Check check) {
        return new WhereAvailable(check, FashionMnist::missing);
    }
}
