package org.advsharp.checks.deep;

import java.util.List;
import java.util.Optional;
import org.advsharp.check.Check;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.WhereAvailable;
import org.advsharp.deep.engine.DjlEnvironment;
import org.advsharp.deep.study.RegisteredStudy;

/**
 * The checks of proofs/deep.md, one class per claim: the DJL tier, each run only where libtorch loads
 * ({@link #onLibtorch}), and the linear mechanism behind its regime map, which needs no libtorch. They run in
 * VerificationSuiteIT and {@code advsharp verify} only; unit tests cover the components on tiny settings.
 */
public final class DeepChecks {

    private DeepChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                onLibtorch(new PgdMatchesClosedForm()),
                onLibtorch(new HvpExactVsFiniteDifferences()),
                onLibtorch(new CalibrationAgainstOracle()),
                onLibtorch(new LanczosValidation()),
                onLibtorch(new SoftmaxDirectionTerm()),
                onLibtorch(new ResNetPaperScale()),
                onLibtorch(new FunctionalCheck(StudyRecord.CHECK_ID, StudyRecord.CLAIM_ID,
                        "the ResNet18 study's record: well formed, as pre-registered, its pooled trend test",
                        StudyChecks::record)),
                onLibtorch(new FunctionalCheck("deep-resnet-study-reproduces", StudyRecord.CLAIM_ID,
                        "a reduced rerun of one of the study's runs reproduces the record's numbers",
                        StudyChecks::reproduces)),
                onLibtorch(new FunctionalCheck(RegisteredStudy.FITTED.recordCheckId(), RegisteredStudy.FITTED.claimId(),
                        "the fitted-regime study's record: pinned, as pre-registered, its fit criteria and trend test",
                        (c, e) -> StudyChecks.record(RegisteredStudy.FITTED, c, e))),
                onLibtorch(new FunctionalCheck(RegisteredStudy.FITTED.rerunCheckId(), RegisteredStudy.FITTED.claimId(),
                        "a reduced rerun of one of the fitted study's runs reproduces the record's numbers",
                        (c, e) -> StudyChecks.reproduces(RegisteredStudy.FITTED, c, e))),
                onLibtorch(new FunctionalCheck(RegimeMapCheck.CHECK_ID, RegimeMapCheck.CLAIM_ID,
                        "the sign of the study trends against the fit of the networks, on the two pinned records",
                        RegimeMapCheck::run)),
                new LinearRegimeMechanism());
    }

    /**
     * The check, run only where libtorch loads: DJL is first made offline ({@link DjlEnvironment#ensureOffline()});
     * where the platform cannot run the engine ({@link DjlEnvironment#unsupportedPlatform()}) the check is NOT RUN
     * with that reason instead of failing.
     */
    private static Check onLibtorch(Check check) {
        return new WhereAvailable(check, () -> {
            DjlEnvironment.ensureOffline();
            return Optional.ofNullable(DjlEnvironment.unsupportedPlatform());
        });
    }
}
