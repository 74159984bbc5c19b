package org.advsharp.checks.fashion;

import java.util.List;
import org.advsharp.check.Check;

/**
 * The checks of proofs/fashion.md, one class per claim: the matrix-free solver against the dense reference on
 * the bundled digits ({@link MatrixFreeMatchesDense}) and at d = 784 on Fashion-MNIST
 * ({@link MatrixFreeMatchesDense784}, its own claim so that the digits alone, where Lanczos spans the whole space,
 * cannot verify it), the trends on Fashion-MNIST ({@link FashionSharpnessRises}, {@link FashionNoiseGapGrows}),
 * and Linf against L2 training there ({@link FashionLinfGrowsLessThanL2}). The Fashion-MNIST checks are NOT RUN
 * where the data are not installed ({@link OnFashionMnist}).
 */
public final class FashionChecks {

    private FashionChecks() {
    }

    /** The checks, sharing one {@link FashionRun}: the data and sweeps are made once for this list. */
    public static List<Check> checks() {
        FashionRun run = new FashionRun();
        return List.of(
                new MatrixFreeMatchesDense(),
                new OnFashionMnist(new MatrixFreeMatchesDense784(run)),
                new OnFashionMnist(new FashionSharpnessRises(run)),
                new OnFashionMnist(new FashionNoiseGapGrows(run)),
                new OnFashionMnist(new FashionLinfGrowsLessThanL2(run)));
    }
}
