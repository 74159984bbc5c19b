package org.advsharp.checks.deep;

import java.util.List;
import org.advsharp.check.Check;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.deep.study.RegisteredStudy;

/**
 * The checks of proofs/deep.md, one class per claim: the DJL tier, each run only where libtorch loads
 * ({@link OnLibtorch}), and the linear mechanism behind its regime map, which needs no libtorch. They run in VerificationSuiteIT and {@code advsharp verify} only; unit tests cover the
 * components on tiny settings.
 */
public final class DeepChecks {

    private DeepChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                new OnLibtorch(new PgdMatchesClosedForm()),
                new OnLibtorch(new HvpExactVsFiniteDifferences()),
                new OnLibtorch(new CalibrationAgainstOracle()),
                new OnLibtorch(new LanczosValidation()),
                new OnLibtorch(new SoftmaxDirectionTerm()),
                new OnLibtorch(new ResNetPaperScale()),
                new OnLibtorch(new FunctionalCheck(StudyRecord.CHECK_ID, StudyRecord.CLAIM_ID,
                        "the ResNet18 study's record: well formed, as pre-registered, its pooled trend test",
                        StudyChecks::record)),
                new OnLibtorch(new FunctionalCheck("deep-resnet-study-reproduces", StudyRecord.CLAIM_ID,
                        "a reduced rerun of one of the study's runs reproduces the record's numbers",
                        StudyChecks::reproduces)),
                new OnLibtorch(new FunctionalCheck(RegisteredStudy.FITTED.recordCheckId(), RegisteredStudy.FITTED.claimId(),
                        "the fitted-regime study's record: pinned, as pre-registered, its fit criteria and trend test",
                        (c, e) -> StudyChecks.record(RegisteredStudy.FITTED, c, e))),
                new OnLibtorch(new FunctionalCheck(RegisteredStudy.FITTED.rerunCheckId(), RegisteredStudy.FITTED.claimId(),
                        "a reduced rerun of one of the fitted study's runs reproduces the record's numbers",
                        (c, e) -> StudyChecks.reproduces(RegisteredStudy.FITTED, c, e))),
                new OnLibtorch(new FunctionalCheck(RegimeMapCheck.CHECK_ID, RegimeMapCheck.CLAIM_ID,
                        "the sign of the study trends against the fit of the networks, on the two pinned records",
                        RegimeMapCheck::run)),
                new LinearRegimeMechanism());
    }
}
